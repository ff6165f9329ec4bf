/**
 * The checks that need one page only: every name in the closed grammar (check/closed-grammar.ts;
 * a page outside it is refused whole), and a structure a data types page defines twice (TCG052:
 * the first definition is kept). Their diagnostics belong to the page, so a run that reuses a
 * page's facts reuses them too.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ParsedPage } from "../parse/parsed-page.js";
import { firstViolation } from "./closed-grammar.js";

/** Adds the page's diagnostics; false when the page is refused. */
export function checkPage(page: ParsedPage, diagnostics: Diagnostic[]): boolean {
  const violation = firstViolation(page);
  if (violation !== undefined) {
    diagnostics.push(violation);
    return false;
  }
  if (page.kind === "dataTypes") {
    const seen = new Set<string>();
    for (const draft of page.structures) {
      if (seen.has(draft.name)) {
        diagnostics.push(diagnose("TCG052", draft.position, { name: draft.name, kept: page.file }));
      }
      seen.add(draft.name);
    }
  }
  return true;
}
