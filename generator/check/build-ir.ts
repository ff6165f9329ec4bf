/**
 * Check phase: parsed pages to the IR. Actions are grouped by service and version, structure links
 * are resolved against data types pages, examples are typed, common error codes are collected,
 * and everything is sorted so the IR is the same bytes on every run.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import {
  IR_VERSION,
  type Action,
  type Ir,
  type Service,
  type ServiceVersion,
  type Structure,
} from "../ir/types.js";
import type {
  ParsedActionPage,
  ParsedCommonErrorsPage,
  ParsedDataTypesPage,
  ParsedPage,
} from "../parse/parsed-page.js";
import { groupActions, type ActionGroup } from "./group-actions.js";
import { compareCodeUnits } from "../code-unit-order.js";
import { indexStructures, reachableStructures, type StructureIndex } from "./resolve-structures.js";
import { typeExample } from "./type-examples.js";
import { keepPagesInGrammar } from "./closed-grammar.js";
import { byOwner, widenFields, type Contradiction } from "./widen-contract.js";
import { withPagination } from "./detect-pagination.js";
import { collectCommonErrors, collectServiceErrors } from "./service-errors.js";

export function buildIr(allPages: readonly ParsedPage[]): { ir: Ir; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pages = keepPagesInGrammar(allPages, diagnostics);
  const actionPages = pages.filter((p): p is ParsedActionPage => p.kind === "action");
  const typePages = pages.filter((p): p is ParsedDataTypesPage => p.kind === "dataTypes");
  const errorPages = pages.filter((p): p is ParsedCommonErrorsPage => p.kind === "commonErrors");

  const groups = groupActions(actionPages, diagnostics);
  const index = indexStructures(typePages, groups, diagnostics);
  const commonErrors = collectCommonErrors(errorPages);
  const serviceErrors = collectServiceErrors(errorPages, groups, commonErrors, diagnostics);
  const services = new Map<string, ServiceVersion[]>();
  for (const group of groups) {
    const list = services.get(group.service) ?? [];
    const version = buildServiceVersion(group, index, diagnostics);
    const own = serviceErrors.get(group.service);
    list.push(own === undefined ? version : { ...version, serviceErrors: own });
    services.set(group.service, list);
  }
  const ir: Ir = {
    irVersion: IR_VERSION,
    services: [...services.entries()]
      .map(([name, versions]): Service => ({
        name,
        versions: versions.sort((a, b) => compareCodeUnits(a.version, b.version)),
      }))
      .sort((a, b) => compareCodeUnits(a.name, b.name)),
    commonErrors,
  };
  return { ir, diagnostics };
}

function buildServiceVersion(
  group: ActionGroup,
  index: StructureIndex,
  diagnostics: Diagnostic[],
): ServiceVersion {
  const documented = reachableStructures(group, index, diagnostics);
  const byName = new Map(documented.map((s) => [s.name, s]));
  // Every example is typed against the documented tables first; then the contract is widened
  // just enough to accept them all (a structure once, for all the actions that share it).
  const structureContradictions: Contradiction[] = [];
  const actions = group.pages.map((page): Action => {
    const { input } = page.action;
    const typed = page.action.examples.map((e) => typeExample(e, input, byName, diagnostics));
    const owned = byOwner(typed.flatMap((t) => t.contradictions));
    structureContradictions.push(...[...owned.structures.values()].flat());
    // Spread first so that the keys keep their order (the IR's JSON stays stable).
    return {
      ...page.action,
      input: widenFields(input, owned.input),
      examples: typed.map((t) => t.example),
    };
  });
  const forStructure = byOwner(structureContradictions).structures;
  const structures = documented.map((s): Structure => ({
    ...s,
    fields: widenFields(s.fields, forStructure.get(s.name) ?? []),
  }));
  const paginated = actions.map((action) => withPagination(action, diagnostics));
  return { version: group.version, host: group.host, actions: paginated, structures };
}
