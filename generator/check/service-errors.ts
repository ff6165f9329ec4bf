/**
 * The product's own error codes (the tables of an error codes page other than its common one)
 * go to the one service the page belongs to:
 * 1. the service a `<service>.tencentcloudapi.com` host on the page names, when it has actions;
 * 2. else the service whose action pages document most of the page's codes;
 * 3. a tie, or no code documented anywhere, gives the page to no service (TCG113): a wrong owner
 *    would give a package error classes of another product.
 * Every version of the owning service gets the codes; a code also common is left to the common
 * list, and the first page (by file name) wins a code two pages give.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ErrorCode } from "../ir/types.js";
import type { ParsedCommonErrorsPage } from "../parse/parsed-page.js";
import type { ActionFacts } from "./page-facts.js";
import { compareCodeUnits } from "../code-unit-order.js";

/** Codes every action can return: the common tables of every page, sorted by code. */
export function collectCommonErrors(pages: readonly ParsedCommonErrorsPage[]): ErrorCode[] {
  const byCode = new Map<string, ErrorCode>();
  for (const page of sortedByFile(pages)) {
    const own = new Set(page.serviceCodes);
    for (const error of page.errors) {
      if (!own.has(error.code) && !byCode.has(error.code)) byCode.set(error.code, error);
    }
  }
  return [...byCode.values()].sort((a, b) => compareCodeUnits(a.code, b.code));
}

/** Each service's own codes, by service name, sorted by code. */
export function collectServiceErrors(
  pages: readonly ParsedCommonErrorsPage[],
  keptActions: readonly ActionFacts[],
  commonErrors: readonly ErrorCode[],
  diagnostics: Diagnostic[],
): Map<string, ErrorCode[]> {
  const common = new Set(commonErrors.map((e) => e.code));
  const byService = new Map<string, Map<string, ErrorCode>>();
  for (const page of sortedByFile(pages)) {
    const own = new Set(page.serviceCodes);
    const codes = page.errors.filter((e) => own.has(e.code) && !common.has(e.code));
    const first = codes[0];
    if (first === undefined) continue;
    const owner = owningService(page, codes, keptActions);
    if (owner === undefined) {
      diagnostics.push(diagnose("TCG113", first.position, { codes: codes.length }));
      continue;
    }
    const taken = byService.get(owner) ?? new Map<string, ErrorCode>();
    for (const code of codes) if (!taken.has(code.code)) taken.set(code.code, code);
    byService.set(owner, taken);
  }
  return new Map(
    [...byService].map(([service, codes]) => [
      service,
      [...codes.values()].sort((a, b) => compareCodeUnits(a.code, b.code)),
    ]),
  );
}

function owningService(
  page: ParsedCommonErrorsPage,
  codes: readonly ErrorCode[],
  keptActions: readonly ActionFacts[],
): string | undefined {
  const services = new Set(keptActions.map((a) => a.service));
  if (page.hostService !== undefined && services.has(page.hostService)) return page.hostService;
  const wanted = new Set(codes.map((c) => c.code));
  const counts = new Map<string, Set<string>>();
  for (const action of keptActions) {
    const seen = counts.get(action.service) ?? new Set<string>();
    for (const code of action.errorCodes) if (wanted.has(code)) seen.add(code);
    counts.set(action.service, seen);
  }
  const ranked = [...counts]
    .map(([service, seen]) => [service, seen.size] as const)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a);
  const [best, next] = ranked;
  if (best === undefined || (next !== undefined && next[1] === best[1])) return undefined;
  return best[0];
}

function sortedByFile(pages: readonly ParsedCommonErrorsPage[]): ParsedCommonErrorsPage[] {
  return [...pages].sort((a, b) => compareCodeUnits(a.file, b.file));
}
