/**
 * Incremental runs against full runs through a sequence of edits that move the tree plan
 * (check/plan-tree.ts): after each edit, a run with the input index and the caches regenerates
 * only the packages the edit reaches, and writes, reports and returns exactly what a full run
 * from the same out folder without its cache does.
 */
import { cpSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_DIR_NAME } from "../../generator/cache/cache-entry.js";
import { hashTree } from "../../generator/cache/hash-files.js";
import { runPipeline, type PipelineOptions } from "../../generator/pipeline.js";
import { multiServiceTree, type Tree } from "../pipeline/multi-service-tree.js";

let tree: Tree;
let out: string;
const GENERATOR = "generator-a";
const generate = (outDir: string, extra: Partial<PipelineOptions> = {}) =>
  runPipeline({
    inputs: [tree.specs],
    outDir,
    printThreads: 0,
    generatorFingerprint: GENERATOR,
    ...extra,
  });
const files = (dir: string) => hashTree(dir, (folder) => folder === CACHE_DIR_NAME);
const page = (copy: number, name: string) =>
  path.join(tree.specs, `copy-0${copy}`, "2018-03-30", name);

beforeAll(async () => {
  tree = multiServiceTree(3);
  out = tree.out("out");
  await generate(out);
}, 300_000);
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

/** What a full run writes and reports, from the out folder as it is now but without its cache. */
async function fullRun() {
  const copy = tree.out(`full-${Math.random().toString(36).slice(2)}`);
  cpSync(out, copy, { recursive: true });
  rmSync(path.join(copy, CACHE_DIR_NAME), { recursive: true, force: true });
  try {
    const result = await generate(copy);
    expect(result.packages?.reused).toEqual([]);
    return { result, written: files(copy), ir: result.ir };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** A second action of dts1, using the same structures: dts1 then owns the data types pages. */
const secondAction = () => page(1, "DescribeOne.md");

interface Step {
  readonly edit: string;
  readonly apply: () => void;
  readonly generated: readonly string[];
}

const steps: Step[] = [
  {
    edit: "an action page added to dts1 (the data types pages move to dts1)",
    apply: () =>
      writeFileSync(
        secondAction(),
        readFileSync(page(1, "ModifyMigrateJob.md"), "utf8").replaceAll(
          "ModifyMigrateJob",
          "DescribeOne",
        ),
      ),
    generated: ["dts1"],
  },
  {
    edit: "copy-00's data types page edited (dts1 owns it now, not dts)",
    apply: () => {
      const file = page(0, "data-types.md");
      const text = readFileSync(file, "utf8");
      const edited = text.replace("The destination instance", "The target instance (edited)");
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);
    },
    generated: ["dts1"],
  },
  {
    edit: "the added action page removed (the data types pages are nobody's again)",
    apply: () => unlinkSync(secondAction()),
    generated: ["dts1"],
  },
  {
    edit: "an action page of dts2 edited",
    apply: () => {
      const file = page(2, "ModifyMigrateJob.md");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("Name of a data migration task", "Task name (edited)"),
      );
    },
    generated: ["dts2"],
  },
];

describe("incremental runs through a sequence of edits", { timeout: 300_000 }, () => {
  it.each(steps)("$edit: regenerates $generated, as a full run would", async (step) => {
    expect(readFileSync(page(0, "data-types.md"), "utf8")).toContain("Referenced by");
    step.apply();
    const run = await generate(out);
    expect(run.cache).toBe("miss");
    expect(run.packages?.generated).toEqual(step.generated);
    const full = await fullRun();
    expect(files(out)).toEqual(full.written);
    expect(run.diagnostics).toEqual(full.result.diagnostics);
    expect(run.ir).toEqual(full.ir);
    // The summary's totals come from the plan, not the IR: they must agree with the IR.
    const actions = full.ir.services.flatMap((s) => s.versions).flatMap((v) => v.actions);
    expect(run.counts).toEqual({ services: full.ir.services.length, actions: actions.length });
    // And the next run has nothing to do.
    const again = await generate(out);
    expect(again.cache).toBe("hit");
    expect(again.write).toEqual({ changed: [], written: false });
  });

  it("reads no page whose size, time and inode are as recorded, and hashes a touched one", async () => {
    const steps: string[] = [];
    const touched = page(0, "ModifyMigrateJob.md");
    const old = new Date(Date.now() - 60_000);
    utimesSync(touched, old, old);
    const run = await generate(out, { onStep: (step) => steps.push(step) });
    expect(run.cache).toBe("hit");
    expect(steps.some((step) => step.startsWith("parse"))).toBe(false);
    expect(run.packages).toEqual({ generated: [], reused: ["dts", "dts1", "dts2"] });
  });

  it("answers --strict from the same caches, with warnings as errors", async () => {
    const plain = await generate(out);
    const strict = await generate(out, { strict: true });
    expect(strict.cache).toBe("hit");
    expect(strict.failed).toBe(true);
    expect(strict.diagnostics.map((d) => d.code)).toEqual(plain.diagnostics.map((d) => d.code));
    expect(strict.diagnostics.every((d) => d.severity !== "warning")).toBe(true);
  });

  it("reads every page again from the page cache when the index is unreadable, and writes nothing", async () => {
    const before = files(out);
    writeFileSync(path.join(out, CACHE_DIR_NAME, "inputs.json"), "{");
    const run = await generate(out);
    expect(run.packages?.generated).toEqual([]);
    expect(files(out)).toEqual(before);
    expect((await generate(out)).cache).toBe("hit");
  });

  it("builds and generates everything again for another generator", async () => {
    const run = await generate(out, { generatorFingerprint: "generator-b" });
    expect(run.packages).toEqual({ generated: ["dts", "dts1", "dts2"], reused: [] });
    expect((await generate(out, { generatorFingerprint: "generator-b" })).cache).toBe("hit");
  });
});
