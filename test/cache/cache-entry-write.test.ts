import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeJsonAtomically } from "../../generator/cache/cache-entry.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";

describe("writeJsonAtomically", () => {
  it("writes exactly the text JSON.stringify gives, member by member, and leaves no temporary file", () => {
    const ir = loadFixtureIr("edge-cases");
    const value = {
      ir: {
        ...ir,
        note: undefined,
        list: [1, undefined, Infinity, -0, "x\u2028y", { a: undefined }],
      },
      diagnostics: [
        { code: "TCG030", severity: "warning", message: 'a "quoted" text', extra: undefined },
      ],
      failed: false,
      dated: new Date(0),
    };
    const dir = join(mkdtempSync(join(tmpdir(), "tcgen-entry-")), "made", "here");
    writeJsonAtomically(join(dir, "value.json"), value);
    const text = readFileSync(join(dir, "value.json"), "utf8");
    expect(text).toBe(JSON.stringify(value));
    expect(text.length).toBeGreaterThan(10_000);
    expect(readdirSync(dir)).toEqual(["value.json"]);
  });
});
