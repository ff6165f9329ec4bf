/**
 * The parsed pages wait in memory (as JSON) for the page cache until the out folder is known to be
 * tcgen's; the pipeline stores them then, with the input index, before the first package is
 * written (generator/pipeline.ts). A refused run leaves the folder untouched, a first run or one
 * with the last run's records (package folders found as recorded are not read for their marks).
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
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

  it("is not stored by a later run refused by a folder no longer tcgen's, which writes nothing", async () => {
    const three = multiServiceTree(3);
    const out = three.out("refused-later");
    const specs = three.specs;
    await runPipeline({ inputs: [specs], outDir: out, printThreads: 0 });
    // dts1 is as written, but a file of it was touched: a run that goes on records its new time.
    const touched = path.join(out, "dts1", "src", "v20180330", "types.ts");
    utimesSync(touched, new Date(2001, 1, 1), new Date(2001, 1, 1));
    // A page of dts changes (so dts would be written), and someone's folder takes dts2's place.
    const page = listPageFiles([specs]).files.find((f) =>
      readFileSync(f, "utf8").includes("This API is used to"),
    );
    expect(page).toBeDefined();
    const text = readFileSync(page ?? "", "utf8");
    writeFileSync(page ?? "", text.replace("This API is used to", "This API (edited) is used to"));
    rmSync(path.join(out, "dts2"), { recursive: true });
    mkdirSync(path.join(out, "dts2"));
    writeFileSync(path.join(out, "dts2", "mine.txt"), "not generated\n");
    const before = snapshot(out);
    await expect(
      runPipeline({ inputs: [specs], outDir: out, printThreads: 0 }),
    ).rejects.toBeInstanceOf(OutFolderRefusedError);
    expect(snapshot(out)).toEqual(before);
    rmSync(three.root, { recursive: true, force: true });
  });
});

/** Every file under `dir` with its bytes and inode: what a refused run must leave as it was. */
function snapshot(dir: string): Record<string, [string, number]> {
  const found: Record<string, [string, number]> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    found[path.relative(dir, file)] = [readFileSync(file, "utf8"), statSync(file).ino];
  }
  return found;
}
