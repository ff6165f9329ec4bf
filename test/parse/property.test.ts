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

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const seed = readFileSync(join(root, "specs/dts/2018-03-30/ModifyMigrateJob.md"), "utf8");
const types = readFileSync(join(root, "specs/dts/2018-03-30/data-types.md"), "utf8");

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        t.slice(0, n % (t.length + 1)),
  ),
  fc.nat().map((n): Mutation => (t) => {
    const lines = t.split("\n");
    const i = n % lines.length;
    lines[i] = (lines[i] ?? "").replace(/\|[^|]*\|/, "|");
    return lines.join("\n");
  }),
  fc.nat().map((n): Mutation => (t) => {
    const lines = t.split("\n");
    const i = n % lines.length;
    lines[i] = `${lines[i] ?? ""} extra | cell |`;
    return lines.join("\n");
  }),
  fc.array(fc.nat(), { minLength: 1, maxLength: 8 }).map((order): Mutation => (t) => {
    const sections = t.split(/\n(?=## )/);
    const shuffled = [...sections].sort(
      (a, b) =>
        (order[sections.indexOf(a) % order.length] ?? 0) -
        (order[sections.indexOf(b) % order.length] ?? 0),
    );
    return shuffled.join("\n");
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 64 })).map(([n, bytes]): Mutation => (t) => {
    const at = n % (t.length + 1);
    return t.slice(0, at) + Buffer.from(bytes).toString("latin1") + t.slice(at);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 200_000 })).map(([n, size]): Mutation => (t) => {
    const at = t.indexOf("|", n % (t.length + 1));
    return at < 0 ? t : `${t.slice(0, at + 1)}${"x".repeat(size)}${t.slice(at + 1)}`;
  }),
);

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
