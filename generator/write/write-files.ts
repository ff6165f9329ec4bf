/**
 * The write phase. Files are grouped by package (the first path segment). A package that differs
 * from what is on disk is written whole into a temporary folder beside it, then swapped in with
 * renames, so an interrupted run leaves the old package in place. `check` writes nothing and
 * reports what differs: changed, missing, and stale files (in a package folder tcgen owns but no
 * longer generated). A folder is owned when it is generated now or its package.json carries the
 * generated notice.
 */
import { lstat, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { GeneratedFile } from "../emit/generated-file.js";
import { hasGeneratedHeader } from "../print/generated-header.js";
import { listPackageFiles, UNOWNED_ENTRIES } from "./list-package-files.js";

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
  if (!options.check) for (const pkg of packages.keys()) await recoverInterrupted(outDir, pkg);
  for (const pkg of await ownedFoldersOnDisk(outDir)) if (!packages.has(pkg)) packages.set(pkg, []);

  const changed: string[] = [];
  const toWrite: string[] = [];
  for (const [pkg, pkgFiles] of [...packages].sort(([a], [b]) => compare(a, b))) {
    const drift = await packageDrift(outDir, pkg, pkgFiles);
    if (drift.length === 0) continue;
    changed.push(...drift);
    toWrite.push(pkg);
  }
  if (options.check || toWrite.length === 0)
    return { changed: changed.sort(compare), written: false };

  for (const pkg of toWrite) await replacePackage(outDir, pkg, packages.get(pkg) ?? []);
  return { changed: changed.sort(compare), written: true };
}

function groupByPackage(files: readonly GeneratedFile[]): Map<string, GeneratedFile[]> {
  const packages = new Map<string, GeneratedFile[]>();
  for (const file of files) {
    const slash = file.path.indexOf("/");
    if (slash <= 0 || file.path.split("/").some((part) => part === ".." || part === "")) {
      throw new Error(`generated path outside a package folder: ${file.path}`);
    }
    const pkg = file.path.slice(0, slash);
    const list = packages.get(pkg) ?? [];
    list.push(file);
    packages.set(pkg, list);
  }
  return packages;
}

/** Folders in `outDir` whose package.json says tcgen generated it. */
async function ownedFoldersOnDisk(outDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(outDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const owned: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const manifest = await readIfExists(`${outDir}/${entry.name}/package.json`);
    if (manifest !== undefined && hasGeneratedHeader(manifest)) owned.push(entry.name);
  }
  return owned;
}

async function packageDrift(
  outDir: string,
  pkg: string,
  files: readonly GeneratedFile[],
): Promise<string[]> {
  const wanted = new Map(files.map((f) => [f.path, f.content]));
  const drift: string[] = [];
  for (const path of await listPackageFiles(outDir, pkg)) {
    if (!wanted.has(path)) drift.push(path);
  }
  for (const [path, content] of wanted) {
    if ((await readIfExists(`${outDir}/${path}`)) !== content) drift.push(path);
  }
  return drift;
}

/** Writes the package into a sibling temp folder, then swaps it in with renames. */
async function replacePackage(
  outDir: string,
  pkg: string,
  files: readonly GeneratedFile[],
): Promise<void> {
  const target = `${outDir}/${pkg}`;
  const staging = `${outDir}/.${pkg}.tcgen-new`;
  const retired = `${outDir}/.${pkg}.tcgen-old`;
  await rm(staging, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
  for (const file of files) {
    const path = `${outDir}/.${file.path.replace("/", ".tcgen-new/")}`;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  if (files.length === 0) {
    await rm(target, { recursive: true, force: true });
    return;
  }
  const existed = await exists(target);
  if (existed) {
    // Installed dependencies and build output are not ours; carry them over.
    for (const entry of UNOWNED_ENTRIES) {
      if (await exists(`${target}/${entry}`))
        await rename(`${target}/${entry}`, `${staging}/${entry}`);
    }
    await rename(target, retired);
  }
  await rename(staging, target);
  if (existed) await rm(retired, { recursive: true, force: true });
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** A run interrupted between the two renames left only the retired copy: put it back. */
async function recoverInterrupted(outDir: string, pkg: string): Promise<void> {
  const retired = `${outDir}/.${pkg}.tcgen-old`;
  if (!(await exists(`${outDir}/${pkg}`)) && (await exists(retired))) {
    await rename(retired, `${outDir}/${pkg}`);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
