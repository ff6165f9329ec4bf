/** Renders benchmark rows as an aligned text table (terminal) or a Markdown table (RESULTS.md). */
import type { BenchRow } from "./row.js";

const HEADERS = ["row", "ours", "official/floor", "ratio", "target", "result"] as const;

function cells(row: BenchRow): string[] {
  return [
    row.row,
    row.ours,
    row.baseline,
    row.ratio === undefined ? "-" : formatRatio(row.ratio),
    row.target.text,
    row.status,
  ];
}

function formatRatio(ratio: number): string {
  if (ratio >= 100) return `${ratio.toFixed(0)}x`;
  if (ratio >= 0.1) return `${ratio.toFixed(2)}x`;
  return `${ratio.toFixed(4)}x`;
}

export function renderTextTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const notes = rows
    .filter((r) => r.note !== undefined)
    .map((r) => `  - ${r.row}: ${r.note ?? ""}`);
  return [
    line(HEADERS),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
    ...(notes.length > 0 ? ["", "notes:", ...notes] : []),
    "",
  ].join("\n");
}

export function renderMarkdownTable(rows: readonly BenchRow[]): string {
  const escape = (s: string) => s.replaceAll("|", "\\|");
  const line = (values: readonly string[]) => `| ${values.map(escape).join(" | ")} |`;
  const notes = rows
    .filter((r) => r.note !== undefined)
    .map((r) => `- **${escape(r.row)}**: ${r.note ?? ""}`);
  return [
    line(HEADERS),
    line(HEADERS.map(() => "---")),
    ...rows.map((r) => line(cells(r))),
    ...(notes.length > 0 ? ["", ...notes] : []),
    "",
  ].join("\n");
}
