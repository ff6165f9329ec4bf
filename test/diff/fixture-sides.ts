/**
 * Test helpers: the base fixture pages (test/fixtures/diff/base) copied to temp folders with
 * edits applied, so that each given/want case states only what it changes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiChange } from "../../generator/diff/api-change.js";
import { diffModels } from "../../generator/diff/diff-models.js";
import { loadSide } from "../../generator/diff/load-side.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BASE = join(REPO_ROOT, "test/fixtures/diff/base");
export const ACTION_PAGE = "DescribeWidgets.md";
export const TYPES_PAGE = "data-types.md";

/** Replace `from` (which must occur) by `to` in a page; or add (a copy or given text)/remove a page. */
export type Edit =
  | { readonly file: string; readonly from: string; readonly to: string }
  | { readonly addFile: string; readonly copyOf: string; readonly replace?: [string, string][] }
  | { readonly addFile: string; readonly text: string }
  | { readonly removeFile: string };

export function pagesWith(edits: readonly Edit[]): string {
  const dir = mkdtempSync(join(tmpdir(), "tcgen-diff-"));
  cpSync(BASE, dir, { recursive: true });
  for (const edit of edits) {
    if ("removeFile" in edit) {
      rmSync(join(dir, edit.removeFile));
    } else if ("text" in edit) {
      writeFileSync(join(dir, edit.addFile), edit.text);
    } else if ("addFile" in edit) {
      let text = readFileSync(join(BASE, edit.copyOf), "utf8");
      for (const [from, to] of edit.replace ?? []) text = text.split(from).join(to);
      writeFileSync(join(dir, edit.addFile), text);
    } else {
      const path = join(dir, edit.file);
      const text = readFileSync(path, "utf8");
      if (!text.includes(edit.from))
        throw new Error(`fixture edit: "${edit.from}" not in ${edit.file}`);
      writeFileSync(path, text.replace(edit.from, edit.to));
    }
  }
  return dir;
}

/** The API changes from the base pages with `oldEdits` to the base pages with `newEdits`. */
export async function changesBetween(
  oldEdits: readonly Edit[],
  newEdits: readonly Edit[],
): Promise<ApiChange[]> {
  const oldDir = pagesWith(oldEdits);
  const newDir = pagesWith(newEdits);
  try {
    const before = await loadSide(oldDir);
    const after = await loadSide(newDir);
    return diffModels(before.model, after.model);
  } finally {
    rmSync(oldDir, { recursive: true, force: true });
    rmSync(newDir, { recursive: true, force: true });
  }
}

/** The fields a given/want table compares. */
export function summary(changes: readonly ApiChange[]): string[] {
  return changes.map((c) => `${c.id} ${c.path} ${c.breaking ? "breaking" : "compatible"}`).sort();
}
