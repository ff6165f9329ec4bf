/**
 * What the last run learnt from its inputs, kept for the next one in
 * `<out>/.tcgen-cache/inputs.json`:
 * - per page: its size, modification time and inode when hashed, its SHA-256, its facts
 *   (check/page-facts.ts: what other services may read of it) and its own diagnostics (reading,
 *   parsing, the page-alone checks);
 * - per service: the key it was built from (cache/service-keys.ts), the hash of the IR that gave,
 *   and its diagnostics.
 * A page whose size, time and inode are as recorded is not read at all; a service whose key is
 * unchanged is not built again. The index is written last and only when something changed; an
 * absent, unreadable or foreign index (another generator, another format) is an empty one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PageFacts } from "../check/page-facts.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { CACHE_DIR_NAME, writeJsonAtomically } from "./cache-entry.js";
import { CACHE_FORMAT } from "./generator-fingerprint.js";

/** [size, mtimeMs, ino] of a page when it was hashed. */
export type PageStat = readonly [number, number, number];

export interface IndexedPage {
  readonly stat: PageStat | null;
  readonly hash: string;
  /** Absent when the page was refused or is not an API page. */
  readonly facts?: PageFacts;
  readonly diagnostics: readonly Diagnostic[];
}

export interface IndexedService {
  readonly key: string;
  /** The hash of the IR built from that key (service-keys.ts: irHash). */
  readonly irHash: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface InputIndex {
  readonly pages: ReadonlyMap<string, IndexedPage>;
  readonly services: ReadonlyMap<string, IndexedService>;
}

interface StoredIndex {
  readonly format: typeof CACHE_FORMAT;
  readonly generator: string;
  readonly pages: Readonly<Record<string, IndexedPage>>;
  readonly services: Readonly<Record<string, IndexedService>>;
}

const INDEX_FILE = "inputs.json";

const EMPTY_INDEX: InputIndex = { pages: new Map(), services: new Map() };

export function readInputIndex(outDir: string, generator: string): InputIndex {
  try {
    const stored = JSON.parse(
      readFileSync(path.join(outDir, CACHE_DIR_NAME, INDEX_FILE), "utf8"),
    ) as Partial<StoredIndex>;
    if (stored.format !== CACHE_FORMAT || stored.generator !== generator) return EMPTY_INDEX;
    if (!isRecord(stored.pages) || !isRecord(stored.services)) return EMPTY_INDEX;
    // An entry of the wrong shape (a hand-edited index) is left out: that page is read again,
    // that service built again.
    return {
      pages: new Map(Object.entries(stored.pages).filter(([, page]) => isIndexedPage(page))),
      services: new Map(
        Object.entries(stored.services).filter(([, service]) => isIndexedService(service)),
      ),
    };
  } catch {
    return EMPTY_INDEX;
  }
}

/** Stores the index; an unwritable cache only costs the next run its shortcut. */
export function writeInputIndex(outDir: string, generator: string, index: InputIndex): void {
  const stored: StoredIndex = {
    format: CACHE_FORMAT,
    generator,
    pages: Object.fromEntries(index.pages),
    services: Object.fromEntries(index.services),
  };
  try {
    writeJsonAtomically(path.join(outDir, CACHE_DIR_NAME, INDEX_FILE), stored);
  } catch {
    // Nothing to undo: the previous index (or none) stays, and the next run reads more.
  }
}

function isIndexedPage(value: unknown): value is IndexedPage {
  if (!isRecord(value)) return false;
  const page = value as Partial<IndexedPage>;
  const statOk = page.stat === null || (Array.isArray(page.stat) && page.stat.length === 3);
  const factsOk =
    page.facts === undefined || FACT_KINDS.has((page.facts as { kind?: string }).kind ?? "");
  return statOk && factsOk && typeof page.hash === "string" && Array.isArray(page.diagnostics);
}

function isIndexedService(value: unknown): value is IndexedService {
  if (!isRecord(value)) return false;
  const service = value as Partial<IndexedService>;
  return (
    typeof service.key === "string" &&
    typeof service.irHash === "string" &&
    Array.isArray(service.diagnostics)
  );
}

const FACT_KINDS: ReadonlySet<string> = new Set(["action", "dataTypes", "commonErrors"]);

function isRecord(value: unknown): value is Record<string, never> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
