/**
 * Incremental generation package by package (generator/cache/package-cache.ts, page-cache.ts):
 * after one page changes, only the package it feeds is generated again, and the out folder is
 * byte for byte what a full run into an empty folder writes.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_DIR_NAME } from "../../generator/cache/cache-entry.js";
import { hashTree } from "../../generator/cache/hash-files.js";
import { runPipeline } from "../../generator/pipeline.js";
import { editPage, multiServiceTree, type Tree } from "../pipeline/multi-service-tree.js";

let tree: Tree;
let out: string;
beforeAll(async () => {
  tree = multiServiceTree(3);
  out = tree.out("out");
  await runPipeline({ inputs: [tree.specs], outDir: out, printThreads: 0 });
}, 300_000);
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

const files = (dir: string) => hashTree(dir, (folder) => folder === CACHE_DIR_NAME);
const generate = (outDir: string, check = false) =>
  runPipeline({ inputs: [tree.specs], outDir, check, printThreads: 0 });
const dts1Page = () => path.join(tree.specs, "copy-01", "2018-03-30", "ModifyMigrateJob.md");

/**
 * A copy of the out folder as it is now, without the cache: running the generator on it is a full
 * run from the same starting point (versions and changelogs depend on the recorded API there).
 */
function snapshotWithoutCache(): string {
  const copy = tree.out(`full-${Math.random().toString(36).slice(2)}`);
  cpSync(out, copy, { recursive: true });
  rmSync(path.join(copy, CACHE_DIR_NAME), { recursive: true, force: true });
  return copy;
}

/** A full run (every package generated) on `copy`: what the incremental run must equal. */
async function fullRun(copy: string) {
  const result = await generate(copy);
  expect(result.packages?.reused).toEqual([]);
  const written = files(copy);
  rmSync(copy, { recursive: true, force: true });
  return { result, written };
}

describe("one changed page", { timeout: 300_000 }, () => {
  it("regenerates only its package, and writes what a full run writes", async () => {
    const original = editPage(dts1Page(), (text) =>
      text.replace("Name of a data migration task", "Name of the data migration task (changed)"),
    );
    try {
      const before = snapshotWithoutCache();
      const check = await generate(out, true);
      expect(check.packages).toEqual({ generated: ["dts1"], reused: ["dts", "dts2"] });
      expect(check.write?.written).toBe(false);
      expect(check.write?.changed.length).toBeGreaterThan(0);
      expect(check.write?.changed.every((file) => file.startsWith("dts1/"))).toBe(true);

      const incremental = await generate(out);
      expect(incremental.cache).toBe("miss");
      expect(incremental.packages).toEqual({ generated: ["dts1"], reused: ["dts", "dts2"] });
      expect(incremental.write?.changed).toEqual(check.write?.changed);
      expect(readFileSync(path.join(out, "dts1/src/v20180330/types.ts"), "utf8")).toContain(
        "Name of the data migration task (changed)",
      );

      const full = await fullRun(before);
      expect(files(out)).toEqual(full.written);
      expect(incremental.diagnostics).toEqual(full.result.diagnostics);
      expect(incremental.ir).toEqual(full.result.ir);
    } finally {
      writeFileSync(dts1Page(), original);
    }
    // Changed back: again only dts1 (its version moves on, as a full run's would).
    const before = snapshotWithoutCache();
    const restored = await generate(out);
    expect(restored.packages?.generated).toEqual(["dts1"]);
    expect(files(out)).toEqual((await fullRun(before)).written);
  });

  it("a page every package reads (common error codes) regenerates every package", async () => {
    const page = path.join(tree.specs, "common", "common-error-codes.md");
    const original = editPage(page, (text) =>
      text.replace("The SecretId is not a valid Cloud API key.", "Not a valid SecretId (changed)."),
    );
    try {
      expect(readFileSync(page, "utf8")).not.toBe(original);
      const before = snapshotWithoutCache();
      const run = await generate(out);
      expect(run.packages).toEqual({ generated: ["dts", "dts1", "dts2"], reused: [] });
      expect(files(out)).toEqual((await fullRun(before)).written);
    } finally {
      writeFileSync(page, original);
      await generate(out);
    }
  });

  it("puts back a hand-edited file of a package whose pages did not change", async () => {
    await generate(out);
    const victim = path.join(out, "dts2/src/v20180330/types.ts");
    const before = readFileSync(victim, "utf8");
    writeFileSync(victim, `${before}// edited by hand\n`);
    const run = await generate(out);
    expect(run.packages).toEqual({ generated: ["dts2"], reused: ["dts", "dts1"] });
    expect(run.write?.changed).toEqual(["dts2/src/v20180330/types.ts"]);
    expect(readFileSync(victim, "utf8")).toBe(before);
  });

  it("parses only the changed page again (the others come from the page cache)", async () => {
    await generate(out);
    const steps: string[] = [];
    const original = editPage(dts1Page(), (text) => `${text}\n`);
    try {
      // A page whose bytes changed but whose content did not: parsed again, same IR, nothing written.
      const run = await runPipeline({
        inputs: [tree.specs],
        outDir: out,
        printThreads: 0,
        onStep: (step) => steps.push(step),
      });
      expect(run.write?.changed).toEqual([]);
      expect(run.packages?.generated).toEqual([]);
      const pagesDir = path.join(out, CACHE_DIR_NAME, "pages");
      // One entry per current page: the entry of the page's old bytes was pruned.
      expect(Object.keys(hashTree(pagesDir)).length).toBe(Object.keys(hashTree(tree.specs)).length);
    } finally {
      writeFileSync(dts1Page(), original);
    }
  });
});
