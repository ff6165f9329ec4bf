/**
 * A small page tree with several packages, made from the repository's specs/: the dts pages under
 * their own service and as `dts1`, `dts2`, ... (hosts renamed as bench/subjects/replicated-corpus.ts
 * does), plus the common error codes page, which feeds every package.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { replicatePages } from "../../bench/subjects/replicated-corpus.js";

const SPECS = fileURLToPath(new URL("../../specs", import.meta.url));

export interface Tree {
  readonly root: string;
  readonly specs: string;
  /** A fresh, not yet existing out folder under root. */
  readonly out: (name: string) => string;
}

export function multiServiceTree(services: number): Tree {
  const root = mkdtempSync(path.join(os.tmpdir(), "tcgen-multi-"));
  const specs = path.join(root, "specs");
  replicatePages(path.join(SPECS, "dts"), specs, services);
  cpSync(path.join(SPECS, "common"), path.join(specs, "common"), { recursive: true });
  return { root, specs, out: (name) => path.join(root, name) };
}

/** Rewrites a page in place; returns the original text. */
export function editPage(file: string, edit: (text: string) => string): string {
  const original = readFileSync(file, "utf8");
  writeFileSync(file, edit(original));
  return original;
}
