/** Types of package-check.mjs (plain JavaScript, so that a worker thread runs it as it is). */
export interface PackageCheckInput {
  readonly outDir: string;
  /** `<out>/.tcgen-cache/packages`: one `<folder>.json` record per package. */
  readonly recordsDir: string;
  /** The cache format a record must have (generator-fingerprint.ts: CACHE_FORMAT). */
  readonly format: number;
  /** The mark file's name (write/folder-mark.ts): a record without it is not trusted. */
  readonly markFile: string;
}

/** Folder -> its record's key, for each package checked whose folder holds what was recorded. */
export type IntactPackages = Readonly<Record<string, string>>;

/** [sha256, size, mtimeMs, ino] of a file as written. */
export type FileRecord = readonly [string, number, number, number];

/** [mtimeMs, ino] of a folder of a package as written. */
export type FolderRecord = readonly [number, number];

/**
 * A package's record, `<out>/.tcgen-cache/packages/<folder>.json` (package-cache.ts writes it).
 * Paths are relative to the package folder, so that every record has the same keys for the files
 * every package has (the runtime's, the mock's): a thread parsing 500 records then builds one
 * shape for them, not one per package (a new thread's parse of a 15x tree's records: ~40 -> ~13 ms).
 */
export interface PackageRecord {
  readonly format: number;
  readonly key: string;
  /** Path in the package folder -> record. */
  readonly files: Readonly<Record<string, FileRecord>>;
  /** Every folder holding the files, in the package folder ("" for that folder) -> record. */
  readonly folders: Readonly<Record<string, FolderRecord>>;
}

/** What a thread found of the folders it checked. */
export interface PackageVerdicts {
  readonly intact: IntactPackages;
  /**
   * Folder -> its record with the stats its files and folders have now, for intact packages some
   * of whose files or folders have other times or inodes than recorded but the same bytes.
   */
  readonly restat: Readonly<Record<string, PackageRecord>>;
}

/** The folders that have a record in `recordsDir`, sorted. */
export function recordedFolders(recordsDir: string): string[];

/** Checks the folders claimed from `claims[0]` (shared with another thread checking `folders`). */
export function checkClaimedPackages(
  input: PackageCheckInput,
  folders: readonly string[],
  claims: Int32Array,
): PackageVerdicts & { readonly checked: number };

/**
 * Out-dir-relative path -> SHA-256 of every file the folder `pkg` holds, when it holds exactly what
 * its record says; undefined otherwise.
 */
export function recordedContents(
  input: PackageCheckInput,
  pkg: string,
): ReadonlyMap<string, string> | undefined;
