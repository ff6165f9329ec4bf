/**
 * Content hashes of files and folder trees: of pages, of generated files and of the generator
 * itself (its fingerprint). Reads are synchronous: the cache check is a tight sequence of small
 * reads and must stay cheaper than parsing.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Lowercase hex SHA-256 of a file's bytes. */
export function hashFile(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Lowercase hex SHA-256 of a string (UTF-8). */
export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Says whether a folder (posix path relative to the walked root) is left out. */
export type SkipFolder = (relativePath: string) => boolean;

/**
 * Every regular file under `root` (following symbolic links), as sorted posix paths relative to
 * `root`. Folders for which `skip` returns true are not entered.
 */
function listFilesUnder(root: string, skip: SkipFolder = () => false): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      const isDirectory =
        entry.isDirectory() || (entry.isSymbolicLink() && statSync(full).isDirectory());
      if (isDirectory) {
        if (!skip(relative)) walk(full, relative);
      } else {
        found.push(relative);
      }
    }
  };
  walk(root, "");
  return found.sort();
}

/** `{ relativePath: sha256 }` for every file under `root`, in sorted path order. */
export function hashTree(root: string, skip?: SkipFolder): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const relative of listFilesUnder(root, skip))
    hashes[relative] = hashFile(path.join(root, relative));
  return hashes;
}
