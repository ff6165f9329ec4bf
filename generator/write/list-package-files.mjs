// The files of a package folder tcgen owns, relative to the out dir, sorted. Plain JavaScript, so
// that the package check's worker thread (generator/cache/package-check.mjs) lists a folder with
// the same code as the write phase.
import { readdirSync } from "node:fs";

/** Entries inside a package folder that are not generator output and are left alone. */
export const UNOWNED_ENTRIES = new Set(["node_modules", "dist"]);

export function listPackageFiles(outDir, pkg) {
  const found = [];
  const walk = (relative, top) => {
    let entries;
    try {
      entries = readdirSync(`${outDir}/${relative}`, { withFileTypes: true });
    } catch (error) {
      if (error.code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      if (top && UNOWNED_ENTRIES.has(entry.name)) continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path, false);
      else found.push(path);
    }
  };
  walk(pkg, true);
  return found.sort();
}
