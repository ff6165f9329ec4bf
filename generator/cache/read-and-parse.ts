/**
 * Load and parse, one page at a time: each page is read, parsed and dropped before the next, so
 * a run keeps only parsed pages, never every page's text. With a cache context (runs with an out
 * folder) a page whose bytes are unchanged since an earlier run is not read or parsed again: its
 * result comes from the page cache (page-cache.ts).
 *
 * Diagnostics come out in the order the two separate phases gave them: every load error first
 * (in page order), then every parse diagnostic (in page order).
 */
import type { Diagnostic } from "../diagnostics/types.js";
import { listPageFiles, readPage } from "../load/load-pages.js";
import { parsePages, type ParsedPage } from "../parse/parse-pages.js";
import { hashFile } from "./hash-files.js";
import { heapBudget } from "./heap-budget.js";
import { openPageCache, type PageCache, type PageResult } from "./page-cache.js";
import type { RunCacheContext } from "./run-with-output-cache.js";

export interface ReadAndParseOptions {
  readonly cache: RunCacheContext | undefined;
  readonly outDir: string | undefined;
  /** `--check`: use the page cache but never write it. */
  readonly readOnly: boolean;
  readonly onStep?: ((step: string) => void) | undefined;
}

/** A stored result: a refused page's diagnostics are load errors, a read page's parse ones. */
type StoredPage = PageResult & { readonly refused?: boolean };

export interface ReadAndParseResult {
  readonly pages: ParsedPage[];
  readonly diagnostics: Diagnostic[];
  /** Time spent listing and reading pages (and reading cached results), and parsing them. */
  readonly loadMs: number;
  readonly parseMs: number;
  /** Stores the pages parsed this run in the page cache: call once the run has written. */
  readonly commitPageCache: () => void;
}

export async function readAndParsePages(
  inputs: readonly string[],
  options: ReadAndParseOptions,
): Promise<ReadAndParseResult> {
  const started = performance.now();
  const clock = { parseMs: 0 };
  const listed = listPageFiles(inputs);
  const loadDiagnostics = listed.diagnostics;
  const parseDiagnostics: Diagnostic[] = [];
  const pages: ParsedPage[] = [];
  const cache =
    options.cache !== undefined && options.outDir !== undefined
      ? openPageCache(options.outDir, options.cache.generator, { readOnly: options.readOnly })
      : undefined;
  options.onStep?.(`parse ${listed.files.length} page(s)`);
  const heap = heapBudget();
  for (const file of listed.files) {
    heap.settle();
    const hash = options.cache?.fileHashes?.get(file);
    const result = (hash !== undefined ? cache?.get(file, hash) : undefined) as
      StoredPage | undefined;
    const page = result ?? readAndParse(file, hash, cache, clock);
    if (page.page !== undefined) pages.push(page.page);
    (page.refused === true ? loadDiagnostics : parseDiagnostics).push(...page.diagnostics);
  }
  return {
    pages,
    diagnostics: [...loadDiagnostics, ...parseDiagnostics],
    loadMs: performance.now() - started - clock.parseMs,
    parseMs: clock.parseMs,
    commitPageCache: () => cache?.commit(),
  };
}

function readAndParse(
  file: string,
  hash: string | undefined,
  cache: PageCache | undefined,
  clock: { parseMs: number },
): StoredPage {
  const loadDiagnostics: Diagnostic[] = [];
  const source = readPage(file, loadDiagnostics);
  const result: StoredPage =
    source === undefined
      ? { page: undefined, diagnostics: loadDiagnostics, refused: true }
      : (() => {
          const start = performance.now();
          const parsed = parsePages([source]);
          clock.parseMs += performance.now() - start;
          return { page: parsed.pages[0], diagnostics: parsed.diagnostics };
        })();
  // Stored under the hash the run key read, only if the page still has those bytes.
  if (cache !== undefined && hash !== undefined && sameBytes(file, hash)) {
    cache.put(file, hash, result);
  }
  return result;
}

function sameBytes(file: string, hash: string): boolean {
  try {
    return hashFile(file) === hash;
  } catch {
    return false;
  }
}
