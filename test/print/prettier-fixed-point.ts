/**
 * For the plans the print phase does not format (template copies, text laid out as prettier
 * would): which of them prettier would still change, with the generated-file notice on top as
 * the print phase writes them.
 */
import { format } from "prettier";
import type { PlannedFile } from "../../generator/emit/planned-file.js";
import { withGeneratedHeader } from "../../generator/print/generated-header.js";
import { PRETTIER_OPTIONS } from "../../generator/print/prettier-options.js";
import { renderPlan } from "../../generator/print/render-plans.js";

/** The paths of `files` that prettier would change. */
export async function changedByPrettier(files: readonly PlannedFile[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) {
    const content = withGeneratedHeader(file.path, renderPlan(file.plan));
    const fileName = file.path.slice(file.path.lastIndexOf("/") + 1);
    const formatted = await format(content, { ...PRETTIER_OPTIONS, filepath: fileName });
    if (formatted !== content) changed.push(file.path);
  }
  return changed;
}
