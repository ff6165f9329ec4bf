/**
 * The pipeline emits, prints and writes one package at a time (generator/write/generate-packages.ts),
 * with prettier in worker threads or in this thread. Whatever the route, the out folder must hold
 * exactly what the whole-IR route writes: every emitter over the whole IR, every file printed,
 * one write.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTree } from "../../generator/cache/hash-files.js";
import { CACHE_DIR_NAME } from "../../generator/cache/cache-entry.js";
import { buildIr } from "../../generator/check/build-ir.js";
import { planReleases } from "../../generator/diff/release/plan-releases.js";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { loadPages } from "../../generator/load/load-pages.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { sortDiagnostics } from "../../generator/diagnostics/format.js";
import { runPipeline } from "../../generator/pipeline.js";
import { formatFiles } from "../../generator/print/format-files.js";
import { writeFiles } from "../../generator/write/write-files.js";
import { multiServiceTree, type Tree } from "./multi-service-tree.js";

let tree: Tree;
beforeAll(() => {
  tree = multiServiceTree(3);
});
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

const files = (out: string) => hashTree(out, (folder) => folder === CACHE_DIR_NAME);

/** The whole-IR route, as the pipeline wrote before it went package by package. */
async function wholeIrRoute(inputs: string[], out: string) {
  const loaded = await loadPages(inputs);
  const parsed = parsePages(loaded.pages);
  const built = buildIr(parsed.pages);
  const ir = built.ir;
  const plan = planReleases(ir, out, new Map());
  const emitted = emitPackages(ir, undefined, { releases: plan.releases, sourceRoots: inputs });
  await writeFiles(out, await formatFiles(emitted), { check: false });
  const diagnostics = [
    ...loaded.diagnostics,
    ...parsed.diagnostics,
    ...built.diagnostics,
    ...plan.diagnostics,
  ];
  return { ir, diagnostics: sortDiagnostics(diagnostics) };
}

describe("package by package", { timeout: 300_000 }, () => {
  it.each([0, 2])("writes what the whole-IR route writes (print threads: %i)", async (threads) => {
    const want = tree.out(`whole-${threads}`);
    const got = tree.out(`packages-${threads}`);
    const reference = await wholeIrRoute([tree.specs], want);
    const result = await runPipeline({ inputs: [tree.specs], outDir: got, printThreads: threads });

    expect(result.packages?.generated).toEqual(["dts", "dts1", "dts2"]);
    expect(result.ir).toEqual(reference.ir);
    const wanted = files(want);
    expect(Object.keys(wanted).length).toBeGreaterThan(100);
    expect(files(got)).toEqual(wanted);
    // Every phase's diagnostics, sorted: the same whichever route made them.
    expect(reference.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics).toEqual(reference.diagnostics);
  });

  it("writes a stale package's deletion and reports it under --check", async () => {
    const out = tree.out("stale");
    await runPipeline({ inputs: [tree.specs], outDir: out, printThreads: 0 });
    const fewer = multiServiceTree(2);
    try {
      const check = await runPipeline({ inputs: [fewer.specs], outDir: out, check: true });
      expect(check.write?.written).toBe(false);
      expect(check.write?.changed.some((f) => f.startsWith("dts2/"))).toBe(true);
      expect(check.write?.changed.every((f) => f.startsWith("dts2/"))).toBe(true);
      const run = await runPipeline({ inputs: [fewer.specs], outDir: out, printThreads: 0 });
      expect(run.write?.written).toBe(true);
      expect(Object.keys(files(out)).some((f) => f.startsWith("dts2/"))).toBe(false);
    } finally {
      rmSync(fewer.root, { recursive: true, force: true });
    }
  });
});
