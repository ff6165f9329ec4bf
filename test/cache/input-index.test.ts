/**
 * The input index on disk (generator/cache/input-index.ts): a run that changes a few entries
 * writes only those, beside the whole index; what is read back is always the index last written.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CACHE_DIR_NAME } from "../../generator/cache/cache-entry.js";
import {
  readInputIndex,
  writeInputIndex,
  type IndexedPage,
  type IndexedService,
  type InputIndex,
} from "../../generator/cache/input-index.js";

const GENERATOR = "generator-a";
let out: string;
beforeEach(() => {
  out = mkdtempSync(path.join(os.tmpdir(), "tcgen-index-"));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const wholeFile = () => path.join(out, CACHE_DIR_NAME, "inputs.json");
const changesFile = () => path.join(out, CACHE_DIR_NAME, "inputs-changes.json");

const page = (n: number, hash = `hash-${n}`): IndexedPage => ({
  stat: [n, 1_700_000_000_000 + n, 1000 + n],
  hash,
  diagnostics: [],
});
const service = (n: number, key = `key-${n}`): IndexedService => ({
  key,
  irHash: `ir-${n}`,
  diagnostics: [],
});

/** An index of `pages` pages and `services` services. */
function indexOf(pages: number, services: number): InputIndex {
  return {
    pages: new Map(Array.from({ length: pages }, (_, n) => [`page-${n}.md`, page(n)])),
    services: new Map(Array.from({ length: services }, (_, n) => [`svc${n}`, service(n)])),
  };
}

/** The index `read` with `pages` page entries replaced by new ones (a run's kept entries stay). */
function withNewPages(read: InputIndex, pages: readonly number[]): InputIndex {
  const next = new Map(read.pages);
  for (const n of pages) next.set(`page-${n}.md`, page(n, `edited-${n}`));
  return { pages: next, services: read.services };
}

const plain = (index: InputIndex) => ({
  pages: Object.fromEntries(index.pages),
  services: Object.fromEntries(index.services),
});

describe("input index", () => {
  it("writes a few changes beside the whole index, and reads back the index last written", () => {
    writeInputIndex(out, GENERATOR, indexOf(200, 40), readInputIndex(out, GENERATOR));
    const whole = readFileSync(wholeFile(), "utf8");
    expect(existsSync(changesFile())).toBe(false);

    // Two pages edited, one removed, one added, a service rebuilt.
    const read = readInputIndex(out, GENERATOR);
    const edited = withNewPages(read, [3, 150]);
    const pages = new Map(edited.pages);
    pages.delete("page-7.md");
    pages.set("page-new.md", page(999));
    const services = new Map(read.services).set("svc2", service(2, "key-2-rebuilt"));
    const next: InputIndex = { pages, services };
    writeInputIndex(out, GENERATOR, next, read);

    expect(readFileSync(wholeFile(), "utf8")).toBe(whole);
    const changes = JSON.parse(readFileSync(changesFile(), "utf8")) as {
      pages: Record<string, unknown>;
      services: Record<string, unknown>;
    };
    expect(Object.keys(changes.pages).sort()).toEqual([
      "page-150.md",
      "page-3.md",
      "page-7.md",
      "page-new.md",
    ]);
    expect(changes.pages["page-7.md"]).toBeNull();
    expect(Object.keys(changes.services)).toEqual(["svc2"]);
    expect(plain(readInputIndex(out, GENERATOR))).toEqual(plain(next));

    // A later run's changes add up: the changes file holds everything since the whole index.
    const reread = readInputIndex(out, GENERATOR);
    const later = withNewPages(reread, [4]);
    writeInputIndex(out, GENERATOR, later, reread);
    expect(readFileSync(wholeFile(), "utf8")).toBe(whole);
    expect(plain(readInputIndex(out, GENERATOR))).toEqual(plain(later));
  });

  it("writes the whole index again once the changes are many, and drops the changes file", () => {
    writeInputIndex(out, GENERATOR, indexOf(200, 40), readInputIndex(out, GENERATOR));
    const whole = readFileSync(wholeFile(), "utf8");
    const read = readInputIndex(out, GENERATOR);
    writeInputIndex(out, GENERATOR, withNewPages(read, [1]), read);
    expect(existsSync(changesFile())).toBe(true);

    // 240 entries: a 16th is 15, and 16 are always allowed; 17 pages changed since the whole
    // index was written.
    const reread = readInputIndex(out, GENERATOR);
    const many = withNewPages(
      reread,
      Array.from({ length: 17 }, (_, n) => n + 1),
    );
    writeInputIndex(out, GENERATOR, many, reread);
    expect(readFileSync(wholeFile(), "utf8")).not.toBe(whole);
    expect(existsSync(changesFile())).toBe(false);
    expect(plain(readInputIndex(out, GENERATOR))).toEqual(plain(many));
  });

  it("ignores a changes file made for another whole index (a crash between the two writes)", () => {
    writeInputIndex(out, GENERATOR, indexOf(200, 40), readInputIndex(out, GENERATOR));
    const read = readInputIndex(out, GENERATOR);
    writeInputIndex(out, GENERATOR, withNewPages(read, [5]), read);
    const staleChanges = path.join(out, "stale-changes.json");
    copyFileSync(changesFile(), staleChanges);

    // The whole index written again (another id), then the old changes file put back.
    const rewritten = indexOf(200, 40);
    writeInputIndex(out, GENERATOR, rewritten, { pages: new Map(), services: new Map() });
    copyFileSync(staleChanges, changesFile());
    expect(plain(readInputIndex(out, GENERATOR))).toEqual(plain(rewritten));
  });

  it("reads a changed entry of the wrong shape as absent (that page is read again)", () => {
    writeInputIndex(out, GENERATOR, indexOf(20, 4), readInputIndex(out, GENERATOR));
    const read = readInputIndex(out, GENERATOR);
    writeInputIndex(out, GENERATOR, withNewPages(read, [2]), read);
    const changes = JSON.parse(readFileSync(changesFile(), "utf8")) as {
      pages: Record<string, unknown>;
    };
    changes.pages["page-2.md"] = { hash: 42 };
    writeFileSync(changesFile(), JSON.stringify(changes));
    const index = readInputIndex(out, GENERATOR);
    expect(index.pages.has("page-2.md")).toBe(false);
    expect(index.pages.get("page-3.md")).toEqual(page(3));
  });

  it("is empty for another generator, whatever its changes file says", () => {
    writeInputIndex(out, GENERATOR, indexOf(20, 4), readInputIndex(out, GENERATOR));
    const read = readInputIndex(out, GENERATOR);
    writeInputIndex(out, GENERATOR, withNewPages(read, [2]), read);
    const other = readInputIndex(out, "generator-b");
    expect(other.pages.size + other.services.size).toBe(0);
  });
});
