/**
 * `_error_` fixtures: each folder under test/fixtures/parse/_error_ holds a page (input.md) that
 * tcgen must refuse, and expected.txt, the formatted diagnostics it must report and nothing else.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostics } from "../../generator/diagnostics/format.js";
import { parsePages } from "../../generator/parse/parse-pages.js";

const folder = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "parse", "_error_");
const fixtures = readdirSync(folder).sort();

describe("_error_ fixtures", () => {
  it.each(fixtures)("%s is refused with its diagnostic", (name) => {
    const text = readFileSync(join(folder, name, "input.md"), "utf8");
    const expected = readFileSync(join(folder, name, "expected.txt"), "utf8");
    const result = parsePages([{ file: "input.md", text }]);
    expect(result.pages).toEqual([]);
    expect(formatDiagnostics(result.diagnostics)).toBe(expected);
  });
});
