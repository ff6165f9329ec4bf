// Which package folders still hold exactly what the last run wrote there, from the records in
// `<out>/.tcgen-cache/packages/` (package-cache.ts writes them). Plain JavaScript, so that a worker
// thread (package-check-worker.mjs) runs it without a TypeScript loader: a run checks the other
// packages' files there, on the second core, while this thread reads, plans and emits.
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { listPackageFiles } from "../write/list-package-files.mjs";

/** The folders that have a record in `recordsDir`, sorted. */
export function recordedFolders(recordsDir) {
  try {
    const names = readdirSync(recordsDir).filter((name) => name.endsWith(".json"));
    return names.map((name) => name.slice(0, -".json".length)).sort();
  } catch {
    return [];
  }
}

/**
 * Checks recorded package folders, claimed one at a time from `claims` (index 0 of a shared
 * Int32Array: the next of `folders` to check), so that two threads can share the list. Returns,
 * for the folders checked here:
 * - `intact`: folder -> the key its record was generated from, for each folder that holds exactly
 *   the recorded files, each with the recorded bytes (its mark file among them);
 * - `restat`: for an intact folder some of whose files or folders have other times or inodes than
 *   recorded (touched, checked out again) but the same bytes, its record with their stats now, to
 *   be stored so that the next run does not hash them again;
 * - `checked`: how many folders it checked.
 *
 * A folder whose modification time and inode are as recorded has had no entry added, removed or
 * renamed, so it is not listed: only each file is checked (size, time, inode; its hash when those
 * moved).
 */
export function checkClaimedPackages(input, folders, claims) {
  const { outDir } = input;
  const intact = {};
  const restat = {};
  let checked = 0;
  for (let i = Atomics.add(claims, 0, 1); i < folders.length; i = Atomics.add(claims, 0, 1)) {
    checked++;
    const pkg = folders[i];
    const record = readRecord(input, pkg);
    if (record === undefined) continue;
    const moved = { files: {}, folders: {} };
    if (holdsRecorded(outDir, pkg, record, moved)) {
      intact[pkg] = record.key;
      const count = Object.keys(moved.files).length + Object.keys(moved.folders).length;
      if (count > 0) {
        const files = { ...record.files, ...moved.files };
        restat[pkg] = { ...record, files, folders: { ...record.folders, ...moved.folders } };
      }
    }
  }
  return { intact, restat, checked };
}

/**
 * What the package folder `pkg` holds when it holds exactly what its record says: out-dir-relative
 * file path -> SHA-256. Undefined when it has no usable record or differs from it. The write
 * phase uses it instead of reading the folder back, to find which files a new version changes.
 */
export function recordedContents(input, pkg) {
  const record = readRecord(input, pkg);
  if (record === undefined) return undefined;
  if (!holdsRecorded(input.outDir, pkg, record, { files: {}, folders: {} })) return undefined;
  return new Map(Object.entries(record.files).map(([file, [sha]]) => [`${pkg}/${file}`, sha]));
}

/** A time this recent may be shared by a later write of the same size: not recorded. */
const RACY_MS = 2_000;

function holdsRecorded(outDir, pkg, record, moved) {
  const root = `${outDir}/${pkg}`;
  const foldersUnchanged = Object.entries(record.folders)
    .map(([folder, recorded]) => sameFolder(root, folder, recorded, moved))
    .every(Boolean);
  if (!foldersUnchanged && !sameFileList(outDir, pkg, record)) return false;
  return Object.entries(record.files).every(([file, recorded]) =>
    sameFile(root, file, recorded, moved),
  );
}

/** `folder` ("" for the package folder itself) under the package folder `root`. */
const folderPath = (root, folder) => (folder === "" ? root : `${root}/${folder}`);

function sameFolder(root, folder, [mtimeMs, ino], moved) {
  try {
    const stats = lstatSync(folderPath(root, folder));
    if (!stats.isDirectory()) return false;
    if (stats.mtimeMs === mtimeMs && stats.ino === ino) return true;
    if (Date.now() - stats.mtimeMs >= RACY_MS) moved.folders[folder] = [stats.mtimeMs, stats.ino];
    return false;
  } catch {
    return false;
  }
}

function sameFile(root, file, [sha, size, mtimeMs, ino], moved) {
  const full = `${root}/${file}`;
  try {
    // Taken before the bytes are hashed: a write after the hash moves them again.
    const stats = lstatSync(full);
    if (!stats.isFile()) return false;
    if (stats.size === size && stats.mtimeMs === mtimeMs && stats.ino === ino) return true;
    if (stats.size !== size) return false;
    if (createHash("sha256").update(readFileSync(full)).digest("hex") !== sha) return false;
    if (Date.now() - stats.mtimeMs >= RACY_MS) {
      moved.files[file] = [sha, stats.size, stats.mtimeMs, stats.ino];
    }
    return true;
  } catch {
    return false; // gone or unreadable: generated again
  }
}

/** The files under the package folder (what the write phase owns) are those recorded. */
function sameFileList(outDir, pkg, record) {
  let onDisk;
  try {
    onDisk = listPackageFiles(outDir, pkg);
  } catch {
    return false; // unreadable: generated again
  }
  return (
    onDisk.length === Object.keys(record.files).length &&
    onDisk.every((file) => record.files[file.slice(pkg.length + 1)] !== undefined)
  );
}

/**
 * The record of `pkg`; undefined when absent, unreadable, of another format or shape (hand-edited),
 * or without the folder's mark file (every package tcgen writes has one: a folder found to hold
 * what its record says is then known to be tcgen's).
 */
function readRecord({ recordsDir, format, markFile }, pkg) {
  try {
    const record = JSON.parse(readFileSync(`${recordsDir}/${pkg}.json`, "utf8"));
    const isObject = (value) =>
      typeof value === "object" && value !== null && !Array.isArray(value);
    if (!isObject(record) || record.format !== format || typeof record.key !== "string") return;
    if (!isObject(record.files) || !isObject(record.folders)) return;
    return Array.isArray(record.files[markFile]) ? record : undefined;
  } catch {
    return undefined;
  }
}
