/**
 * How tcgen tells its own package folders under `--out` from everything else there.
 *
 * tcgen replaces a package folder whole on every run and deletes one no page generates any more,
 * so it must never mistake someone else's folder for its own: a page naming
 * `victim.tencentcloudapi.com` must not delete `--out/victim/` that a person put there. The rule:
 *
 * - tcgen writes a mark file, `.tcgen`, into every package folder it writes (listed with the
 *   package's generated files, so `--check` expects it too).
 * - A folder is tcgen's when its `.tcgen` is a file that starts with tcgen's generated notice, or
 *   (folders written before marks existed) when its `package.json` starts with that notice. Both
 *   are tcgen's own first lines; a page cannot put them into a folder tcgen did not write.
 * - An empty folder holds nothing to lose and may be written into.
 * - Anything else (a folder without the mark, a file, a symbolic link) is never replaced, renamed
 *   or deleted: the run is refused before anything is written.
 *
 * The checks are synchronous: a run checks every package folder (three names each) before it
 * writes, and over 525 packages one awaited call at a time cost ~150 ms of round trips to the
 * thread pool for what are a few microseconds of system calls each.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { GENERATED_NOTICE, hasGeneratedHeader } from "../print/generated-header.js";

/** The mark file's name inside a package folder. */
export const MARK_FILE = ".tcgen";

/** The mark file's content: the notice, then what it means for whoever finds it. */
export const MARK_CONTENT =
  `${GENERATED_NOTICE}\n` +
  "tcgen owns this folder: it replaces the folder on every run and deletes it when no page\n" +
  "generates it any more. Without this file tcgen refuses to replace or delete the folder.\n";

export type Ownership =
  | { readonly kind: "absent" }
  | { readonly kind: "owned" }
  /** `reason` completes "the folder ...": why tcgen will not touch it. */
  | { readonly kind: "foreign"; readonly reason: string };

/** Whether tcgen may replace or delete what is at `path`; never follows a symbolic link. */
export function ownershipOf(path: string): Ownership {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "absent" };
    throw error;
  }
  if (stats.isSymbolicLink()) return { kind: "foreign", reason: "is a symbolic link" };
  if (!stats.isDirectory()) return { kind: "foreign", reason: "is a file, not a folder" };
  if (isMarked(path)) return { kind: "owned" };
  if (readdirSync(path).length === 0) return { kind: "owned" };
  return {
    kind: "foreign",
    reason: `exists but tcgen did not write it (no ${MARK_FILE} mark file)`,
  };
}

/** True when the folder carries tcgen's mark, or a package.json tcgen generated. */
export function isMarked(folder: string): boolean {
  for (const name of [MARK_FILE, "package.json"]) {
    const text = readRegularFile(`${folder}/${name}`);
    if (text !== undefined && hasGeneratedHeader(text)) return true;
  }
  return false;
}

/**
 * The file's text, or undefined when it is missing or not a regular file (a symbolic link, even to
 * the same bytes, or a folder): what tcgen writes is only ever a regular file.
 */
export function readRegularFile(path: string): string | undefined {
  try {
    if (!lstatSync(path).isFile()) return undefined;
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}
