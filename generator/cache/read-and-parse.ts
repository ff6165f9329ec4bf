/**
 * Load and parse without an out folder (`tcgen parse`, the diff's sides): every listed page read
 * and parsed, in this thread and a worker beside it (parse/read-pages-in-parallel.ts). Runs with
 * an out folder read through the input index instead (read-inputs.ts).
 *
 * Diagnostics come out in the order the two separate phases gave them: every load error first
 * (in page order), then every parse diagnostic (in page order).
 */
import type { Diagnostic } from "../diagnostics/types.js";
import { listPageFiles } from "../load/load-pages.js";
import type { ParsedPage } from "../parse/parse-pages.js";
import { readPagesInParallel } from "../parse/read-pages-in-parallel.js";
import { heapBudget } from "./heap-budget.js";

export interface ReadAndParseOptions {
  readonly onStep?: ((step: string) => void) | undefined;
  /** Worker threads that read and parse pages beside this one (0 or absent: none). */
  readonly parseThreads?: number;
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
  const read = await readPagesInParallel(listed.files, {
    threads: options.parseThreads ?? 0,
    between: () => heap.settle(),
  });
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
