// Which package folders still hold exactly what the last run wrote there, from the records in
// `<out>/.tcgen-cache/packages/` (package-cache.ts writes them). Plain JavaScript, so that a worker
// thread (package-check-worker.mjs) runs it without a TypeScript loader: a run checks the other
// packages' files there, on the second core, while this thread reads, plans and emits.
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";

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
 * Int32Array: the next of `folders` to check), so that two threads can share the list. Returns
 * folder -> the key its record was generated from, for each folder checked here that holds
 * exactly the recorded files, each with the recorded bytes; and how many folders it checked.
 *
 * A folder whose modification time and inode are as recorded has had no entry added, removed or
 * renamed, so it is not listed: only each file is checked (size, time, inode; its hash when those
 * moved).
 */
export function checkClaimedPackages(
  { outDir, recordsDir, format, unownedEntries },
  folders,
  claims,
) {
  const intact = {};
  let checked = 0;
  for (let i = Atomics.add(claims, 0, 1); i < folders.length; i = Atomics.add(claims, 0, 1)) {
    checked++;
    const pkg = folders[i];
    const record = readRecord(`${recordsDir}/${pkg}.json`, format);
    if (record !== undefined && holdsRecorded(outDir, pkg, record, unownedEntries)) {
      intact[pkg] = record.key;
    }
  }
  return { intact, checked };
}

function holdsRecorded(outDir, pkg, record, unownedEntries) {
  const foldersUnchanged = Object.entries(record.folders).every(([folder, recorded]) =>
    sameFolder(`${outDir}/${folder}`, recorded),
  );
  if (!foldersUnchanged && !sameFileList(outDir, pkg, record, unownedEntries)) return false;
  return Object.entries(record.files).every(([file, recorded]) =>
    sameFile(`${outDir}/${file}`, recorded),
  );
}

function sameFolder(full, [mtimeMs, ino]) {
  try {
    const stats = lstatSync(full);
    return stats.isDirectory() && stats.mtimeMs === mtimeMs && stats.ino === ino;
  } catch {
    return false;
  }
}

function sameFile(full, [sha, size, mtimeMs, ino]) {
  try {
    const stats = lstatSync(full);
    if (!stats.isFile()) return false;
    if (stats.size === size && stats.mtimeMs === mtimeMs && stats.ino === ino) return true;
    return (
      stats.size === size && createHash("sha256").update(readFileSync(full)).digest("hex") === sha
    );
  } catch {
    return false; // gone or unreadable: generated again
  }
}

/** The files under the package folder (what the write phase owns) are those recorded. */
function sameFileList(outDir, pkg, record, unownedEntries) {
  let count = 0;
  const walk = (relative, top) => {
    let entries;
    try {
      entries = readdirSync(`${outDir}/${relative}`, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      if (top && unownedEntries.includes(entry.name)) continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!walk(path, false)) return false;
      } else if (record.files[path] === undefined) {
        return false;
      } else {
        count++;
      }
    }
    return true;
  };
  return walk(pkg, true) && count === Object.keys(record.files).length;
}

/** The record; undefined when absent, unreadable, of another format or shape (hand-edited). */
function readRecord(file, format) {
  try {
    const record = JSON.parse(readFileSync(file, "utf8"));
    const isObject = (value) =>
      typeof value === "object" && value !== null && !Array.isArray(value);
    if (!isObject(record) || record.format !== format || typeof record.key !== "string") return;
    return isObject(record.files) && isObject(record.folders) ? record : undefined;
  } catch {
    return undefined;
  }
}
