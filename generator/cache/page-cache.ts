/**
 * The per-page cache: what loading and parsing one page gave (the parsed page, or none, and its
 * diagnostics), stored under `<out>/.tcgen-cache/pages/` by a key of the generator fingerprint,
 * the page's path as given (positions quote it) and the SHA-256 of its bytes. A run after one page
 * changed parses that page only and reads the others' results back.
 *
 * Entries are plain JSON, except that numbers JSON cannot hold (an example's 1e999 is Infinity)
 * are tagged, so a page read back equals the page parsed. New entries are kept in memory (as JSON
 * text) until `commit()`, which the pipeline calls once the run has written its packages: a run
 * that is refused (a foreign folder under --out) leaves the out folder untouched. `commit()` also
 * deletes the entries of pages the run no longer has (neither read, kept nor put), so the folder
 * holds one entry per current page.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ParsedPage } from "../parse/parsed-page.js";
import { CACHE_DIR_NAME } from "./cache-entry.js";
import { hashText } from "./hash-files.js";

interface PageResult {
  /** Undefined when the page was refused (its diagnostics say why). */
  readonly page: ParsedPage | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export interface PageCache {
  /** The stored result for this page at this content hash, or undefined. */
  get(file: string, contentHash: string): PageResult | undefined;
  /** Keeps the entry of a page this run did not read (its index entry was current). */
  keep(file: string, contentHash: string): void;
  /** Stores a result at the next commit (never in read-only caches). */
  put(file: string, contentHash: string, result: PageResult): void;
  /** Writes the new entries and deletes those this run did not use (not in read-only caches). */
  commit(): void;
}

const PAGES_DIR = "pages";
const NUMBER_TAG = "\u0000number";
/** The tag as JSON.stringify writes it (U+0000 escaped). */
const TAG_IN_JSON = JSON.stringify(NUMBER_TAG).slice(1, -1);

export function openPageCache(
  outDir: string,
  generator: string,
  options: { readOnly: boolean },
): PageCache {
  const dir = path.join(outDir, CACHE_DIR_NAME, PAGES_DIR);
  const used = new Set<string>();
  const pending = new Map<string, string>();
  const entryName = (file: string, contentHash: string) =>
    `${hashText(JSON.stringify([generator, file, contentHash]))}.json`;
  return {
    get(file, contentHash) {
      const name = entryName(file, contentHash);
      try {
        const text = readFileSync(path.join(dir, name), "utf8");
        // A reviver makes JSON.parse ~3x slower; only pages with tagged numbers need it.
        const stored = (
          text.includes(TAG_IN_JSON) ? JSON.parse(text, revive) : JSON.parse(text)
        ) as unknown;
        if (!isPageResult(stored)) return undefined;
        used.add(name);
        return stored;
      } catch {
        return undefined;
      }
    },
    keep(file, contentHash) {
      used.add(entryName(file, contentHash));
    },
    put(file, contentHash, result) {
      if (options.readOnly) return;
      try {
        pending.set(entryName(file, contentHash), JSON.stringify(result, tagNumbers));
      } catch {
        // Not JSON (cannot happen for parsed pages): parsed again next run; no harm.
      }
    },
    commit() {
      if (options.readOnly) return;
      for (const [name, text] of pending) {
        try {
          mkdirSync(dir, { recursive: true });
          const temp = path.join(dir, `${name}.${process.pid}.tmp`);
          writeFileSync(temp, text);
          renameSync(temp, path.join(dir, name));
          used.add(name);
        } catch {
          // A page that cannot be stored (unwritable folder) is parsed again next run; no harm.
        }
      }
      pending.clear();
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (!used.has(name)) rmSync(path.join(dir, name), { force: true });
      }
    },
  };
}

function tagNumbers(_key: string, value: unknown): unknown {
  if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0))) {
    return { [NUMBER_TAG]: Object.is(value, -0) ? "-0" : String(value) };
  }
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null && NUMBER_TAG in value) {
    return Number((value as Record<string, string>)[NUMBER_TAG]);
  }
  return value;
}

function isPageResult(value: unknown): value is PageResult {
  if (typeof value !== "object" || value === null) return false;
  const { page, diagnostics } = value as Partial<PageResult>;
  return Array.isArray(diagnostics) && (page === undefined || typeof page === "object");
}
