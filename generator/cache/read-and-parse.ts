/**
 * Load and parse without an out folder (`tcgen parse`, the diff's sides): every listed page read
 * and parsed, one at a time (parse/read-pages.ts). Runs with
 * an out folder read through the input index instead (read-inputs.ts).
 *
 * Diagnostics come out in the order the two separate phases gave them: every load error first
 * (in page order), then every parse diagnostic (in page order).
 */
import type { Diagnostic } from "../diagnostics/types.js";
import { listPageFiles } from "../load/load-pages.js";
import type { ParsedPage } from "../parse/parse-pages.js";
import { readPages } from "../parse/read-pages.js";
import { heapBudget } from "./heap-budget.js";

export interface ReadAndParseOptions {
  readonly onStep?: ((step: string) => void) | undefined;
}

export interface ReadAndParseResult {
  readonly pages: ParsedPage[];
  readonly diagnostics: Diagnostic[];
  /** Time spent listing and reading pages, and parsing them. */
  readonly loadMs: number;
  readonly parseMs: number;
}

export async function readAndParsePages(
  inputs: readonly string[],
  options: ReadAndParseOptions = {},
): Promise<ReadAndParseResult> {
  const started = performance.now();
  const listed = listPageFiles(inputs);
  const loadDiagnostics = [...listed.diagnostics];
  const parseDiagnostics: Diagnostic[] = [];
  const pages: ParsedPage[] = [];
  options.onStep?.(`parse ${listed.files.length} page(s)`);
  const heap = heapBudget();
  const read = readPages(listed.files, () => heap.settle());
  for (const outcome of read.outcomes) {
    if (outcome.page !== undefined) pages.push(outcome.page);
    (outcome.refused === true ? loadDiagnostics : parseDiagnostics).push(...outcome.diagnostics);
  }
  return {
    pages,
    diagnostics: [...loadDiagnostics, ...parseDiagnostics],
    loadMs: performance.now() - started - read.parseMs,
    parseMs: read.parseMs,
  };
}
