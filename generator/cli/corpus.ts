/**
 * `npm run corpus [-- DIR]`: parses every page of the shared corpus (default ../shared/corpus)
 * and prints, per product of MANIFEST.tsv, pages, parsed pages, warnings and errors by code and
 * the time taken. Products come from the manifest only for grouping the report; tcgen itself
 * reads service names from page content.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { formatReport, countDiagnostics, newRow, type ProductRow } from "./corpus-report.js";
import { buildIr } from "../check/build-ir.js";
import type { ParsedPage } from "../parse/parsed-page.js";
import { loadPages } from "../load/load-pages.js";
import { parsePages } from "../parse/parse-pages.js";

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const folder = positionals[0] ?? join("..", "shared", "corpus");
  const products = await readManifest(join(folder, "MANIFEST.tsv"));
  const started = performance.now();
  const loaded = await loadPages([folder]);
  const rows = new Map<string, ProductRow>();
  const rowFor = (file: string): ProductRow => {
    const product = products.get(basename(file, ".md")) ?? "(unlisted)";
    let row = rows.get(product);
    if (row === undefined) rows.set(product, (row = newRow(product)));
    return row;
  };
  for (const d of loaded.diagnostics) countDiagnostics(rowFor(d.position.file), [d]);
  const parsedPages: ParsedPage[] = [];
  for (const page of loaded.pages) {
    const row = rowFor(page.file);
    const start = performance.now();
    const result = parsePages([page]);
    row.ms += performance.now() - start;
    row.pages += 1;
    row.parsed += result.pages.length;
    countDiagnostics(row, result.diagnostics);
    parsedPages.push(...result.pages);
  }
  // Cross-page checks (structures, duplicates, typed examples) count against the page they name.
  for (const d of buildIr(parsedPages).diagnostics) countDiagnostics(rowFor(d.position.file), [d]);
  const ordered = [...rows.values()].sort((a, b) => (a.product < b.product ? -1 : 1));
  process.stdout.write(formatReport(ordered));
  const total = ordered.reduce((sum, r) => sum + r.pages, 0);
  const parsed = ordered.reduce((sum, r) => sum + r.parsed, 0);
  const ms = performance.now() - started;
  process.stdout.write(`total: ${total} pages, ${parsed} parsed, ${ms.toFixed(0)} ms\n`);
  return 0;
}

async function readManifest(path: string): Promise<Map<string, string>> {
  try {
    const lines = (await readFile(path, "utf8")).trim().split("\n").slice(1);
    return new Map(
      lines.map((line) => line.split("\t")).map(([id = "", product = ""]) => [id, product]),
    );
  } catch {
    return new Map();
  }
}

// Run when executed directly (npm run corpus), not when imported.
if (process.argv[1] !== undefined && /corpus\.[cm]?[jt]s$/.test(process.argv[1])) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
