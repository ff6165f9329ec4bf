/** Types of list-package-files.mjs (plain JavaScript, shared with a worker thread). */

/** Entries inside a package folder that are not generator output and are left alone. */
export const UNOWNED_ENTRIES: ReadonlySet<string>;

/** The files of a package folder tcgen owns, relative to the out dir, sorted (none if absent). */
export function listPackageFiles(outDir: string, pkg: string): string[];
