/**
 * tcgen replaces or deletes only folders under --out that carry its mark (folder-mark.ts); any
 * other folder, file or link a run would replace makes the run refuse before writing anything.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/emit/generated-file.js";
import { GENERATED_NOTICE } from "../../generator/print/generated-header.js";
import { MARK_CONTENT, MARK_FILE, ownershipOf } from "../../generator/write/folder-mark.js";
import { OutFolderRefusedError } from "../../generator/write/out-folder-refused.js";
import { writeFiles } from "../../generator/write/write-files.js";
import { tempDir } from "../emit/emit-fixture.js";

const manifest = (name: string) =>
  `{\n  "//": "${GENERATED_NOTICE}",\n  "name": "@tcgen/${name}"\n}\n`;
const packageFiles = (name: string): GeneratedFile[] => [
  { path: `${name}/package.json`, content: manifest(name) },
  { path: `${name}/src/index.ts`, content: "export const one = 1;\n" },
];

let out: string;
beforeEach(() => {
  out = tempDir("tcgen-mark-");
});

const read = (path: string) => readFileSync(join(out, path), "utf8");

/** The user's folder the page names: a file tcgen did not write. */
function victimFolder(): void {
  mkdirSync(join(out, "victim"));
  writeFileSync(join(out, "victim/important.txt"), "keep me\n");
}

async function refusal(run: Promise<unknown>): Promise<OutFolderRefusedError> {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof OutFolderRefusedError)) throw new Error("the run was not refused");
  return error;
}

describe("the mark", () => {
  it("is written into every package folder, and --check expects it", async () => {
    await writeFiles(out, [...packageFiles("dts"), ...packageFiles("cvm")], { check: false });
    expect(read(`dts/${MARK_FILE}`)).toBe(MARK_CONTENT);
    expect(read(`cvm/${MARK_FILE}`)).toBe(MARK_CONTENT);
    expect(MARK_CONTENT.startsWith(GENERATED_NOTICE)).toBe(true);
    writeFileSync(join(out, `dts/${MARK_FILE}`), `${GENERATED_NOTICE}\nedited\n`);
    expect((await writeFiles(out, packageFiles("dts"), { check: true })).changed).toContain(
      `dts/${MARK_FILE}`,
    );
  });
});

describe("a folder tcgen did not write", () => {
  it("is never replaced: the run is refused, naming the folder, and writes nothing", async () => {
    victimFolder();
    const files = [...packageFiles("aaa"), ...packageFiles("victim")];
    for (const check of [true, false]) {
      const error = await refusal(writeFiles(out, files, { check }));
      expect(error.diagnostics).toHaveLength(1);
      const [d] = error.diagnostics;
      expect(d?.code).toBe("TCG080");
      expect(d?.severity).toBe("error");
      expect(d?.position.file).toBe(`${out}/victim`);
      expect(d?.message).toContain(`no ${MARK_FILE} mark file`);
      expect(d?.message).not.toContain("\n");
    }
    expect(readdirSync(out).sort()).toEqual(["victim"]);
    expect(readdirSync(join(out, "victim"))).toEqual(["important.txt"]);
    expect(read("victim/important.txt")).toBe("keep me\n");
  });

  it("refuses a file or a symbolic link where the package folder would go", async () => {
    const elsewhere = tempDir("tcgen-elsewhere-");
    writeFileSync(join(elsewhere, "precious.txt"), "outside --out\n");
    symlinkSync(elsewhere, join(out, "linked"), "dir");
    writeFileSync(join(out, "plain"), "a file\n");
    const error = await refusal(
      writeFiles(out, [...packageFiles("linked"), ...packageFiles("plain")], { check: false }),
    );
    expect(error.diagnostics.map((d) => [d.position.file, d.message.split(";")[0]])).toEqual([
      [`${out}/linked`, "this folder is a symbolic link"],
      [`${out}/plain`, "this folder is a file, not a folder"],
    ]);
    expect(readdirSync(elsewhere)).toEqual(["precious.txt"]);
    expect(read("plain")).toBe("a file\n");
  });

  it("is not taken for tcgen's by a mark file that lacks the notice", async () => {
    mkdirSync(join(out, "victim"));
    writeFileSync(join(out, `victim/${MARK_FILE}`), "someone else's dotfile\n");
    writeFileSync(join(out, "victim/package.json"), '{"name":"victim"}\n');
    expect(ownershipOf(join(out, "victim"))).toMatchObject({ kind: "foreign" });
    await refusal(writeFiles(out, packageFiles("victim"), { check: false }));
    // Nor is it deleted as a stale package when no page generates it.
    await writeFiles(out, packageFiles("dts"), { check: false });
    expect(read("victim/package.json")).toBe('{"name":"victim"}\n');
  });

  it("beside the package, as an unmarked staging or retired folder, is refused too", async () => {
    mkdirSync(join(out, ".dts.tcgen-old"));
    writeFileSync(join(out, ".dts.tcgen-old/notes.txt"), "mine\n");
    const error = await refusal(writeFiles(out, packageFiles("dts"), { check: false }));
    expect(error.diagnostics.map((d) => d.position.file)).toEqual([`${out}/.dts.tcgen-old`]);
    // Not restored as an interrupted run's package either.
    expect(existsSync(join(out, "dts"))).toBe(false);
    expect(read(".dts.tcgen-old/notes.txt")).toBe("mine\n");
  });
});

describe("folders tcgen may replace", () => {
  it("a marked package is replaced; a stale marked package is deleted; others stay", async () => {
    victimFolder();
    await writeFiles(out, [...packageFiles("dts"), ...packageFiles("old")], { check: false });
    const report = await writeFiles(out, packageFiles("dts"), { check: false });
    expect(report.changed).toEqual(["old/.tcgen", "old/package.json", "old/src/index.ts"]);
    expect(existsSync(join(out, "old"))).toBe(false);
    expect(read("victim/important.txt")).toBe("keep me\n");
  });

  it("a folder written before marks existed (its package.json has tcgen's notice) gets the mark", async () => {
    mkdirSync(join(out, "dts/src"), { recursive: true });
    writeFileSync(join(out, "dts/package.json"), manifest("dts"));
    writeFileSync(join(out, "dts/src/index.ts"), "export const one = 0;\n");
    writeFileSync(join(out, "dts/src/gone.ts"), "stale\n");
    const report = await writeFiles(out, packageFiles("dts"), { check: false });
    expect(report.changed).toEqual(["dts/.tcgen", "dts/src/gone.ts", "dts/src/index.ts"]);
    expect(read("dts/.tcgen")).toBe(MARK_CONTENT);
    expect(existsSync(join(out, "dts/src/gone.ts"))).toBe(false);
  });

  it("an empty folder holds nothing to lose and is written into", async () => {
    mkdirSync(join(out, "dts"));
    await writeFiles(out, packageFiles("dts"), { check: false });
    expect(read("dts/src/index.ts")).toBe("export const one = 1;\n");
  });

  it("a marked retired copy left by an interrupted run is put back", async () => {
    await writeFiles(out, packageFiles("dts"), { check: false });
    renameSync(join(out, "dts"), join(out, ".dts.tcgen-old"));
    expect(await writeFiles(out, packageFiles("dts"), { check: false })).toEqual({
      changed: [],
      written: false,
    });
    expect(read("dts/.tcgen")).toBe(MARK_CONTENT);
  });
});
