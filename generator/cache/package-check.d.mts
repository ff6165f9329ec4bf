/** Types of package-check.mjs (plain JavaScript, so that a worker thread runs it as it is). */
export interface PackageCheckInput {
  readonly outDir: string;
  /** `<out>/.tcgen-cache/packages`: one `<folder>.json` record per package. */
  readonly recordsDir: string;
  /** The cache format a record must have (generator-fingerprint.ts: CACHE_FORMAT). */
  readonly format: number;
}

/** Folder -> its record's key, for each package checked whose folder holds what was recorded. */
export type IntactPackages = Readonly<Record<string, string>>;

/** The stats now of an intact package's files and folders whose times or inodes moved. */
export interface MovedStats {
  /** Out-dir-relative file -> [sha256, size, mtimeMs, ino]. */
  readonly files: Readonly<Record<string, readonly [string, number, number, number]>>;
  /** Out-dir-relative folder -> [mtimeMs, ino]. */
  readonly folders: Readonly<Record<string, readonly [number, number]>>;
}

/** What a thread found of the folders it checked. */
export interface PackageVerdicts {
  readonly intact: IntactPackages;
  /** Folder -> its moved stats, for intact packages only. */
  readonly restat: Readonly<Record<string, MovedStats>>;
}

/** The folders that have a record in `recordsDir`, sorted. */
export function recordedFolders(recordsDir: string): string[];

/** Checks the folders claimed from `claims[0]` (shared with another thread checking `folders`). */
export function checkClaimedPackages(
  input: PackageCheckInput,
  folders: readonly string[],
  claims: Int32Array,
): PackageVerdicts & { readonly checked: number };
