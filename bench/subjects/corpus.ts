/**
 * The real-page corpus (../shared/corpus relative to the repository root) and the floor for
 * "process these pages": reading each page and parsing it with remark-parse + remark-gfm (the
 * least any reader of these pages needs: their content is in GFM tables), nothing else.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { REPO_ROOT } from "./ours.js";

export const CORPUS_DIR = path.resolve(REPO_ROOT, "..", "shared", "corpus");

/** Sorted absolute paths of the pages under `dir` (recursive); a clear error when it is absent. */
export function corpusPages(dir: string = CORPUS_DIR): string[] {
  if (!existsSync(dir)) throw new Error(`corpus not found at ${dir}`);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Reads and parses every page; returns the number of top-level nodes (so nothing is dead code). */
export function bareParse(pages: readonly string[]): number {
  const processor = unified().use(remarkParse).use(remarkGfm);
  let nodes = 0;
  for (const page of pages) {
    const tree = processor.runSync(processor.parse(readFileSync(page, "utf8")));
    nodes += (tree as Root).children.length;
  }
  return nodes;
}
