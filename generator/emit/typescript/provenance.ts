/**
 * Provenance (issue 11): every generated type, field, action function, client method and error
 * class names the page line it came from, `@see specs/dts/2018-03-30/ModifyMigrateJob.md:24`, so
 * that a reader can jump from code to doc. The printed path must not depend on the working
 * directory, or generated files would differ between machines and `--check` would fail.
 */
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import type { SourcePosition } from "../../ir/types.js";

/** A run's page paths as printed: `specPath` with the run's input folders fixed. */
export type PagePath = (file: string) => string;

/**
 * The spec path printed for a page, whatever the working directory:
 * - a relative path inside the working directory (no leading `..`) is printed as given: run from
 *   the repository root (as `npm run generate` is), that is the repo-relative path;
 * - an absolute path, or one that climbs out with `..`, is printed from the outermost input folder
 *   that holds it, that folder's own name first: `/home/me/tcgen/specs` given, the page
 *   `/home/me/tcgen/specs/dts/A.md` prints `specs/dts/A.md`, as `specs` given from the root does;
 * - failing that (a page given as a file, or no input folders known), only the file name.
 * Separators are always `/`.
 */
export function specPath(file: string, sourceRoots: readonly string[] = []): string {
  return specPaths(sourceRoots)(file);
}

/**
 * `specPath` for many pages of one run: the input folders are resolved once, and a page's
 * outermost input folder is found by walking up its own folders (its depth), not by testing
 * every input (a run given 2,000 page files as inputs tested 2,000 paths for every `@see` line,
 * which made generating corpus x15 from file inputs ~3x slower than from its folder).
 */
export function specPaths(sourceRoots: readonly string[] = []): PagePath {
  const roots = new Set(sourceRoots.map((root) => resolve(root)));
  const known = new Map<string, string>();
  return (file) => {
    let printed = known.get(file);
    if (printed === undefined) known.set(file, (printed = printedPath(file, roots)));
    return printed;
  };
}

function printedPath(file: string, roots: ReadonlySet<string>): string {
  const posix = file.replace(/\\/g, "/");
  if (!isAbsolute(file) && !isAbsolute(posix) && posix !== ".." && !posix.startsWith("../")) {
    return posix.replace(/^(\.\/)+/, "");
  }
  const page = resolve(file);
  let outermost: string | undefined;
  for (let folder = dirname(page); ; folder = dirname(folder)) {
    if (roots.has(folder)) outermost = folder;
    if (dirname(folder) === folder) break;
  }
  if (outermost === undefined) return basename(posix);
  return `${basename(outermost)}/${relative(outermost, page).replace(/\\/g, "/")}`;
}

/** Turns positions into `@see` lines for a run with the given input folders. */
export type SeeLine = (position: SourcePosition) => string;

/** The `@see file:line` line for a position, as a docs() part. */
export function seeLines(pagePath: PagePath): SeeLine {
  return (position) => `@see ${pagePath(position.file)}:${position.line}`;
}
