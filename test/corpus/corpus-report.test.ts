/**
 * The corpus report: per-product rows from page outcomes, and why an action page fails the run.
 */
import { describe, expect, it } from "vitest";
import type { PageOutcome } from "../../generator/cli/corpus/check-corpus.js";
import { actionPageFailure, formatReport, productRows } from "../../generator/cli/corpus-report.js";
import type { Diagnostic } from "../../generator/diagnostics/types.js";

const at = { file: "p.md", line: 1, column: 1 };
const warning: Diagnostic = { code: "TCG050", severity: "warning", message: "w", position: at };
const refusal: Diagnostic = { code: "TCG011", severity: "error", message: "e", position: at };

function page(file: string, over: Partial<PageOutcome> = {}): PageOutcome {
  return {
    file,
    kind: "action",
    diagnostics: [],
    parseMs: 1,
    typeErrors: [],
    lintProblems: [],
    ...over,
  };
}

const tests = (passed: number, failed: number, failures: string[] = []) => ({
  file: "t.test.ts",
  passed,
  failed,
  skipped: 0,
  ms: 10,
  failures,
});

const done = page("/c/a.md", { packageName: "cvm", tests: tests(5, 0), diagnostics: [warning] });
const typeError = { file: "/o/cvm/src/x.ts", line: 1, column: 1, message: "TS2322: no" };

describe("actionPageFailure", () => {
  it.each([
    { name: "a done page", given: done, want: undefined },
    {
      name: "a refused page is not an action page",
      given: page("/c/r.md", { kind: "rejected", diagnostics: [refusal] }),
      want: undefined,
    },
    { name: "a data types page", given: page("/c/t.md", { kind: "dataTypes" }), want: undefined },
    {
      name: "a dropped duplicate",
      given: page("/c/d.md", { keptInstead: "a.md" }),
      want: undefined,
    },
    { name: "not generated", given: page("/c/n.md"), want: "not generated" },
    {
      name: "type errors",
      given: { ...done, typeErrors: [typeError] },
      want: "type errors: TS2322: no",
    },
    {
      name: "lint problems",
      given: { ...done, lintProblems: [{ ...typeError, message: "no-unused-vars: x" }] },
      want: "lint: no-unused-vars: x",
    },
    {
      name: "tests not run",
      given: { ...done, tests: undefined },
      want: "example tests did not run",
    },
    {
      name: "failed tests",
      given: { ...done, tests: tests(4, 1, ["1. Example: boom"]) },
      want: "example tests failed: 1. Example: boom",
    },
  ])("$name", ({ given, want }) => {
    expect(actionPageFailure(given, true)).toBe(want);
  });

  it("without generation only parse errors count", () => {
    expect(actionPageFailure(page("/c/n.md"), false)).toBeUndefined();
  });
});

describe("productRows", () => {
  it("counts pages, parses, generation columns and diagnostics by product", () => {
    const pages = [
      done,
      page("/c/b.md", { packageName: "cvm", tests: tests(2, 1), typeErrors: [typeError] }),
      page("/c/r.md", { kind: "rejected", diagnostics: [refusal] }),
      page("/c/v.md", { packageName: "vpc", tests: tests(3, 0) }),
    ];
    const product = (file: string) => (file === "/c/v.md" ? "vpc" : "cvm");
    const rows = productRows(pages, product, true);
    expect(
      rows.map((r) => [
        r.product,
        r.pages,
        r.parsed,
        Object.fromEntries(r.extra),
        Object.fromEntries(r.warnings),
        Object.fromEntries(r.errors),
      ]),
    ).toEqual([
      [
        "cvm",
        3,
        2,
        {
          actions: "2",
          generated: "2",
          "type-checked": "1",
          "tests passed": "7",
          "tests failed": "1",
          lint: "0",
        },
        { TCG050: 1 },
        { TCG011: 1 },
      ],
      [
        "vpc",
        1,
        1,
        {
          actions: "1",
          generated: "1",
          "type-checked": "1",
          "tests passed": "3",
          "tests failed": "0",
          lint: "0",
        },
        {},
        {},
      ],
    ]);
    const text = formatReport(rows);
    expect(text.split("\n")[0]).toMatch(
      /^product\s+pages\s+parsed\s+actions\s+generated\s+type-checked\s+tests passed\s+tests failed\s+lint\s+warnings\s+errors\s+ms$/,
    );
    expect(text).toContain("TCG050x1");
  });

  it("has no generation columns when nothing was generated", () => {
    expect([...(productRows([done], () => "cvm", false)[0]?.extra.keys() ?? [])]).toEqual([]);
  });
});
