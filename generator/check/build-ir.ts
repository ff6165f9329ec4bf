/**
 * Check phase: parsed pages to the IR, in three steps that an incremental run can take apart:
 * 1. each page alone (checkPage): names in the closed grammar, a structure defined twice;
 * 2. the whole tree, from each page's facts (check/plan-tree.ts): which pages build which service,
 *    which service owns each data types and error codes page, the common error codes;
 * 3. each service from its own pages (check/build-service.ts).
 * Everything is sorted so the IR is the same bytes on every run.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import { IR_VERSION, type Ir } from "../ir/types.js";
import type { ParsedPage } from "../parse/parsed-page.js";
import { buildService } from "./build-service.js";
import { checkPage } from "./check-page.js";
import { pageFacts } from "./page-facts.js";
import { planTree } from "./plan-tree.js";

export function buildIr(allPages: readonly ParsedPage[]): { ir: Ir; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pages = allPages.filter((page) => checkPage(page, diagnostics));
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const tree = planTree(pages.map(pageFacts));
  diagnostics.push(...tree.diagnostics);
  const services = tree.services.map((plan) => {
    const built = buildService(plan, tree, (file) => byFile.get(file));
    diagnostics.push(...built.diagnostics);
    return built.service;
  });
  return {
    ir: { irVersion: IR_VERSION, services, commonErrors: [...tree.commonErrors] },
    diagnostics,
  };
}
