/**
 * The closing summary of `tcgen generate` and `npm run corpus` on stderr: how many pages were
 * read, how many actions were generated into how many packages, how many pages were refused (had
 * an error), and the warnings and errors by diagnostic code, e.g.
 *   tcgen generate: 4 page(s) read, 1 action(s) generated in 1 package(s), 0 page(s) refused;
 *   warnings: TCG030x1 TCG040x1; errors: none
 */
import { compareCodeUnits } from "../code-unit-order.js";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ApiCounts } from "../pipeline-types.js";

export interface RunCounts {
  readonly pagesRead: number;
  readonly actions: number;
  readonly packages: number;
  readonly refused: number;
  readonly warnings: ReadonlyMap<string, number>;
  readonly errors: ReadonlyMap<string, number>;
}

export function countRun(
  pagesRead: number,
  generated: ApiCounts,
  diagnostics: readonly Diagnostic[],
): RunCounts {
  const errors = diagnostics.filter((d) => d.severity === "error");
  return {
    pagesRead,
    actions: generated.actions,
    packages: generated.services,
    refused: new Set(errors.map((d) => d.position.file)).size,
    warnings: byCode(diagnostics.filter((d) => d.severity === "warning")),
    errors: byCode(errors),
  };
}

export function formatRunSummary(label: string, counts: RunCounts): string {
  return (
    `${label}: ${counts.pagesRead} page(s) read, ${counts.actions} action(s) generated in ` +
    `${counts.packages} package(s), ${counts.refused} page(s) refused; ` +
    `warnings: ${codes(counts.warnings)}; errors: ${codes(counts.errors)}\n`
  );
}

export function byCode(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
}

function codes(counts: ReadonlyMap<string, number>): string {
  const parts = [...counts.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([code, n]) => `${code}x${n}`);
  return parts.length === 0 ? "none" : parts.join(" ");
}

/**
 * How many pages the inputs hold, counted as the load phase finds them (a file as given, a
 * folder's `*.md` files at any depth), so that a run that opened none of them (the input index
 * knew them all) reports the same count as a full one. Unreadable entries count as nothing here; load reports them.
 */
export function countPages(inputs: readonly string[]): number {
  const files = new Set<string>();
  const collect = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) collect(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) files.add(path);
    }
  };
  for (const input of inputs) {
    try {
      if (statSync(input).isDirectory()) collect(input);
      else files.add(input);
    } catch {
      // Reported by the load phase.
    }
  }
  return files.size;
}
