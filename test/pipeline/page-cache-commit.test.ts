/**
 * The parsed pages wait in memory (as JSON) for the page cache until the out folder is known to be
 * tcgen's; the pipeline stores them then, while the first package prints (generator/pipeline.ts).
 * A refused run leaves the folder untouched.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_DIR_NAME } from "../../generator/cache/cache-entry.js";
import { listPageFiles } from "../../generator/load/load-pages.js";
import { runPipeline } from "../../generator/pipeline.js";
import { OutFolderRefusedError } from "../../generator/write/out-folder-refused.js";
import { multiServiceTree, type Tree } from "./multi-service-tree.js";

let tree: Tree;
beforeAll(() => {
  tree = multiServiceTree(2);
});
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

const cachedPages = (out: string): string[] => {
  const dir = path.join(out, CACHE_DIR_NAME, "pages");
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe("page cache", { timeout: 300_000 }, () => {
  it("is stored by a run that writes: one entry per page, and the input index", async () => {
    const out = tree.out("stored");
    const pages = listPageFiles([tree.specs]).files.length;
    const result = await runPipeline({ inputs: [tree.specs], outDir: out, printThreads: 0 });
    expect(result.packages?.generated).toEqual(["dts", "dts1"]);
    expect(pages).toBeGreaterThan(2);
    expect(cachedPages(out)).toHaveLength(pages);
    expect(existsSync(path.join(out, CACHE_DIR_NAME, "inputs.json"))).toBe(true);
  });

  it("is not stored by a run the out folder refuses", async () => {
    const out = tree.out("refused");
    mkdirSync(path.join(out, "dts1"), { recursive: true });
    writeFileSync(path.join(out, "dts1", "mine.txt"), "not generated\n");
    await expect(
      runPipeline({ inputs: [tree.specs], outDir: out, printThreads: 0 }),
    ).rejects.toBeInstanceOf(OutFolderRefusedError);
    expect(readdirSync(out)).toEqual(["dts1"]);
    expect(cachedPages(out)).toEqual([]);
  });
});
