/**
 * The per-package output cache: `<out>/.tcgen-cache/packages.json` records, for each package
 * folder, the key of what it was generated from and every file it holds (SHA-256, size,
 * modification time, inode). A package whose key is unchanged and whose folder still holds
 * exactly those files is not emitted, printed or written again; any other package is.
 *
 * The key (packageKey) covers everything emitting one package reads except its release: the
 * generator fingerprint, that service's IR, the common error codes, the inputs as given
 * (provenance paths) and the severity overrides. The release (version, changelog, api.json) is
 * planned from those and the package's recorded api.json; when the key is unchanged and the folder
 * holds exactly what the last run wrote, that record is the API these inputs give, so planning
 * again finds no change and would write the same files (a second run changes nothing): the
 * package is reused without planning its release, which is most of what checking a package costs.
 * A page feeds a package only through the key, so a changed page regenerates exactly the packages
 * whose key it changes.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SeverityOverrides } from "../diff/severity-config.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import type { Ir, Service } from "../ir/types.js";
import { listPackageFiles } from "../write/list-package-files.js";
import { CACHE_DIR_NAME } from "./cache-entry.js";
import { CACHE_FORMAT } from "./generator-fingerprint.js";
import { hashFile, hashText, type KnownHash } from "./hash-files.js";

/** [sha256, size, mtimeMs, ino] of a file as written. */
type FileRecord = readonly [string, number, number, number];

interface PackageRecord {
  readonly key: string;
  /** Out-dir-relative path -> record. */
  readonly files: Readonly<Record<string, FileRecord>>;
}

interface PackagesManifest {
  readonly format: typeof CACHE_FORMAT;
  readonly packages: Readonly<Record<string, PackageRecord>>;
}

const MANIFEST = "packages.json";

export interface PackageKeyInput {
  readonly generator: string;
  readonly ir: Ir;
  readonly sourceRoots: readonly string[];
  readonly severityOverrides: SeverityOverrides;
}

/** Non-finite example numbers would all read as null; keep them apart. */
const keepNonFinite = (_key: string, value: unknown) =>
  typeof value === "number" && !Number.isFinite(value) ? `\u0000${value}` : value;

/**
 * The key of each package of one run: what all packages share is hashed once, then each key is
 * that hash and the services' IR (a folder holds one service, or several that share its name).
 */
export function packageKeys(input: PackageKeyInput): (services: readonly Service[]) => string {
  const shared = hashText(
    JSON.stringify(
      {
        format: CACHE_FORMAT,
        generator: input.generator,
        irVersion: input.ir.irVersion,
        commonErrors: input.ir.commonErrors,
        sourceRoots: input.sourceRoots,
        severityOverrides: [...input.severityOverrides].sort(),
      },
      keepNonFinite,
    ),
  );
  return (services) => hashText(`${shared}\n${JSON.stringify(services, keepNonFinite)}`);
}

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

  /** True when `pkg` was generated from `key` and its folder holds exactly what was written. */
  async upToDate(pkg: string, key: string): Promise<boolean> {
    const record = this.packages.get(pkg);
    if (record === undefined || record.key !== key) return false;
    const onDisk = await listPackageFiles(this.outDir, pkg);
    if (onDisk.length !== Object.keys(record.files).length) return false;
    return onDisk.every((file) => {
      const recorded = record.files[file];
      return recorded !== undefined && this.matches(file, recorded);
    });
  }

  /** Records the package as just written (or found identical): `files` are on disk now. */
  record(pkg: string, key: string, files: readonly GeneratedFile[]): void {
    const records: Record<string, FileRecord> = {};
    for (const file of files) {
      const stats = statSync(path.join(this.outDir, file.path));
      records[file.path] = [hashText(file.content), stats.size, stats.mtimeMs, stats.ino];
    }
    this.packages.set(pkg, { key, files: records });
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

function readManifest(outDir: string): PackagesManifest | undefined {
  try {
    const parsed = JSON.parse(
      readFileSync(path.join(outDir, CACHE_DIR_NAME, MANIFEST), "utf8"),
    ) as Partial<PackagesManifest>;
    if (parsed.format !== CACHE_FORMAT || typeof parsed.packages !== "object") return undefined;
    return parsed as PackagesManifest;
  } catch {
    return undefined;
  }
}

/**
 * The recorded hashes as a KnownHash for hashing the whole out folder after a run (the run-level
 * manifest): files written this run or verified unchanged are not read again.
 */
export function recordedHashes(outDir: string): KnownHash {
  const byFile = new Map<string, FileRecord>();
  for (const record of Object.values(readManifest(outDir)?.packages ?? {})) {
    for (const [file, entry] of Object.entries(record.files)) byFile.set(file, entry);
  }
  return (file, stats) => {
    const entry = byFile.get(file);
    if (entry === undefined || !stats.isFile()) return undefined;
    const [sha, size, mtimeMs, ino] = entry;
    return stats.size === size && stats.mtimeMs === mtimeMs && stats.ino === ino ? sha : undefined;
  };
}
