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
  const documenters = documentingServices(keptActions);
  const byService = new Map<string, Map<string, ErrorCode>>();
  for (const page of sortedByFile(pages)) {
    const own = new Set(page.serviceCodes);
    const codes = page.errors.filter((e) => own.has(e.code) && !common.has(e.code));
    const first = codes[0];
    if (first === undefined) continue;
    const owner = owningService(page, codes, documenters);
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

/** Every service with actions, and for each error code the services whose actions document it. */
interface Documenters {
  readonly services: ReadonlySet<string>;
  readonly byCode: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Built once: walking every action for every error codes page grew with both. */
function documentingServices(keptActions: readonly ActionFacts[]): Documenters {
  const byCode = new Map<string, Set<string>>();
  for (const action of keptActions) {
    for (const code of action.errorCodes) {
      const services = byCode.get(code);
      if (services === undefined) byCode.set(code, new Set([action.service]));
      else services.add(action.service);
    }
  }
  return { services: new Set(keptActions.map((a) => a.service)), byCode };
}

function owningService(
  page: ParsedCommonErrorsPage,
  codes: readonly ErrorCode[],
  documenters: Documenters,
): string | undefined {
  if (page.hostService !== undefined && documenters.services.has(page.hostService)) {
    return page.hostService;
  }
  // Per service, how many of the page's codes its action pages document.
  const counts = new Map<string, number>();
  for (const code of new Set(codes.map((c) => c.code))) {
    for (const service of documenters.byCode.get(code) ?? []) {
      counts.set(service, (counts.get(service) ?? 0) + 1);
    }
  }
  const ranked = [...counts].sort(([, a], [, b]) => b - a);
  const [best, next] = ranked;
  if (best === undefined || (next !== undefined && next[1] === best[1])) return undefined;
  return best[0];
}

function sortedByFile(pages: readonly ParsedCommonErrorsPage[]): ParsedCommonErrorsPage[] {
  return [...pages].sort((a, b) => compareCodeUnits(a.file, b.file));
}
