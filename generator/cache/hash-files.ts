/**
 * Content hashes of files and folder trees, the raw material of the cache key and the output
 * manifest. Reads are synchronous: the cache check is a tight sequence of small reads and must
 * stay cheaper than parsing.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
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

/**
 * A hash known from an earlier run, trusted while the file's size, modification time and inode
 * are exactly as recorded (nanosecond-resolution times: a rewrite shows); undefined to read it.
 */
export type KnownHash = (relativePath: string, stats: Stats) => string | undefined;

/** `{ relativePath: sha256 }` for every file under `root`, in sorted path order. */
export function hashTree(
  root: string,
  skip?: SkipFolder,
  known?: KnownHash,
): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const relative of listFilesUnder(root, skip)) {
    const full = path.join(root, relative);
    hashes[relative] = (known && known(relative, statSync(full))) ?? hashFile(full);
  }
  return hashes;
}

/** Hashes of a file or of every file in a folder; the key "" stands for the path itself. */
export function hashPath(target: string): Record<string, string> {
  return statSync(target).isDirectory() ? hashTree(target) : { "": hashFile(target) };
}
