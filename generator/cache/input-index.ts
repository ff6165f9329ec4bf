/**
 * What the last run learnt from its inputs, kept for the next one in
 * `<out>/.tcgen-cache/inputs.json`:
 * - per page: its size, modification time and inode when hashed, its SHA-256, its facts
 *   (check/page-facts.ts: what other services may read of it) and its own diagnostics (reading,
 *   parsing, the page-alone checks);
 * - per service: the key it was built from (cache/service-keys.ts), the hash of the IR that gave,
 *   and its diagnostics.
 * A page whose size, time and inode are as recorded is not read at all; a service whose key is
 * unchanged is not built again. The index is written only when something changed; an absent,
 * unreadable or foreign index (another generator, another format) is an empty one.
 *
 * A run that changes a few entries writes only those, to `inputs-changes.json`, beside the whole
 * index it read (which names its base by an id): at 2,000 pages the whole index is 4 MB, and
 * writing it was a tenth of a one-page run. Once the changes since the whole index was written
 * are many, the whole index is written again and the changes file dropped. A changes file whose
 * base is not the index beside it (a crash between the two writes) is ignored.
 */
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
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

/** An index as read: the whole index file it came from, that a changes file builds on. */
export interface ReadIndex extends InputIndex {
  readonly base?: BaseIndex;
}

interface BaseIndex extends InputIndex {
  readonly id: string;
}

interface StoredIndex {
  readonly format: typeof CACHE_FORMAT;
  readonly generator: string;
  readonly id: string;
  readonly pages: Readonly<Record<string, IndexedPage>>;
  readonly services: Readonly<Record<string, IndexedService>>;
}

/** The entries that differ from the whole index `base` names; null: no longer there. */
interface StoredChanges {
  readonly format: typeof CACHE_FORMAT;
  readonly generator: string;
  readonly base: string;
  readonly pages: Readonly<Record<string, IndexedPage | null>>;
  readonly services: Readonly<Record<string, IndexedService | null>>;
}

const INDEX_FILE = "inputs.json";
const CHANGES_FILE = "inputs-changes.json";

/**
 * The whole index is written again once the changes since it exceed this share of its entries, or
 * this many entries in a small index (a changes file that size costs nothing to read).
 */
const MAX_CHANGED_SHARE = 1 / 16;
const CHANGES_ALWAYS_ALLOWED = 16;

const EMPTY_INDEX: ReadIndex = { pages: new Map(), services: new Map() };

export function readInputIndex(outDir: string, generator: string): ReadIndex {
  const base = readBase(path.join(outDir, CACHE_DIR_NAME, INDEX_FILE), generator);
  if (base === undefined) return EMPTY_INDEX;
  const changes = readChanges(path.join(outDir, CACHE_DIR_NAME, CHANGES_FILE), generator, base.id);
  if (changes === undefined) return { pages: base.pages, services: base.services, base };
  return {
    pages: withChanges(base.pages, changes.pages, isIndexedPage),
    services: withChanges(base.services, changes.services, isIndexedService),
    base,
  };
}

/**
 * Stores `index`: only what differs from the whole index `previous` was read from, when that is
 * little, else the whole index. An unwritable cache only costs the next run its shortcut.
 */
export function writeInputIndex(
  outDir: string,
  generator: string,
  index: InputIndex,
  previous: ReadIndex,
): void {
  const dir = path.join(outDir, CACHE_DIR_NAME);
  try {
    const base = previous.base;
    if (base !== undefined) {
      const pages = changesFrom(base.pages, index.pages);
      const services = changesFrom(base.services, index.services);
      const changed = Object.keys(pages).length + Object.keys(services).length;
      const allowed = (base.pages.size + base.services.size) * MAX_CHANGED_SHARE;
      if (changed <= Math.max(allowed, CHANGES_ALWAYS_ALLOWED)) {
        const stored: StoredChanges = {
          format: CACHE_FORMAT,
          generator,
          base: base.id,
          pages,
          services,
        };
        writeJsonAtomically(path.join(dir, CHANGES_FILE), stored);
        return;
      }
    }
    const stored: StoredIndex = {
      format: CACHE_FORMAT,
      generator,
      id: randomUUID(),
      pages: Object.fromEntries(index.pages),
      services: Object.fromEntries(index.services),
    };
    writeJsonAtomically(path.join(dir, INDEX_FILE), stored);
    rmSync(path.join(dir, CHANGES_FILE), { force: true });
  } catch {
    // Nothing to undo: the previous index (or none) stays, and the next run reads more.
  }
}

function readBase(file: string, generator: string): BaseIndex | undefined {
  const stored = readJson(file) as Partial<StoredIndex> | undefined;
  if (stored?.format !== CACHE_FORMAT || stored.generator !== generator) return undefined;
  if (typeof stored.id !== "string" || !isRecord(stored.pages) || !isRecord(stored.services)) {
    return undefined;
  }
  // An entry of the wrong shape (a hand-edited index) is left out: that page is read again, that
  // service built again.
  return {
    id: stored.id,
    pages: new Map(Object.entries(stored.pages).filter(([, page]) => isIndexedPage(page))),
    services: new Map(
      Object.entries(stored.services).filter(([, service]) => isIndexedService(service)),
    ),
  };
}

function readChanges(file: string, generator: string, base: string): StoredChanges | undefined {
  const stored = readJson(file) as Partial<StoredChanges> | undefined;
  if (stored?.format !== CACHE_FORMAT || stored.generator !== generator) return undefined;
  if (stored.base !== base || !isRecord(stored.pages) || !isRecord(stored.services)) {
    return undefined;
  }
  return stored as StoredChanges;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** `base` with `changes` applied; a changed entry of the wrong shape is dropped (read again). */
function withChanges<T>(
  base: ReadonlyMap<string, T>,
  changes: Readonly<Record<string, T | null>>,
  isEntry: (value: unknown) => value is T,
): Map<string, T> {
  const merged = new Map(base);
  for (const [name, entry] of Object.entries(changes)) {
    if (entry !== null && isEntry(entry)) merged.set(name, entry);
    else merged.delete(name);
  }
  return merged;
}

/**
 * The entries of `next` that are not the very objects of `base` (an entry a run kept is the one it
 * read), and null for those of `base` that `next` no longer has.
 */
function changesFrom<T>(
  base: ReadonlyMap<string, T>,
  next: ReadonlyMap<string, T>,
): Record<string, T | null> {
  const changes: Record<string, T | null> = {};
  for (const [name, entry] of next) if (base.get(name) !== entry) changes[name] = entry;
  for (const name of base.keys()) if (!next.has(name)) changes[name] = null;
  return changes;
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
