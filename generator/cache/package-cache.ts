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
 * One file per package, read when that package is checked and written when it is: a run that
 * generates one package of 525 reads the others' records while the print workers format that one,
 * and writes one record, not a 5 MB manifest.
 */
import { lstatSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../emit/generated-file.js";
import { listPackageFiles } from "../write/list-package-files.js";
import { CACHE_DIR_NAME, writeJsonAtomically } from "./cache-entry.js";
import { CACHE_FORMAT } from "./generator-fingerprint.js";
import { hashFile, hashText } from "./hash-files.js";

/** [sha256, size, mtimeMs, ino] of a file as written. */
type FileRecord = readonly [string, number, number, number];

/** [mtimeMs, ino] of a folder of a package as written. */
type FolderRecord = readonly [number, number];

interface PackageRecord {
  readonly format: typeof CACHE_FORMAT;
  readonly key: string;
  /** Out-dir-relative path -> record. */
  readonly files: Readonly<Record<string, FileRecord>>;
  /** Every folder holding the files (the package folder included) -> record. */
  readonly folders: Readonly<Record<string, FolderRecord>>;
}

const RECORDS_DIR = "packages";

export class PackageOutputCache {
  private readonly dir: string;

  constructor(
    private readonly outDir: string,
    private readonly options: { readonly readOnly: boolean },
  ) {
    this.dir = path.join(outDir, CACHE_DIR_NAME, RECORDS_DIR);
  }

  /**
   * True when `pkg` was generated from `key` and its folder holds exactly what was written. A
   * folder whose modification time and inode are as recorded has had no entry added, removed or
   * renamed, so it is not listed: only each file is checked (size, time, inode; its hash when
   * those moved). Listing every folder was most of what an incremental run over 525 packages
   * spent on packages it did not generate.
   */
  async upToDate(pkg: string, key: string): Promise<boolean> {
    const record = this.read(pkg);
    if (record === undefined || record.key !== key) return false;
    const foldersUnchanged = Object.entries(record.folders).every(([folder, recorded]) =>
      this.sameFolder(folder, recorded),
    );
    if (!foldersUnchanged && !(await this.sameFileList(pkg, record))) return false;
    return Object.entries(record.files).every(([file, recorded]) => this.matches(file, recorded));
  }

  /** Records the package as just written (or found identical): `files` are on disk now. */
  record(pkg: string, key: string, files: readonly GeneratedFile[]): void {
    if (this.options.readOnly) return;
    const records: Record<string, FileRecord> = {};
    for (const file of files) {
      const stats = statSync(path.join(this.outDir, file.path));
      records[file.path] = [hashText(file.content), stats.size, stats.mtimeMs, stats.ino];
    }
    const folders: Record<string, FolderRecord> = {};
    for (const folder of foldersOf(pkg, Object.keys(records))) {
      const stats = statSync(path.join(this.outDir, folder));
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

  /** The package's record; undefined when absent, unreadable, of another format or shape. */
  private read(pkg: string): PackageRecord | undefined {
    try {
      const parsed = JSON.parse(readFileSync(this.fileOf(pkg), "utf8")) as unknown;
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  private sameFolder(folder: string, [mtimeMs, ino]: FolderRecord): boolean {
    try {
      const stats = lstatSync(`${this.outDir}/${folder}`);
      return stats.isDirectory() && stats.mtimeMs === mtimeMs && stats.ino === ino;
    } catch {
      return false;
    }
  }

  /** The files under the package folder are those recorded (what the write phase owns). */
  private async sameFileList(pkg: string, record: PackageRecord): Promise<boolean> {
    const onDisk = await listPackageFiles(this.outDir, pkg);
    return (
      onDisk.length === Object.keys(record.files).length &&
      onDisk.every((file) => record.files[file] !== undefined)
    );
  }

  private matches(file: string, [sha, size, mtimeMs, ino]: FileRecord): boolean {
    // Concatenated, not path.join: this runs for every file of every package each run, and
    // join's normalising was a fifth of it (records hold normalised posix paths already).
    const full = `${this.outDir}/${file}`;
    try {
      const stats = lstatSync(full);
      if (!stats.isFile()) return false;
      if (stats.size === size && stats.mtimeMs === mtimeMs && stats.ino === ino) return true;
      return stats.size === size && hashFile(full) === sha;
    } catch {
      return false;
    }
  }
}

/** The package folder and every folder between it and the files. */
function foldersOf(pkg: string, files: readonly string[]): Set<string> {
  const folders = new Set<string>([pkg]);
  for (const file of files) {
    for (let slash = file.indexOf("/", pkg.length + 1); slash !== -1;) {
      folders.add(file.slice(0, slash));
      slash = file.indexOf("/", slash + 1);
    }
  }
  return folders;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A record of this format and shape (a hand-edited one is not trusted: the package is generated). */
function isRecord(value: unknown): value is PackageRecord {
  if (!isObject(value) || value.format !== CACHE_FORMAT) return false;
  return typeof value.key === "string" && isObject(value.files) && isObject(value.folders);
}
