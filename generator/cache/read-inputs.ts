/**
 * Load and parse for a run with an out folder, reading as little as the last run allows:
 * - a page whose size, modification time and inode are as the input index recorded is not
 *   opened: its hash, facts and diagnostics come from the index;
 * - a page whose bytes hash as recorded (touched, not changed) is not parsed either;
 * - any other page comes from the page cache when its bytes were parsed before (page-cache.ts),
 *   else it is read and parsed (parse/read-pages.ts).
 * Every page then has facts (check/page-facts.ts) for the tree plan; the parsed form is kept only
 * for pages read this run, and fetched on demand (`parsedPage`) for services that must be built.
 */
import { statSync, type Stats } from "node:fs";
import { checkPage } from "../check/check-page.js";
import { pageFacts } from "../check/page-facts.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { listPageFiles } from "../load/load-pages.js";
import type { ParsedPage } from "../parse/parsed-page.js";
import { readAndParsePage, type PageOutcome } from "../parse/read-and-parse-page.js";
import { readPages } from "../parse/read-pages.js";
import { hashFile } from "./hash-files.js";
import { heapBudget } from "./heap-budget.js";
import type { IndexedPage, InputIndex, PageStat } from "./input-index.js";
import type { PageCache } from "./page-cache.js";

export interface ReadInputsOptions {
  readonly index: InputIndex;
  readonly pageCache: PageCache;
  readonly onStep?: ((step: string) => void) | undefined;
}

export interface InputPages {
  /** Every listed page, in listing order, as the index will record it. */
  readonly pages: ReadonlyMap<string, IndexedPage>;
  /** Listing diagnostics (an input that does not exist, a broken link). */
  readonly listDiagnostics: readonly Diagnostic[];
  /** Pages whose content the index did not know (taken from the page cache, or parsed). */
  readonly changedPages: number;
  /** True when the index must be written again (a page changed, was touched, added or removed). */
  readonly indexStale: boolean;
  /** The parsed form of a page that has facts: kept from this run, else the page cache or a read. */
  readonly parsedPage: (file: string) => ParsedPage | undefined;
  /** Drops the parsed pages kept from this run (once the services that need them are built). */
  readonly dropParsed: () => void;
  readonly loadMs: number;
  readonly parseMs: number;
}

/** A modification this recent may share its time stamp with a later write: not trusted. */
const RACY_MS = 2_000;

export async function readInputs(
  inputs: readonly string[],
  options: ReadInputsOptions,
): Promise<InputPages> {
  const started = performance.now();
  const listed = listPageFiles(inputs);
  const pages = new Map<string, IndexedPage>();
  const parsed = new Map<string, ParsedPage>();
  const toParse: { file: string; hash: string | undefined; stat: PageStat | null }[] = [];
  let touched = 0;
  let fromCache = 0;
  for (const file of listed.files) {
    const known = options.index.pages.get(file);
    const stats = statOrUndefined(file);
    if (known !== undefined && stats !== undefined && sameStat(known.stat, stats)) {
      pages.set(file, known);
      options.pageCache.keep(file, known.hash);
      continue;
    }
    const hash = hashOrUndefined(file);
    const stat = hash === undefined ? null : trustedStat(stats);
    if (known !== undefined && hash !== undefined && known.hash === hash) {
      pages.set(file, { ...known, stat });
      options.pageCache.keep(file, hash);
      touched++;
      continue;
    }
    const cached = hash === undefined ? undefined : options.pageCache.get(file, hash);
    if (cached === undefined || hash === undefined) {
      toParse.push({ file, hash, stat });
    } else {
      pages.set(file, indexed(file, cached, hash, stat, parsed));
      fromCache++;
    }
  }

  let parseMs = 0;
  if (toParse.length > 0) {
    options.onStep?.(`parse ${toParse.length} page(s)`);
    const heap = heapBudget();
    const read = readPages(
      toParse.map((p) => p.file),
      () => heap.settle(),
    );
    parseMs = read.parseMs;
    for (const [i, { file, hash, stat }] of toParse.entries()) {
      const outcome = read.outcomes[i] as PageOutcome;
      // Stored under the hash read above, only if the page still has those bytes.
      const unchanged = hash !== undefined && hashOrUndefined(file) === hash;
      if (unchanged) options.pageCache.put(file, hash, outcome);
      pages.set(file, indexed(file, outcome, hash ?? "", unchanged ? stat : null, parsed));
    }
  }
  const ordered = new Map(listed.files.map((file) => [file, pages.get(file) as IndexedPage]));
  const removed = [...options.index.pages.keys()].some((file) => !ordered.has(file));
  const changedPages = fromCache + toParse.length;
  return {
    pages: ordered,
    listDiagnostics: listed.diagnostics,
    changedPages,
    indexStale: changedPages > 0 || touched > 0 || removed,
    parsedPage: (file) =>
      parsed.get(file) ?? parseAgain(file, ordered.get(file), options.pageCache),
    dropParsed: () => parsed.clear(),
    loadMs: performance.now() - started - parseMs,
    parseMs,
  };
}

/**
 * The index entry of a page read this run; a page that passes the page checks is kept parsed.
 * The entry is copied (structuredClone): its strings are mostly slices of the page's text, and an
 * entry lives for the whole run, so each would keep its whole page alive.
 */
function indexed(
  file: string,
  outcome: { readonly page: ParsedPage | undefined; readonly diagnostics: readonly Diagnostic[] },
  hash: string,
  stat: PageStat | null,
  parsed: Map<string, ParsedPage>,
): IndexedPage {
  const diagnostics = [...outcome.diagnostics];
  const page = outcome.page;
  if (page === undefined || !checkPage(page, diagnostics)) {
    return { stat, hash, diagnostics: structuredClone(diagnostics) };
  }
  parsed.set(file, page);
  return { stat, hash, ...structuredClone({ facts: pageFacts(page), diagnostics }) };
}

/**
 * A page the index knows but this run did not parse, for a service that must be built: from the
 * page cache, else read and parsed again (the cache was cleared). A page edited during the run
 * gives its new bytes here; the next run sees the edit and builds again.
 */
function parseAgain(
  file: string,
  entry: IndexedPage | undefined,
  pageCache: PageCache,
): ParsedPage | undefined {
  if (entry?.facts === undefined) return undefined;
  return (pageCache.get(file, entry.hash) ?? readAndParsePage(file)).page;
}

function sameStat(recorded: PageStat | null, stats: Stats): boolean {
  if (recorded === null) return false;
  const [size, mtimeMs, ino] = recorded;
  return stats.size === size && stats.mtimeMs === mtimeMs && stats.ino === ino;
}

/** The stat to record, or null when the page was modified too recently to trust it next run. */
function trustedStat(stats: Stats | undefined): PageStat | null {
  if (stats === undefined || Date.now() - stats.mtimeMs < RACY_MS) return null;
  return [stats.size, stats.mtimeMs, stats.ino];
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function hashOrUndefined(file: string): string | undefined {
  try {
    return hashFile(file);
  } catch {
    return undefined;
  }
}
