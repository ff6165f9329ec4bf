/** The files of a package folder tcgen owns, relative to the out dir, sorted. */
import { readdir } from "node:fs/promises";

/** Entries inside a package folder that are not generator output and are left alone. */
export const UNOWNED_ENTRIES: ReadonlySet<string> = new Set(["node_modules", "dist"]);

export async function listPackageFiles(outDir: string, pkg: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string, top: boolean): Promise<void> => {
    let entries;
    try {
      entries = await readdir(`${outDir}/${relative}`, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      if (top && UNOWNED_ENTRIES.has(entry.name)) continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path, false);
      else found.push(path);
    }
  };
  await walk(pkg, true);
  return found.sort();
}
