/**
 * readAndParsePages reads pages synchronously, one at a time: what it refuses (load errors first,
 * in page order) and what it reads must be what the load phase always gave.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAndParsePages } from "../../generator/cache/read-and-parse.js";
import { tempDir } from "../emit/emit-fixture.js";

const read = (inputs: string[]) => readAndParsePages(inputs);

/** Text with `invalid` lone 0xff bytes (each decodes to U+FFFD) among `valid` ASCII bytes. */
function withInvalidBytes(valid: number, invalid: number): Buffer {
  return Buffer.concat([Buffer.from("x".repeat(valid)), Buffer.alloc(invalid, 0xff)]);
}

describe("readAndParsePages loading", () => {
  it("refuses a page of mostly invalid UTF-8 as binary, and reads one with a few bad bytes", async () => {
    const dir = tempDir("tcgen-read-");
    // Over 8 replacement characters and over 1% of the text: binary.
    writeFileSync(join(dir, "a-binary.md"), withInvalidBytes(500, 9));
    // 9 replacement characters, but under 1% of the text: a page with a few broken bytes.
    writeFileSync(join(dir, "b-text.md"), withInvalidBytes(2000, 9));
    // Exactly 8: never binary, however short.
    writeFileSync(join(dir, "c-text.md"), withInvalidBytes(10, 8));
    const result = await read([dir]);
    expect(result.diagnostics.filter((d) => d.code.startsWith("TCG00"))).toEqual([
      expect.objectContaining({
        code: "TCG002",
        position: expect.objectContaining({ file: join(dir, "a-binary.md") }),
      }),
    ]);
    // The two text pages were parsed (and refused as pages of no known kind, not as binary).
    const parsedFiles = result.diagnostics
      .filter((d) => d.code !== "TCG002")
      .map((d) => d.position.file);
    expect(parsedFiles).toEqual([join(dir, "b-text.md"), join(dir, "c-text.md")]);
  });

  it("lists folders recursively in code-unit order and reports a missing input", async () => {
    const dir = tempDir("tcgen-read-");
    mkdirSync(join(dir, "b"));
    writeFileSync(join(dir, "b", "Z.md"), "# Z\n");
    writeFileSync(join(dir, "a.md"), "# A\n");
    writeFileSync(join(dir, "notes.txt"), "not a page");
    const missing = join(dir, "missing.md");
    const result = await read([dir, missing]);
    expect(result.diagnostics[0]).toMatchObject({ code: "TCG001", position: { file: missing } });
    expect(result.diagnostics.slice(1).map((d) => d.position.file)).toEqual([
      join(dir, "a.md"),
      join(dir, "b", "Z.md"),
    ]);
  });
});
