/**
 * Per-product counts for `npm run corpus`. A row is plain data so later columns (generation,
 * example tests) can be added next to the parse counts without changing how rows are printed.
 */
import type { Diagnostic } from "../diagnostics/types.js";

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

export function newRow(product: string): ProductRow {
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

export function countDiagnostics(row: ProductRow, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const bucket = d.severity === "error" ? row.errors : row.warnings;
    bucket.set(d.code, (bucket.get(d.code) ?? 0) + 1);
  }
}

function codes(counts: ReadonlyMap<string, number>): string {
  const parts = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
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
