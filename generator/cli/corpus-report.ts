/**
 * Per-product counts for `npm run corpus`. A row is plain data; the generation columns are
 * present only when the corpus was generated.
 */
import { compareCodeUnits } from "../code-unit-order.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { PageOutcome } from "./corpus/check-corpus.js";

export interface ProductRow {
  product: string;
  pages: number;
  parsed: number;
  warnings: Map<string, number>;
  errors: Map<string, number>;
  ms: number;
  /** Extra columns filled by later phases, printed in insertion order. */
  extra: Map<string, string>;
}

function newRow(product: string): ProductRow {
  return {
    product,
    pages: 0,
    parsed: 0,
    warnings: new Map(),
    errors: new Map(),
    ms: 0,
    extra: new Map(),
  };
}

function countDiagnostics(row: ProductRow, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.severity === "info") continue; // a finding, not a problem of the page
    const bucket = d.severity === "error" ? row.errors : row.warnings;
    bucket.set(d.code, (bucket.get(d.code) ?? 0) + 1);
  }
}

/** Why an action page is not fully done (generated, type-checked, lint-clean, examples passed), or undefined. */
export function actionPageFailure(page: PageOutcome, generated: boolean): string | undefined {
  if (page.kind !== "action") return undefined;
  const errors = page.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return `errors ${errors.map((d) => d.code).join(", ")}`;
  if (!generated) return undefined;
  if (page.keptInstead !== undefined) return undefined;
  if (page.packageName === undefined) return "not generated";
  if (page.typeErrors.length > 0) return `type errors: ${page.typeErrors[0]?.message ?? ""}`;
  if (page.lintProblems.length > 0) return `lint: ${page.lintProblems[0]?.message ?? ""}`;
  if (page.tests === undefined) return "example tests did not run";
  if (page.tests.failed > 0) return `example tests failed: ${page.tests.failures[0] ?? ""}`;
  return undefined;
}

/** One row per product (sorted), with generation columns when `generated`. */
export function productRows(
  pages: readonly PageOutcome[],
  productOf: (file: string) => string,
  generated: boolean,
): ProductRow[] {
  const rows = new Map<string, ProductRow>();
  const sums = new Map<ProductRow, number[]>();
  for (const page of pages) {
    const product = productOf(page.file);
    let row = rows.get(product);
    if (row === undefined) rows.set(product, (row = newRow(product)));
    row.pages += 1;
    if (page.kind !== "rejected") row.parsed += 1;
    countDiagnostics(row, page.diagnostics);
    row.ms += page.parseMs + (page.tests?.ms ?? 0);
    if (!generated) continue;
    const sum = sums.get(row) ?? [0, 0, 0, 0, 0, 0];
    const isAction = page.kind === "action" ? 1 : 0;
    const made = page.packageName !== undefined || page.keptInstead !== undefined;
    sum[0] = (sum[0] ?? 0) + isAction;
    sum[1] = (sum[1] ?? 0) + (isAction && made ? 1 : 0);
    sum[2] = (sum[2] ?? 0) + (isAction && made && page.typeErrors.length === 0 ? 1 : 0);
    sum[3] = (sum[3] ?? 0) + (page.tests?.passed ?? 0);
    sum[4] = (sum[4] ?? 0) + (page.tests?.failed ?? 0);
    sum[5] = (sum[5] ?? 0) + page.lintProblems.length;
    sums.set(row, sum);
  }
  const names = ["actions", "generated", "type-checked", "tests passed", "tests failed", "lint"];
  for (const [row, sum] of sums) names.forEach((name, i) => row.extra.set(name, String(sum[i])));
  return [...rows.values()].sort((a, b) => (a.product < b.product ? -1 : 1));
}

function codes(counts: ReadonlyMap<string, number>): string {
  const parts = [...counts.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([c, n]) => `${c}x${n}`);
  return parts.length === 0 ? "-" : parts.join(" ");
}

export function formatReport(rows: readonly ProductRow[]): string {
  const extraNames = [...new Set(rows.flatMap((r) => [...r.extra.keys()]))];
  const header = ["product", "pages", "parsed", ...extraNames, "warnings", "errors", "ms"];
  const table = rows.map((r) => [
    r.product,
    String(r.pages),
    String(r.parsed),
    ...extraNames.map((name) => r.extra.get(name) ?? "-"),
    codes(r.warnings),
    codes(r.errors),
    r.ms.toFixed(1),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...table.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...table.map(line)].join("\n") + "\n";
}
