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

/** Sorted absolute paths of the corpus pages; throws a clear error when the corpus is absent. */
export function corpusPages(): string[] {
  if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR}`);
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(CORPUS_DIR, name));
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
