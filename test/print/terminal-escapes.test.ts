/**
 * Page text quoted in a diagnostic reaches a terminal: printed as text, every control character
 * is shown escaped (`\u001b`), so an ANSI colour or OSC title sequence on a page is never obeyed;
 * with --json the same text stays data (JSON escaping).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run as parseCommand } from "../../generator/cli/parse-command.js";
import { escapeForTerminal, formatDiagnostic } from "../../generator/diagnostics/format.js";
import type { Diagnostic } from "../../generator/diagnostics/types.js";
import { REPO_ROOT, tempDir } from "../emit/emit-fixture.js";

const OSC_TITLE = "\u001b]0;pwned\u0007";
const RED = "\u001b[31m";
// C0 controls except the newline ending each line, DEL, the C1 range, line separators, bidi overrides.
const RAW_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function diagnostic(message: string, file = "specs/x/Page.md"): Diagnostic {
  return { code: "TCG040", severity: "warning", message, position: { file, line: 3, column: 1 } };
}

/** The seed page with escape sequences in a parameter name and in the first example's title. */
function hostilePage(): string {
  const seed = readFileSync(join(REPO_ROOT, "specs/dts/2018-03-30/ModifyMigrateJob.md"), "utf8");
  const page = seed
    .replace("| JobName |", `| Job${OSC_TITLE}Name${RED} |`)
    .replace(/^### Example 1[^\n]*/m, (title) => `${title} ${OSC_TITLE}${RED}red`);
  expect(page).not.toBe(seed);
  const path = join(tempDir("tcgen-escapes-"), "ModifyMigrateJob.md");
  writeFileSync(path, page);
  return path;
}

function captureStderr(): () => string {
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  return () => err.join("");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("escapeForTerminal", () => {
  it("shows ESC, BEL, C1 controls, line breaks and bidi overrides as \\uXXXX", () => {
    expect(escapeForTerminal(`a${OSC_TITLE}b${RED}c`)).toBe("a\\u001b]0;pwned\\u0007b\\u001b[31mc");
    expect(escapeForTerminal("\u009b31m\r\n\t\u0000\u007f\u2028\u202e")).toBe(
      "\\u009b31m\\u000d\\u000a\\u0009\\u0000\\u007f\\u2028\\u202e",
    );
  });

  it("leaves printable text, including non-ASCII, as it is", () => {
    const text = 'name "JobName" 数据迁移 — ok; \\ stays';
    expect(escapeForTerminal(text)).toBe(text);
  });
});

describe("formatDiagnostic", () => {
  it("prints one line with no raw control character, whatever the message and file hold", () => {
    const line = formatDiagnostic(
      diagnostic(`example "${OSC_TITLE}${RED}x\nforged 1:1 error"`, `pages/${RED}a.md`),
    );
    expect(line).not.toMatch(RAW_UNSAFE);
    expect(line).toBe(
      'pages/\\u001b[31ma.md:3:1 warning TCG040 example "\\u001b]0;pwned\\u0007\\u001b[31mx\\u000aforged 1:1 error"',
    );
  });
});

describe("tcgen parse on a page carrying escape sequences", () => {
  it("prints the diagnostics with the sequences escaped", async () => {
    const page = hostilePage();
    const stderr = captureStderr();
    expect(await parseCommand([page])).toBe(1);
    const printed = stderr();
    expect(printed).not.toMatch(RAW_UNSAFE);
    const lines = printed.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.startsWith(`${page}:`)).toBe(true);
    // The name and the example title are both quoted, escaped.
    expect(printed).toContain("Job\\u001b]0;pwned\\u0007Name\\u001b[31m");
    expect(printed).toContain("\\u001b]0;pwned\\u0007\\u001b[31mred");
  });

  it("--json keeps the page text as data", async () => {
    const page = hostilePage();
    const stderr = captureStderr();
    expect(await parseCommand([page, "--json"])).toBe(1);
    const printed = stderr();
    expect(printed).not.toMatch(RAW_UNSAFE);
    const raw = (JSON.parse(printed) as Diagnostic[]).map((d) => d.message);
    expect(raw.some((m) => m.includes(`${OSC_TITLE}${RED}red`))).toBe(true);
  });
});
