/**
 * The per-package output cache: `<out>/.tcgen-cache/packages.json` records, for each package
 * folder, the key of what it was generated from and every file it holds (SHA-256, size,
 * modification time, inode). A package whose key is unchanged and whose folder still holds
 * exactly those files is not emitted, printed or written again; any other package is.
 *
 * The key (service-keys.ts) covers everything building and emitting the package reads except
 * its release: the generator fingerprint, its services' pages and plan, what all services share,
 * the inputs as given (provenance paths) and the severity overrides. The release (version, changelog, api.json) is
 * planned from those and the package's recorded api.json; when the key is unchanged and the folder
 * holds exactly what the last run wrote, that record is the API these inputs give, so planning
 * again finds no change and would write the same files (a second run changes nothing): the
 * package is reused without planning its release, which is most of what checking a package costs.
 * A page feeds a package only through the key, so a changed page regenerates exactly the packages
 * whose key it changes.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../emit/generated-file.js";
import { listPackageFiles } from "../write/list-package-files.js";
import { CACHE_DIR_NAME } from "./cache-entry.js";
import { CACHE_FORMAT } from "./generator-fingerprint.js";
import { hashFile, hashText } from "./hash-files.js";

/** [sha256, size, mtimeMs, ino] of a file as written. */
type FileRecord = readonly [string, number, number, number];

/** [mtimeMs, ino] of a folder of a package as written. */
type FolderRecord = readonly [number, number];

interface PackageRecord {
  readonly key: string;
  /** Out-dir-relative path -> record. */
  readonly files: Readonly<Record<string, FileRecord>>;
  /** Every folder holding the files (the package folder included) -> record. */
  readonly folders: Readonly<Record<string, FolderRecord>>;
}

interface PackagesManifest {
  readonly format: typeof CACHE_FORMAT;
  readonly packages: Readonly<Record<string, PackageRecord>>;
}

const MANIFEST = "packages.json";

export class PackageOutputCache {
  private readonly packages: Map<string, PackageRecord>;
  private changed = false;

  private constructor(
    private readonly outDir: string,
    private readonly readOnly: boolean,
    recorded: Readonly<Record<string, PackageRecord>>,
  ) {
    this.packages = new Map(Object.entries(recorded));
  }

  static open(outDir: string, options: { readOnly: boolean }): PackageOutputCache {
    return new PackageOutputCache(outDir, options.readOnly, readManifest(outDir)?.packages ?? {});
  }

  /** True when the package was last generated from another key (or never): it must be again. */
  keyChanged(pkg: string, key: string): boolean {
    return this.packages.get(pkg)?.key !== key;
  }

  /**
   * True when `pkg` was generated from `key` and its folder holds exactly what was written. A
   * folder whose modification time and inode are as recorded has had no entry added, removed or
   * renamed, so it is not listed: only each file is checked (size, time, inode; its hash when
   * those moved). Listing every folder was most of what an incremental run over 525 packages
   * spent on packages it did not generate.
   */
  async upToDate(pkg: string, key: string): Promise<boolean> {
    const record = this.packages.get(pkg);
    if (record === undefined || record.key !== key) return false;
    const foldersUnchanged = Object.entries(record.folders).every(([folder, recorded]) =>
      this.sameFolder(folder, recorded),
    );
    if (!foldersUnchanged && !(await this.sameFileList(pkg, record))) return false;
    return Object.entries(record.files).every(([file, recorded]) => this.matches(file, recorded));
  }

  /** Records the package as just written (or found identical): `files` are on disk now. */
  record(pkg: string, key: string, files: readonly GeneratedFile[]): void {
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
    this.packages.set(pkg, { key, files: records, folders });
    this.changed = true;
  }

  /** Drops packages no longer generated. */
  keepOnly(pkgs: ReadonlySet<string>): void {
    for (const pkg of this.packages.keys()) {
      if (!pkgs.has(pkg)) {
        this.packages.delete(pkg);
        this.changed = true;
      }
    }
  }

  save(): void {
    if (this.readOnly || !this.changed) return;
    const manifest: PackagesManifest = {
      format: CACHE_FORMAT,
      packages: Object.fromEntries(this.packages),
    };
    try {
      const dir = path.join(this.outDir, CACHE_DIR_NAME);
      mkdirSync(dir, { recursive: true });
      const temp = path.join(dir, `${MANIFEST}.${process.pid}.tmp`);
      writeFileSync(temp, JSON.stringify(manifest));
      renameSync(temp, path.join(dir, MANIFEST));
    } catch {
      // An unwritable cache only costs the next run its shortcut.
    }
  }

  private sameFolder(folder: string, [mtimeMs, ino]: FolderRecord): boolean {
    try {
      const stats = lstatSync(path.join(this.outDir, folder));
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
    const full = path.join(this.outDir, file);
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

function readManifest(outDir: string): PackagesManifest | undefined {
  try {
    const parsed = JSON.parse(
      readFileSync(path.join(outDir, CACHE_DIR_NAME, MANIFEST), "utf8"),
    ) as Partial<PackagesManifest>;
    if (parsed.format !== CACHE_FORMAT || !isObject(parsed.packages)) return undefined;
    // A record of the wrong shape (a hand-edited file) is left out: that package is generated.
    const packages = Object.entries(parsed.packages).filter(([, record]) => isRecord(record));
    return { format: CACHE_FORMAT, packages: Object.fromEntries(packages) };
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRecord(value: unknown): value is PackageRecord {
  if (!isObject(value)) return false;
  return typeof value.key === "string" && isObject(value.files) && isObject(value.folders);
}
