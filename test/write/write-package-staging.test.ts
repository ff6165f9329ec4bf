/**
 * writePackage writes a package's files concurrently into its staging folder: the guarantees of
 * the sequential write must hold (mark file first, old package untouched until the swap, every
 * file whole), and the drift check must read what it compared before. A file already on disk with
 * its bytes is hard-linked into the staging folder, not written; what is on disk may be known from
 * the package's record (hashes) instead of read.
 */
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/emit/generated-file.js";
import { GENERATED_NOTICE } from "../../generator/print/generated-header.js";
import { MARK_CONTENT } from "../../generator/write/folder-mark.js";
import { hashText } from "../../generator/cache/hash-files.js";
import {
  groupByPackage,
  writeFiles,
  writePackage,
  type KnownContents,
} from "../../generator/write/write-files.js";
import { tempDir } from "../emit/emit-fixture.js";

const manifest = `{\n  "//": "${GENERATED_NOTICE}",\n  "name": "@tcgen/many"\n}\n`;

/** A package of many files in many folders, each file's content naming its path. */
function manyFiles(count: number): GeneratedFile[] {
  const files: GeneratedFile[] = [{ path: "many/package.json", content: manifest }];
  for (let i = 0; i < count; i++) {
    const path = `many/src/v${i % 7}/group${i % 3}/file${i}.ts`;
    files.push({ path, content: `export const path = "${path}";\n`.repeat(1 + (i % 50)) });
  }
  return files;
}

let out: string;
beforeEach(() => {
  out = tempDir("tcgen-write-staging-");
});

const read = (path: string) => readFileSync(join(out, path), "utf8");

describe("writePackage's staging folder", () => {
  it("writes every file of a large package whole, in every folder, and leaves no staging", async () => {
    const files = manyFiles(300);
    const report = await writeFiles(out, files, { check: false });
    expect(report.written).toBe(true);
    expect(report.changed).toHaveLength(files.length + 1);
    for (const file of files) expect(read(file.path)).toBe(file.content);
    expect(read("many/.tcgen")).toBe(MARK_CONTENT);
    expect(readdirSync(out).sort()).toEqual(["many"]);
    expect(await writeFiles(out, files, { check: true })).toEqual({ changed: [], written: false });
  });

  it("when a write fails, leaves the old package whole and the staging folder marked", async () => {
    const files = manyFiles(40);
    await writeFiles(out, files, { check: false });
    // "many/src" as a file and as a folder: writing the file into staging fails (EISDIR).
    const broken = [
      ...files.map((f) => ({ ...f, content: `${f.content}// changed\n` })),
      { path: "many/src", content: "not a folder\n" },
    ];
    await expect(writeFiles(out, broken, { check: false })).rejects.toThrow();
    for (const file of files) expect(read(file.path)).toBe(file.content);
    expect(read(".many.tcgen-new/.tcgen")).toBe(MARK_CONTENT);
    // The next run clears the marked staging folder and writes as usual.
    const changed = files.map((f) => ({ ...f, content: `${f.content}// changed\n` }));
    expect((await writeFiles(out, changed, { check: false })).written).toBe(true);
    for (const file of changed) expect(read(file.path)).toBe(file.content);
    expect(existsSync(join(out, ".many.tcgen-new"))).toBe(false);
  });

  it("compares a generated file under dist/ with the disk although listings skip dist/", async () => {
    const files = [...manyFiles(2), { path: "many/dist/index.js", content: "built\n" }];
    await writeFiles(out, files, { check: false });
    expect(await writeFiles(out, files, { check: true })).toEqual({ changed: [], written: false });
    const edited = files.map((f) => (f.path.endsWith("index.js") ? { ...f, content: "new\n" } : f));
    expect(await writeFiles(out, edited, { check: true })).toEqual({
      changed: ["many/dist/index.js"],
      written: false,
    });
  });

  it("links a file whose bytes are on disk already (same inode), and writes the others", async () => {
    const files = manyFiles(30);
    await writeFiles(out, files, { check: false });
    const inode = (path: string) => statSync(join(out, path)).ino;
    const before = new Map(files.map((f) => [f.path, inode(f.path)]));
    const markBefore = inode("many/.tcgen");
    const edited = files.map((f, i) => (i % 4 === 1 ? { ...f, content: `${f.content}// 2\n` } : f));
    const report = await writeFiles(out, edited, { check: false });
    expect(report.changed).toEqual(
      edited
        .filter((_, i) => i % 4 === 1)
        .map((f) => f.path)
        .sort(),
    );
    for (const [i, file] of edited.entries()) {
      expect(read(file.path)).toBe(file.content);
      if (i % 4 === 1) expect(inode(file.path)).not.toBe(before.get(file.path));
      else expect(inode(file.path)).toBe(before.get(file.path));
    }
    expect(inode("many/.tcgen")).toBe(markBefore);
    expect(readdirSync(out).sort()).toEqual(["many"]);
  });

  it("finds the same drift from known hashes as from reading, and writes what a link cannot give", async () => {
    const files = manyFiles(12);
    await writeFiles(out, files, { check: false });
    const pkgFiles = groupByPackage(files).get("many") ?? [];
    const hashes = (list: readonly GeneratedFile[]) =>
      new Map(list.map((f) => [f.path, hashText(f.content)]));
    const onDisk = hashes(pkgFiles);
    // One file changes, one is no longer generated, one is new.
    const next = [
      ...pkgFiles
        .filter((f) => f.path !== pkgFiles[3]?.path)
        .map((f) => (f.path === pkgFiles[2]?.path ? { ...f, content: "changed\n" } : f)),
      { path: "many/src/new.ts", content: "new\n" },
    ];
    const known: KnownContents = { onDisk, wanted: hashes(next) };
    const fromHashes = await writePackage(out, "many", next, { check: true, known });
    const fromReads = await writePackage(out, "many", next, { check: true });
    expect([...fromHashes.changed].sort()).toEqual([...fromReads.changed].sort());
    expect([...fromHashes.changed].sort()).toEqual(
      [pkgFiles[2]?.path, pkgFiles[3]?.path, "many/src/new.ts"].sort(),
    );
    // The record says a file is there with its bytes, but it is gone: the link fails, so it is
    // written (the run's race with someone deleting it).
    const gone = pkgFiles[5]?.path ?? "";
    unlinkSync(join(out, gone));
    const report = await writePackage(out, "many", next, { check: false, known });
    expect(report.written).toBe(true);
    for (const file of next) expect(read(file.path)).toBe(file.content);
    expect(existsSync(join(out, pkgFiles[3]?.path ?? ""))).toBe(false);
  });

  it("replaces a symbolic link to a generated file's bytes, alone or with other changes", async () => {
    const files = manyFiles(3);
    await writeFiles(out, files, { check: false });
    const [kept, replaced] = [files[1], files[2]] as [GeneratedFile, GeneratedFile];
    const elsewhere = join(out, "elsewhere.ts");
    writeFileSync(elsewhere, replaced.content);
    unlinkSync(join(out, replaced.path));
    symlinkSync(elsewhere, join(out, replaced.path));
    const edited = files.map((f) => (f === kept ? { ...f, content: "changed\n" } : f));
    expect((await writeFiles(out, edited, { check: false })).written).toBe(true);
    expect(lstatSync(join(out, replaced.path)).isFile()).toBe(true);
    expect(read(replaced.path)).toBe(replaced.content);
    // The link alone is drift too.
    unlinkSync(join(out, replaced.path));
    symlinkSync(elsewhere, join(out, replaced.path));
    const report = await writeFiles(out, edited, { check: false });
    expect(report.changed).toEqual([replaced.path]);
    expect(lstatSync(join(out, replaced.path)).isFile()).toBe(true);
  });
});
