/**
 * Property test: random and mutated Markdown never makes parsing (or building the IR) throw, and
 * every page the parser refuses comes with at least one error diagnostic.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { mutation } from "./mutations.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const seed = readFileSync(join(root, "specs/dts/2018-03-30/ModifyMigrateJob.md"), "utf8");
const types = readFileSync(join(root, "specs/dts/2018-03-30/data-types.md"), "utf8");

function check(texts: string[]): void {
  const pages = texts.map((text, i) => ({ file: `p${i}.md`, text }));
  const parsed = parsePages(pages);
  buildIr(parsed.pages);
  const accepted = new Set(parsed.pages.map((p) => p.file));
  for (const page of pages) {
    if (accepted.has(page.file)) continue;
    const errors = parsed.diagnostics.filter(
      (d) => d.position.file === page.file && d.severity === "error",
    );
    expect(errors.length).toBeGreaterThan(0);
  }
}

describe("parser robustness", () => {
  it("never throws on mutated real pages", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const mutated = mutations.reduce((text, m) => m(text), seed);
        check([mutated, types]);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => check([text])),
      { numRuns: 300 },
    );
  });

  it("never throws on random Markdown-like lines", () => {
    const line = fc.oneof(
      fc.constantFrom(
        "## 2. Input Parameters",
        "## 5. Example",
        "| a | b |",
        "|---|---|",
        "```",
        "## Foo",
      ),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => check([lines.join("\n")])),
      { numRuns: 300 },
    );
  });
});
