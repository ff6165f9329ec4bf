/**
 * The write phase. Files are grouped by package (the first path segment). A package that differs
 * from what is on disk is written whole into a temporary folder beside it, then swapped in with
 * renames, so an interrupted run leaves the old package in place. `check` writes nothing and
 * reports what differs: changed, missing, and stale files (in a package folder tcgen owns but no
 * longer generated).
 *
 * Every package gets tcgen's mark file, and only marked folders are ever replaced, renamed or
 * deleted (folder-mark.ts). When a folder the run would replace is not tcgen's, the whole run is
 * refused before anything is written (OutFolderRefusedError, TCG080), with or without `check`.
 */
import { link, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { lstatSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { compareCodeUnits } from "../code-unit-order.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import { isMarked, MARK_CONTENT, MARK_FILE, ownershipOf, readRegularFile } from "./folder-mark.js";
import { listPackageFiles, UNOWNED_ENTRIES } from "./list-package-files.mjs";
import { OutFolderRefusedError, refusedFolder } from "./out-folder-refused.js";

export interface WriteReport {
  /** Out-dir-relative paths that differ, are missing or are stale, sorted. */
  readonly changed: readonly string[];
  /** True when anything was written (never with `check`). */
  readonly written: boolean;
}

export async function writeFiles(
  outDir: string,
  files: readonly GeneratedFile[],
  options: { check: boolean },
): Promise<WriteReport> {
  const packages = groupByPackage(files);
  await prepareOutFolder(outDir, [...packages.keys()], options);
  for (const pkg of await staleOwnedFolders(outDir, packages.keys())) packages.set(pkg, []);

  const changed: string[] = [];
  let written = false;
  for (const [pkg, pkgFiles] of [...packages].sort(([a], [b]) => compareCodeUnits(a, b))) {
    const report = await writePackage(outDir, pkg, pkgFiles, options);
    changed.push(...report.changed);
    written ||= report.written;
  }
  return { changed: changed.sort(compareCodeUnits), written };
}

/**
 * Run once before any package is written (the pipeline writes one package at a time, so that a
 * run holds one package's files in memory): refuses the whole run when a folder it would replace
 * is not tcgen's, and puts back packages an interrupted run left retired.
 */
export async function prepareOutFolder(
  outDir: string,
  pkgs: readonly string[],
  options: { check: boolean; knownOwned?: ReadonlySet<string> },
): Promise<void> {
  // One listing instead of a stat of three names per package: most of those names are absent.
  const present = entriesOf(outDir);
  refuseForeignFolders(outDir, pkgs, present, options.knownOwned ?? new Set());
  if (!options.check) {
    for (const pkg of pkgs)
      if (present.has(retiredName(pkg))) await recoverInterrupted(outDir, pkg);
  }
}

/** Package folders tcgen owns in `outDir` that are not among `generated`: to delete. */
export async function staleOwnedFolders(
  outDir: string,
  generated: Iterable<string>,
): Promise<string[]> {
  return (await ownedFoldersOnDisk(outDir, new Set(generated))).sort(compareCodeUnits);
}

/**
 * Writes one package (its files as `groupByPackage` lists them: the mark file first), or with
 * `check` only reports what differs. An empty `files` deletes a stale owned folder.
 */
export async function writePackage(
  outDir: string,
  pkg: string,
  files: readonly GeneratedFile[],
  options: { check: boolean; known?: KnownContents | undefined },
): Promise<WriteReport> {
  const { drift, unchanged } =
    options.known !== undefined && !files.some((file) => underUnownedEntry(pkg, file.path))
      ? driftFromKnown(files, options.known)
      : packageDrift(outDir, pkg, files);
  if (drift.length === 0 || options.check) return { changed: drift, written: false };
  await replacePackage(outDir, pkg, files, unchanged);
  return { changed: drift, written: true };
}

/**
 * What is known of a package folder without reading it: the SHA-256 of each file it holds (from
 * its record, the folder checked to hold exactly that: package-check.mjs), and of each new file.
 */
export interface KnownContents {
  /** Out-dir-relative path -> SHA-256, of every file the folder holds. */
  readonly onDisk: ReadonlyMap<string, string>;
  /** Out-dir-relative path -> SHA-256 of its new content, of every file to write. */
  readonly wanted: ReadonlyMap<string, string>;
}

/** The files that differ, and those that are on disk with the wanted bytes already. */
interface PackageDrift {
  readonly drift: string[];
  readonly unchanged: ReadonlySet<string>;
}

/** Files by package folder (the first path segment), each list starting with the mark file. */
export function groupByPackage(files: readonly GeneratedFile[]): Map<string, GeneratedFile[]> {
  const packages = new Map<string, GeneratedFile[]>();
  for (const file of files) {
    const slash = file.path.indexOf("/");
    if (slash <= 0 || file.path.split("/").some((part) => part === ".." || part === "")) {
      throw new Error(`generated path outside a package folder: ${file.path}`);
    }
    const pkg = file.path.slice(0, slash);
    const list = packages.get(pkg) ?? [{ path: `${pkg}/${MARK_FILE}`, content: MARK_CONTENT }];
    list.push(file);
    packages.set(pkg, list);
  }
  return packages;
}

/**
 * Throws OutFolderRefusedError when the folder of a package about to be written, or a staging
 * or retired folder beside it, is not tcgen's. Runs before anything is written or renamed.
 * Package folders in `knownOwned` were just found to hold, mark file included, what tcgen wrote
 * there (package-check.mjs): they are not checked again.
 */
function refuseForeignFolders(
  outDir: string,
  pkgs: readonly string[],
  present: ReadonlySet<string>,
  knownOwned: ReadonlySet<string>,
): void {
  const refused: Diagnostic[] = [];
  for (const pkg of [...pkgs].sort(compareCodeUnits)) {
    for (const name of [pkg, stagingName(pkg), retiredName(pkg)]) {
      if (!present.has(name) || (name === pkg && knownOwned.has(pkg))) continue;
      const ownership = ownershipOf(`${outDir}/${name}`);
      if (ownership.kind === "foreign") refused.push(refusedFolder(outDir, name, ownership.reason));
    }
  }
  if (refused.length > 0) throw new OutFolderRefusedError(refused);
}

/** The names in a folder (none when it does not exist). */
function entriesOf(folder: string): Set<string> {
  try {
    return new Set(readdirSync(folder));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw error;
  }
}

const stagingName = (pkg: string) => `.${pkg}.tcgen-new`;
const retiredName = (pkg: string) => `.${pkg}.tcgen-old`;

/**
 * Folders in `outDir` that carry tcgen's mark, besides those in `except`: the only ones a run may
 * delete as stale. Only those folders' marks are read.
 */
async function ownedFoldersOnDisk(outDir: string, except: ReadonlySet<string>): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(outDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const owned: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".") || except.has(entry.name)) continue;
    if (isMarked(`${outDir}/${entry.name}`)) owned.push(entry.name);
  }
  return owned;
}

/** The drift from hashes alone: nothing is read. */
function driftFromKnown(files: readonly GeneratedFile[], known: KnownContents): PackageDrift {
  const wanted = new Set(files.map((file) => file.path));
  const drift = [...known.onDisk.keys()].filter((path) => !wanted.has(path));
  const unchanged = new Set<string>();
  for (const { path } of files) {
    const sha = known.onDisk.get(path);
    if (sha !== undefined && sha === known.wanted.get(path)) unchanged.add(path);
    else drift.push(path);
  }
  return { drift, unchanged };
}

/** The drift found by reading the folder back (synchronous, like the mark checks). */
function packageDrift(outDir: string, pkg: string, files: readonly GeneratedFile[]): PackageDrift {
  const wanted = new Map(files.map((file) => [file.path, file.content]));
  const onDisk = listPackageFiles(outDir, pkg);
  const drift = onDisk.filter((path) => !wanted.has(path));
  // A file the listing did not find is missing: not read (a fresh out folder reads nothing).
  // Files under an unowned entry (dist/, node_modules/) are never listed, so they are read.
  const listed = new Set(onDisk);
  const unchanged = new Set<string>();
  for (const [path, content] of wanted) {
    const read = listed.has(path) || underUnownedEntry(pkg, path);
    if (!read || readRegularFile(`${outDir}/${path}`) !== content) drift.push(path);
    else if (listed.has(path)) unchanged.add(path);
  }
  return { drift, unchanged };
}

function underUnownedEntry(pkg: string, path: string): boolean {
  const entry = path.slice(pkg.length + 1).split("/")[0] ?? "";
  return UNOWNED_ENTRIES.has(entry);
}

/**
 * Writes the package into a sibling temp folder, then swaps it in with renames. A file `unchanged`
 * (on disk with the wanted bytes) is hard-linked from the package folder instead of written.
 */
async function replacePackage(
  outDir: string,
  pkg: string,
  files: readonly GeneratedFile[],
  unchanged: ReadonlySet<string> = new Set(),
): Promise<void> {
  const target = `${outDir}/${pkg}`;
  if (files.length === 0) {
    // No longer generated; ownedFoldersOnDisk found the folder marked.
    await rm(target, { recursive: true, force: true });
    return;
  }
  const staging = `${outDir}/${stagingName(pkg)}`;
  const retired = `${outDir}/${retiredName(pkg)}`;
  // Both were checked to be tcgen's (refuseForeignFolders) before the run wrote anything.
  await rm(staging, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
  await writeStaging({ staging, target }, pkg, files, unchanged);
  const existed = exists(target);
  if (existed) {
    // Installed dependencies and build output are not ours; carry them over.
    for (const entry of UNOWNED_ENTRIES) {
      if (exists(`${target}/${entry}`)) await rename(`${target}/${entry}`, `${staging}/${entry}`);
    }
    await rename(target, retired);
  }
  await rename(staging, target);
  if (existed) await rm(retired, { recursive: true, force: true });
}

/**
 * Writes the package's files into `staging`: the mark file (first in `files`) before anything
 * else, so even a half-written staging folder is marked; then each folder is made once and the
 * other files are written concurrently. A file in `unchanged` is a hard link to the package
 * folder's copy (its bytes are the wanted ones): no data is written, and it keeps the time and
 * inode its record holds. Where linking fails (a file system without hard links), it is written.
 */
async function writeStaging(
  { staging, target }: { staging: string; target: string },
  pkg: string,
  files: readonly GeneratedFile[],
  unchanged: ReadonlySet<string>,
): Promise<void> {
  const [mark, ...rest] = files.map((file) => {
    const inPackage = file.path.slice(pkg.length + 1);
    return {
      path: `${staging}/${inPackage}`,
      content: file.content,
      current: unchanged.has(file.path) ? `${target}/${inPackage}` : undefined,
    };
  });
  if (mark === undefined) return;
  await mkdir(staging, { recursive: true });
  await placeFile(mark);
  for (const folder of new Set(rest.map((file) => dirname(file.path)))) {
    await mkdir(folder, { recursive: true });
  }
  await Promise.all(rest.map(placeFile));
}

/**
 * Links `current` to `path` when given and a regular file (a symbolic link with the same bytes is
 * someone's, not what tcgen writes), else (or when linking fails) writes `content` there.
 */
async function placeFile(file: { path: string; content: string; current: string | undefined }) {
  if (file.current !== undefined && isRegularFile(file.current)) {
    try {
      return await link(file.current, file.path);
    } catch {
      // Written instead: the bytes are the same.
    }
  }
  await writeFile(file.path, file.content);
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** Synchronous, like the mark checks (folder-mark.ts): one call per package before any write. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A run interrupted between the two renames left only the retired copy: put it back. */
async function recoverInterrupted(outDir: string, pkg: string): Promise<void> {
  const retired = `${outDir}/${retiredName(pkg)}`;
  if (!exists(`${outDir}/${pkg}`) && isMarked(retired)) {
    await rename(retired, `${outDir}/${pkg}`);
  }
}
