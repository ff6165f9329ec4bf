/**
 * json-layout.ts lays out JSON as prettier does for a .json file written by JSON.stringify, or
 * declines (undefined). Checked against prettier itself: on random values (fast-check), on
 * values at the print width's edge, and on every JSON file of the fixtures and the corpus.
 */
import fc from "fast-check";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import type { Ir } from "../../generator/ir/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import { layOutJson } from "../../generator/print/json-layout.js";
import { PRETTIER_OPTIONS } from "../../generator/print/prettier-options.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";
import { sharedPath } from "../shared-folder.js";

async function prettierJson(value: unknown, fileName = "data.json"): Promise<string> {
  return format(`${JSON.stringify(value, null, 2)}\n`, { ...PRETTIER_OPTIONS, filepath: fileName });
}

/** Laid out files that differ from prettier, and how many were laid out at all. */
async function compareJsonFiles(ir: Ir): Promise<{ laidOut: number; differ: string[] }> {
  let laidOut = 0;
  const differ: string[] = [];
  for (const file of emitPackages(ir)) {
    if (file.plan.kind !== "json" || file.path.endsWith("/package.json")) continue;
    const laid = layOutJson(file.plan.value);
    if (laid === undefined) continue;
    laidOut++;
    const name = file.path.slice(file.path.lastIndexOf("/") + 1);
    if (laid !== (await prettierJson(file.plan.value, name))) differ.push(file.path);
  }
  return { laidOut, differ };
}

const key = fc.string({ unit: fc.constantFrom("a", "b", "Z", "_", "-", " ", "1"), maxLength: 30 });
const text = fc.string({
  unit: fc.constantFrom("x", "y", " ", '"', "\\", "/", "é", "中"),
  maxLength: 40,
});
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 12 }),
    fc.dictionary(key, tie("value"), { maxKeys: 5 }),
  ),
})).value;

describe("layOutJson", () => {
  it("agrees with prettier whenever it lays a value out", async () => {
    let laidOut = 0;
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const laid = layOutJson(value);
        if (laid === undefined) return;
        laidOut++;
        expect(laid).toBe(await prettierJson(value));
      }),
      { numRuns: 400 },
    );
    expect(laidOut).toBeGreaterThan(200);
  });

  it("puts an array on one line up to the print width exactly, and breaks it past that", async () => {
    const lines = new Set<number>();
    // The line `  "list": ["xx…x", "y"]` is `length` characters wide.
    for (let length = 95; length <= 102; length++) {
      // The comma after the array counts towards the width, at the end of an object it is absent.
      for (const value of [
        { list: ["x".repeat(length - 18), "y"] },
        { list: ["x".repeat(length - 18), "y"], next: 1 },
      ]) {
        const laid = layOutJson(value);
        expect(laid).toBe(await prettierJson(value));
        lines.add(laid?.split("\n").length ?? 0);
      }
    }
    expect([...lines].sort()).toEqual([4, 5, 7, 8]);
  });

  it("breaks two or more arrays of two or more members, even when they fit", async () => {
    for (const value of [
      {
        pairs: [
          [1, 2],
          [3, 4],
        ],
      },
      {
        pairs: [
          ["a", "b"],
          ["c", "d"],
        ],
        next: true,
      },
      { singles: [[1], [2]] },
      { empties: [{}, {}] },
    ]) {
      expect(layOutJson(value)).toBe(await prettierJson(value));
    }
    expect(
      layOutJson({
        pairs: [
          [1, 2],
          [3, 4],
        ],
      })?.split("\n").length,
    ).toBe(7);
  });

  it("declines what prettier measures or fills differently: wide text in arrays, long number lists", () => {
    expect(layOutJson({ names: ["中文"] })).toBeUndefined();
    expect(layOutJson({ codes: Array.from({ length: 40 }, (_, i) => i * 1000) })).toBeUndefined();
    expect(layOutJson({ description: "中文 text outside arrays is laid out" })).toBeDefined();
  });

  it.each(["dts-seed", "edge-cases", "widened"])(
    "%s: every JSON file as prettier prints it",
    async (name) => {
      const { laidOut, differ } = await compareJsonFiles(loadFixtureIr(name));
      expect(laidOut).toBeGreaterThan(2);
      expect(differ).toEqual([]);
    },
  );

  const corpus = sharedPath("JSON layout over the corpus", "corpus");
  it.skipIf(!corpus.present)(
    "the corpus: every JSON file as prettier prints it",
    async () => {
      const { ir } = await runPipeline({ inputs: [corpus.path] });
      const { laidOut, differ } = await compareJsonFiles(ir);
      expect(laidOut).toBeGreaterThan(200);
      expect(differ).toEqual([]);
    },
    120_000,
  );
});
