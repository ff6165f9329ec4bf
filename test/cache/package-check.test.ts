/**
 * The package check (generator/cache/package-check.mjs, package-cache.ts): which package folders
 * still hold exactly what their records say. The same verdicts whether a worker thread shares the
 * list or this thread checks it all, whatever was done to a folder since it was written.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CACHE_DIR_NAME } from "../../generator/cache/cache-entry.js";
import { CACHE_FORMAT } from "../../generator/cache/generator-fingerprint.js";
import { hashText } from "../../generator/cache/hash-files.js";
import { PackageOutputCache } from "../../generator/cache/package-cache.js";
import {
  checkClaimedPackages,
  recordedFolders,
  type PackageCheckInput,
} from "../../generator/cache/package-check.mjs";
import { runPipeline } from "../../generator/pipeline.js";
import { MARK_CONTENT, MARK_FILE } from "../../generator/write/folder-mark.js";
import { multiServiceTree, type Tree } from "../pipeline/multi-service-tree.js";

const PACKAGES = ["dts", "dts1", "dts2"];
let tree: Tree;
let written: string;

beforeAll(async () => {
  tree = multiServiceTree(3);
  written = tree.out("written");
  await runPipeline({ inputs: [tree.specs], outDir: written, printThreads: 0 });
}, 300_000);
afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

/**
 * A copy of the generated out folder whose records are rewritten for the copy (a copied file has
 * another inode and time): every folder is intact until the case's edit.
 */
function freshOut(): string {
  const out = tree.out(`out-${Math.random().toString(36).slice(2)}`);
  cpSync(written, out, { recursive: true, preserveTimestamps: false });
  const cache = new PackageOutputCache(out, { readOnly: false, inWorker: false });
  for (const pkg of PACKAGES) {
    const record = readRecord(out, pkg);
    const files = Object.keys(record.files).map((file) => ({
      path: `${pkg}/${file}`,
      content: readFileSync(path.join(out, pkg, file), "utf8"),
    }));
    cache.record(pkg, record.key, files);
  }
  return out;
}

function readRecord(out: string, pkg: string): { key: string; files: Record<string, unknown> } {
  const file = path.join(out, CACHE_DIR_NAME, "packages", `${pkg}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as { key: string; files: Record<string, unknown> };
}

/** Each package's verdict for its recorded key, the check run as `inWorker` says. */
async function verdicts(out: string, inWorker: boolean): Promise<Record<string, boolean>> {
  const keys = Object.fromEntries(PACKAGES.map((pkg) => [pkg, readRecord(out, pkg).key]));
  const cache = new PackageOutputCache(out, { readOnly: true, inWorker });
  try {
    const found: Record<string, boolean> = {};
    for (const pkg of PACKAGES) found[pkg] = await cache.upToDate(pkg, keys[pkg] as string);
    return found;
  } finally {
    await cache.close();
  }
}

const aFile = (out: string) => path.join(out, "dts1", "src", "v20180330", "types.ts");

const edits: {
  readonly name: string;
  readonly edit: (out: string) => void;
  readonly dts1: boolean;
}[] = [
  { name: "nothing", edit: () => {}, dts1: true },
  {
    name: "a file's bytes changed in place, same size",
    edit: (out) => {
      const text = readFileSync(aFile(out), "utf8");
      writeFileSync(aFile(out), text.replace("export", "EXPORT"));
    },
    dts1: false,
  },
  {
    name: "a file touched, bytes unchanged (hashed: still as written)",
    edit: (out) => utimesSync(aFile(out), new Date(2001, 1, 1), new Date(2001, 1, 1)),
    dts1: true,
  },
  { name: "a file grown", edit: (out) => appendFileSync(aFile(out), "\n"), dts1: false },
  { name: "a file removed", edit: (out) => unlinkSync(aFile(out)), dts1: false },
  {
    name: "a file added in a new folder",
    edit: (out) => {
      mkdirSync(path.join(out, "dts1", "src", "extra"));
      writeFileSync(path.join(out, "dts1", "src", "extra", "mine.ts"), "export {};\n");
    },
    dts1: false,
  },
  {
    name: "a file replaced by a folder",
    edit: (out) => {
      unlinkSync(aFile(out));
      mkdirSync(aFile(out));
    },
    dts1: false,
  },
  {
    name: "its record hand-edited into another shape",
    edit: (out) =>
      writeFileSync(path.join(out, CACHE_DIR_NAME, "packages", "dts1.json"), '{"key":1}'),
    dts1: false,
  },
  {
    name: "its record without the folder's mark file (so not a record tcgen wrote)",
    edit: (out) => {
      const file = path.join(out, CACHE_DIR_NAME, "packages", "dts1.json");
      const record = JSON.parse(readFileSync(file, "utf8")) as { files: Record<string, unknown> };
      delete record.files[MARK_FILE];
      writeFileSync(file, JSON.stringify(record));
    },
    dts1: false,
  },
  {
    name: "folders added beside it that tcgen does not own (node_modules, dist)",
    edit: (out) => {
      mkdirSync(path.join(out, "dts1", "node_modules", "x"), { recursive: true });
      writeFileSync(path.join(out, "dts1", "node_modules", "x", "index.js"), "");
      mkdirSync(path.join(out, "dts1", "dist"));
    },
    dts1: true,
  },
];

describe("package check", { timeout: 60_000 }, () => {
  for (const { name, edit, dts1 } of edits) {
    it(`${name}: dts1 ${dts1 ? "up to date" : "generated again"}, the others up to date, in a worker or not`, async () => {
      const out = freshOut();
      try {
        edit(out);
        const expected = { dts: true, dts1, dts2: true };
        expect(await verdicts(out, false)).toEqual(expected);
        expect(await verdicts(out, true)).toEqual(expected);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }

  for (const inWorker of [false, true]) {
    it(`records a touched file's new stats, so the next run does not hash it (${inWorker ? "worker" : "this thread"})`, async () => {
      const out = freshOut();
      try {
        const file = aFile(out);
        const relative = path.relative(path.join(out, "dts1"), file).split(path.sep).join("/");
        const before = readRecord(out, "dts1").files[relative] as unknown[];
        utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
        const cache = new PackageOutputCache(out, { readOnly: false, inWorker });
        expect(await cache.upToDate("dts1", readRecord(out, "dts1").key)).toBe(true);
        await cache.refreshRecord("dts1");
        await cache.refreshRecord("dts2"); // untouched: its record stays as it is
        await cache.close();
        const stats = statSync(file);
        expect(readRecord(out, "dts1").files[relative]).toEqual([
          before[0],
          stats.size,
          stats.mtimeMs,
          stats.ino,
        ]);
        // An edit after that is still found.
        writeFileSync(file, readFileSync(file, "utf8").replace("export", "EXPORT"));
        expect(await verdicts(out, inWorker)).toEqual({ dts: true, dts1: false, dts2: true });
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }

  it("does not record a time too recent to trust (a write in the same tick would share it)", async () => {
    const out = freshOut();
    try {
      const file = aFile(out);
      const relative = path.relative(path.join(out, "dts1"), file).split(path.sep).join("/");
      const before = readRecord(out, "dts1").files[relative];
      const now = new Date();
      utimesSync(file, now, now);
      const cache = new PackageOutputCache(out, { readOnly: false, inWorker: false });
      expect(await cache.upToDate("dts1", readRecord(out, "dts1").key)).toBe(true);
      await cache.refreshRecord("dts1");
      expect(readRecord(out, "dts1").files[relative]).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("gives an intact folder's files and hashes as recorded, and nothing once a file is edited", async () => {
    const out = freshOut();
    try {
      const cache = new PackageOutputCache(out, { readOnly: true, inWorker: false });
      const recorded = readRecord(out, "dts1").files as Record<string, [string]>;
      const contents = cache.contentsOf("dts1");
      const expected = Object.entries(recorded).map(([f, [sha]]) => [`dts1/${f}`, sha] as const);
      expect(contents).toEqual(new Map(expected));
      expect(contents?.get(`dts1/${MARK_FILE}`)).toBe(hashText(MARK_CONTENT));
      expect([...(await cache.intactFolders())].sort()).toEqual(PACKAGES);
      appendFileSync(aFile(out), "\n");
      expect(cache.contentsOf("dts1")).toBeUndefined();
      expect(cache.contentsOf("dts2")).toBeDefined();
      expect(cache.contentsOf("no-such-package")).toBeUndefined();
      const later = new PackageOutputCache(out, { readOnly: true, inWorker: true });
      expect([...(await later.intactFolders())].sort()).toEqual(["dts", "dts2"]);
      await later.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("is not up to date for a key other than its record's", async () => {
    const cache = new PackageOutputCache(written, { readOnly: true, inWorker: true });
    expect(await cache.upToDate("dts1", "another key")).toBe(false);
    expect(await cache.upToDate("dts1", readRecord(written, "dts1").key)).toBe(true);
    await cache.close();
  });

  it("checks only the folders it claims, so two threads share the list", () => {
    const input: PackageCheckInput = {
      outDir: written,
      recordsDir: path.join(written, CACHE_DIR_NAME, "packages"),
      format: CACHE_FORMAT,
      markFile: MARK_FILE,
    };
    const folders = recordedFolders(input.recordsDir);
    expect(folders).toEqual(PACKAGES);
    const claims = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(claims, 0, 1); // another thread took the first folder
    const rest = checkClaimedPackages(input, folders, claims);
    expect(rest.checked).toBe(2);
    expect(Object.keys(rest.intact)).toEqual(["dts1", "dts2"]);
    expect(checkClaimedPackages(input, folders, claims).checked).toBe(0);
  });

  it("answers from this thread when its worker is stopped before answering", async () => {
    const cache = new PackageOutputCache(written, { readOnly: true, inWorker: true });
    await cache.close();
    for (const pkg of PACKAGES) {
      expect(await cache.upToDate(pkg, readRecord(written, pkg).key)).toBe(true);
    }
  });

  it("checks every folder in this thread when its worker fails after claiming them", async () => {
    const out = freshOut();
    try {
      const cache = new PackageOutputCache(out, {
        readOnly: true,
        inWorker: true,
        workerModule: new URL("../fixtures/cache/failing-check-worker.mjs", import.meta.url),
      });
      // Asked only once the worker has claimed every folder, so that this thread has none left.
      await vi.waitFor(() => expect(existsSync(path.join(out, "claimed"))).toBe(true), {
        timeout: 20_000,
      });
      for (const pkg of PACKAGES) {
        expect(await cache.upToDate(pkg, readRecord(out, pkg).key)).toBe(true);
      }
      await cache.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
