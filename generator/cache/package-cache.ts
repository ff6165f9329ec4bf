/**
 * The per-package output cache: `<out>/.tcgen-cache/packages/<folder>.json` records, for one
 * package folder, the key of what it was generated from, every file it holds (SHA-256, size,
 * modification time, inode) and the time and inode of every folder holding them. A package whose
 * key is unchanged and whose folder still holds exactly those files is not emitted, printed or
 * written again; any other package is.
 *
 * The key (service-keys.ts: packageKeys) covers everything emitting the package reads except its
 * release: the generator fingerprint, its services' IR (as hashes), the common error codes, the
 * inputs as given (provenance paths) and the severity overrides. The release (version, changelog,
 * api.json) is planned from those and the package's recorded api.json; when the key is unchanged
 * and the folder holds exactly what the last run wrote, that record is the API these inputs give,
 * so planning again finds no change and would write the same files (a second run changes
 * nothing): the package is reused without planning its release, which is most of what checking a
 * package costs.
 *
 * One file per package, written when that package is: a run that generates one package of 525
 * writes one record, not a 5 MB manifest. Every record is checked from the start of a run, in a
 * worker thread (package-check.mjs) sharing the list with this thread: statting the packages'
 * 35,000 files of a 15x tree on the second core while this thread reads and plans takes a re-run
 * from ~175 to ~140 ms (bench: the package check thread row).
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { GeneratedFile } from "../emit/generated-file.js";
import { MARK_FILE } from "../write/folder-mark.js";
import { CACHE_DIR_NAME, writeJsonAtomically } from "./cache-entry.js";
import { CACHE_FORMAT } from "./generator-fingerprint.js";
import { hashText } from "./hash-files.js";
import {
  checkClaimedPackages,
  recordedContents,
  recordedFolders,
  type FileRecord,
  type FolderRecord,
  type PackageCheckInput,
  type PackageRecord,
  type PackageVerdicts,
} from "./package-check.mjs";

const RECORDS_DIR = "packages";

export class PackageOutputCache {
  private readonly dir: string;
  private readonly check: PackageCheckInput;
  /** The folders with a record, checked in order by whichever thread claims each next. */
  private readonly folders: readonly string[];
  private readonly claims = new Int32Array(new SharedArrayBuffer(4));
  private readonly helper: CheckWorker | undefined;
  private verdicts: Promise<PackageVerdicts> | undefined;

  /**
   * Starts checking the recorded package folders in a worker thread (`inWorker`, and when there
   * are records: a first run has none); this thread checks the rest when it first asks.
   */
  constructor(
    private readonly outDir: string,
    private readonly options: {
      readonly readOnly: boolean;
      readonly inWorker: boolean;
      /** The worker's module; default package-check-worker.mjs (a test gives one that fails). */
      readonly workerModule?: URL;
    },
  ) {
    this.dir = path.join(outDir, CACHE_DIR_NAME, RECORDS_DIR);
    this.check = { outDir, recordsDir: this.dir, format: CACHE_FORMAT, markFile: MARK_FILE };
    this.folders = recordedFolders(this.dir);
    if (options.inWorker && this.folders.length > 0) {
      const module = options.workerModule ?? new URL("./package-check-worker.mjs", import.meta.url);
      this.helper = startCheckWorker(module, {
        input: this.check,
        folders: this.folders,
        claims: this.claims,
      });
    }
  }

  /**
   * True when `pkg` was generated from `key` and its folder holds exactly what was written (as
   * checked during this run: a file edited after its check is the run's race, as any check's).
   */
  async upToDate(pkg: string, key: string): Promise<boolean> {
    return (await (this.verdicts ??= this.collectVerdicts())).intact[pkg] === key;
  }

  /**
   * The package folders found to hold exactly what their records say, whatever key they were
   * generated from: each holds tcgen's mark file as tcgen wrote it, so it is tcgen's.
   */
  async intactFolders(): Promise<ReadonlySet<string>> {
    return new Set(Object.keys((await (this.verdicts ??= this.collectVerdicts())).intact));
  }

  /**
   * Brings a reused package's record up to date when the check found some of its files or
   * folders with other times or inodes but the same bytes (a checkout, a touch): the next run
   * then finds them as recorded instead of hashing them again.
   */
  async refreshRecord(pkg: string): Promise<void> {
    if (this.options.readOnly) return;
    const refreshed = (await (this.verdicts ??= this.collectVerdicts())).restat[pkg];
    if (refreshed === undefined) return;
    try {
      writeJsonAtomically(this.fileOf(pkg), refreshed);
    } catch {
      // An unwritable cache only costs the next run its shortcut.
    }
  }

  /** Stops the check's worker if the run ends before it answered. */
  async close(): Promise<void> {
    await this.helper?.stop();
  }

  /**
   * Path -> SHA-256 of every file in the folder `pkg`, when it holds exactly what its record says;
   * else undefined. Checked again now, in this thread, for a package about to be written, not taken
   * from the run's earlier verdict: a file edited since would be hard-linked into the new package
   * and recorded with the bytes tcgen wanted, so the edit would never be found.
   */
  contentsOf(pkg: string): ReadonlyMap<string, string> | undefined {
    return recordedContents(this.check, pkg);
  }

  /**
   * Records the package as just written (or found identical): `files` are on disk now. `hashes`
   * (path -> SHA-256) spares hashing again files whose hash the caller has.
   */
  record(
    pkg: string,
    key: string,
    files: readonly GeneratedFile[],
    hashes: ReadonlyMap<string, string> = new Map(),
  ): void {
    if (this.options.readOnly) return;
    const root = path.join(this.outDir, pkg);
    const records: Record<string, FileRecord> = {};
    for (const file of files) {
      const inPackage = file.path.slice(pkg.length + 1);
      const stats = statSync(path.join(root, inPackage));
      const sha = hashes.get(file.path) ?? hashText(file.content);
      records[inPackage] = [sha, stats.size, stats.mtimeMs, stats.ino];
    }
    const folders: Record<string, FolderRecord> = {};
    for (const folder of foldersOf(Object.keys(records))) {
      const stats = statSync(path.join(root, folder));
      folders[folder] = [stats.mtimeMs, stats.ino];
    }
    const record: PackageRecord = { format: CACHE_FORMAT, key, files: records, folders };
    try {
      writeJsonAtomically(this.fileOf(pkg), record);
    } catch {
      // An unwritable cache only costs the next run its shortcut.
    }
  }

  /** Drops the records of packages no longer generated. */
  keepOnly(pkgs: ReadonlySet<string>): void {
    if (this.options.readOnly) return;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!pkgs.has(name.replace(/\.json$/, "")))
        rmSync(path.join(this.dir, name), { force: true });
    }
  }

  private fileOf(pkg: string): string {
    return path.join(this.dir, `${pkg}.json`);
  }

  /**
   * This thread checks the folders the worker has not claimed yet, then takes the worker's
   * verdicts on the rest. A worker that failed is not trusted for any folder: all are checked
   * here again (a run never depends on the worker).
   */
  private async collectVerdicts(): Promise<PackageVerdicts> {
    const here = checkClaimedPackages(this.check, this.folders, this.claims);
    if (this.helper === undefined || here.checked === this.folders.length) {
      void this.helper?.stop();
      return here;
    }
    const theirs = await this.helper.verdicts;
    if (theirs === undefined)
      return checkClaimedPackages(this.check, this.folders, new Int32Array(1));
    return {
      intact: { ...here.intact, ...theirs.intact },
      restat: { ...here.restat, ...theirs.restat },
    };
  }
}

interface CheckWorker {
  /** Its verdicts on the folders it checked; undefined when it failed or was stopped. */
  readonly verdicts: Promise<PackageVerdicts | undefined>;
  readonly stop: () => Promise<void>;
}

/** The check's worker thread (plain JavaScript: no loader to start). */
function startCheckWorker(
  module: URL,
  workerData: {
    readonly input: PackageCheckInput;
    readonly folders: readonly string[];
    readonly claims: Int32Array;
  },
): CheckWorker | undefined {
  let worker: Worker;
  try {
    worker = new Worker(module, {
      workerData,
      execArgv: [],
    });
  } catch {
    return undefined; // no worker: this thread checks every folder
  }
  const verdicts = new Promise<PackageVerdicts | undefined>((resolve) => {
    worker.once("message", (found: PackageVerdicts) => resolve(found));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return { verdicts, stop: async () => void (await worker.terminate()) };
}

/** The package folder ("") and every folder between it and the files (paths in the package). */
function foldersOf(files: readonly string[]): Set<string> {
  const folders = new Set<string>([""]);
  for (const file of files) {
    for (let slash = file.indexOf("/"); slash !== -1; slash = file.indexOf("/", slash + 1)) {
      folders.add(file.slice(0, slash));
    }
  }
  return folders;
}
