/** The write phase against real temporary folders. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/emit/generated-file.js";
import { GENERATED_NOTICE } from "../../generator/print/generated-header.js";
import { MARK_CONTENT } from "../../generator/write/folder-mark.js";
import { writeFiles } from "../../generator/write/write-files.js";
import { tempDir } from "../emit/emit-fixture.js";

const manifest = `{\n  "//": "${GENERATED_NOTICE}",\n  "name": "@tcgen/dts"\n}\n`;
const files: GeneratedFile[] = [
  { path: "dts/package.json", content: manifest },
  { path: "dts/src/v1/index.ts", content: "export const one = 1;\n" },
  { path: "dts/src/v1/types.ts", content: "export type T = string;\n" },
];

let out: string;
beforeEach(() => {
  out = tempDir("tcgen-write-");
});

const read = (path: string) => readFileSync(join(out, path), "utf8");

describe("writeFiles", () => {
  it("writes every file, then finds nothing to change", async () => {
    expect(await writeFiles(out, files, { check: false })).toEqual({
      changed: ["dts/.tcgen", "dts/package.json", "dts/src/v1/index.ts", "dts/src/v1/types.ts"],
      written: true,
    });
    for (const file of files) expect(read(file.path)).toBe(file.content);
    expect(read("dts/.tcgen")).toBe(MARK_CONTENT);
    expect(await writeFiles(out, files, { check: true })).toEqual({ changed: [], written: false });
    expect(await writeFiles(out, files, { check: false })).toEqual({ changed: [], written: false });
  });

  it("with check, reports differing, missing and stale files and writes nothing", async () => {
    await writeFiles(out, files, { check: false });
    writeFileSync(join(out, "dts/src/v1/index.ts"), "export const one = 2;\n");
    rmSync(join(out, "dts/src/v1/types.ts"));
    writeFileSync(join(out, "dts/src/v1/old.ts"), "stale\n");
    const report = await writeFiles(out, files, { check: true });
    expect(report).toEqual({
      changed: ["dts/src/v1/index.ts", "dts/src/v1/old.ts", "dts/src/v1/types.ts"],
      written: false,
    });
    expect(read("dts/src/v1/index.ts")).toBe("export const one = 2;\n");
    expect(existsSync(join(out, "dts/src/v1/old.ts"))).toBe(true);
  });

  it("replaces a drifted package whole: stale files go, node_modules and dist stay", async () => {
    await writeFiles(out, files, { check: false });
    writeFileSync(join(out, "dts/src/v1/old.ts"), "stale\n");
    mkdirSync(join(out, "dts/node_modules/x"), { recursive: true });
    writeFileSync(join(out, "dts/node_modules/x/index.js"), "kept\n");
    mkdirSync(join(out, "dts/dist"));
    writeFileSync(join(out, "dts/dist/index.js"), "built\n");
    const report = await writeFiles(out, files, { check: false });
    expect(report).toEqual({ changed: ["dts/src/v1/old.ts"], written: true });
    expect(existsSync(join(out, "dts/src/v1/old.ts"))).toBe(false);
    expect(read("dts/node_modules/x/index.js")).toBe("kept\n");
    expect(read("dts/dist/index.js")).toBe("built\n");
    expect(existsSync(join(out, ".dts.tcgen-new"))).toBe(false);
    expect(existsSync(join(out, ".dts.tcgen-old"))).toBe(false);
  });

  it("treats a package tcgen no longer generates as stale, and leaves other folders alone", async () => {
    await writeFiles(out, files, { check: false });
    mkdirSync(join(out, "handmade"));
    writeFileSync(join(out, "handmade/package.json"), '{"name":"handmade"}');
    const report = await writeFiles(out, [], { check: true });
    expect(report.changed).toEqual([
      "dts/.tcgen",
      "dts/package.json",
      "dts/src/v1/index.ts",
      "dts/src/v1/types.ts",
    ]);
    await writeFiles(out, [], { check: false });
    expect(existsSync(join(out, "dts"))).toBe(false);
    expect(existsSync(join(out, "handmade/package.json"))).toBe(true);
  });

  it("leaves the old package intact when a run stops before the swap", async () => {
    await writeFiles(out, files, { check: false });
    // An interrupted run leaves a half-written staging folder beside the package (its mark file
    // is written first).
    mkdirSync(join(out, ".dts.tcgen-new/src"), { recursive: true });
    writeFileSync(join(out, ".dts.tcgen-new/.tcgen"), MARK_CONTENT);
    writeFileSync(join(out, ".dts.tcgen-new/src/partial.ts"), "half");
    expect(await writeFiles(out, files, { check: true })).toEqual({ changed: [], written: false });
    const changed = files.map((f) =>
      f.path.endsWith("index.ts") ? { ...f, content: "new\n" } : f,
    );
    await writeFiles(out, changed, { check: false });
    expect(read("dts/src/v1/index.ts")).toBe("new\n");
    expect(existsSync(join(out, ".dts.tcgen-new"))).toBe(false);
  });

  it("restores the package when a run stopped between the two renames", async () => {
    await writeFiles(out, files, { check: false });
    renameSync(join(out, "dts"), join(out, ".dts.tcgen-old"));
    const report = await writeFiles(out, files, { check: false });
    expect(report).toEqual({ changed: [], written: false });
    expect(read("dts/src/v1/index.ts")).toBe("export const one = 1;\n");
  });

  it("refuses paths outside a package folder", async () => {
    await expect(
      writeFiles(out, [{ path: "../escape.ts", content: "" }], { check: false }),
    ).rejects.toThrow(/outside a package folder/);
    await expect(
      writeFiles(out, [{ path: "top.ts", content: "" }], { check: false }),
    ).rejects.toThrow();
  });
});
