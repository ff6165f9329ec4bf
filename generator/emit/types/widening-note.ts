/**
 * The JSDoc sentence for each way the check phase widened a field so that the docs' own example
 * is accepted (issue 11): a reader sees why the type is looser than the table, and where the
 * example is.
 */
import type { FieldWidening } from "../../ir/types.js";
import { specPaths, type PagePath } from "../typescript/provenance.js";

/** One line per widening, or undefined when the field was not widened. */
export function wideningNote(
  widened: readonly FieldWidening[] | undefined,
  pagePath: PagePath = specPaths(),
): string | undefined {
  if (widened === undefined || widened.length === 0) return undefined;
  return widened
    .map((widening) => {
      const where = `${pagePath(widening.position.file)}:${widening.position.line}`;
      return `Widened: ${WHAT_WAS_DONE[widening.kind](`"${widening.example}"`, widening.detail)} (${where}).`;
    })
    .join("\n");
}

const WHAT_WAS_DONE: Readonly<
  Record<FieldWidening["kind"], (example: string, detail: string) => string>
> = {
  "added-from-example": (example, detail) =>
    `the table lacks this parameter but the docs' example ${example} sends it (${detail}), so it is an optional field typed from the example`,
  "required-omitted-by-example": (example) =>
    `the docs' example ${example} omits this required field, so it is optional here`,
  "type-from-example": (example, detail) =>
    `the docs' example ${example} contradicts the documented type (${detail}), so the type is the union of both`,
};
