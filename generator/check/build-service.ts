/**
 * One service's IR from its own pages and the tree plan (check/plan-tree.ts): its actions grouped
 * by version (duplicates settled, TCG051), the structures its actions reach on the data types
 * pages it owns, every example typed and the contract widened to accept it, pagination detected.
 * Nothing here reads another service's pages, which is what lets an incremental run rebuild one
 * service alone.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import type { Action, Service, ServiceVersion, Structure } from "../ir/types.js";
import type { ParsedActionPage, ParsedDataTypesPage, ParsedPage } from "../parse/parsed-page.js";
import { compareCodeUnits } from "../code-unit-order.js";
import { groupActions, type ActionGroup } from "./group-actions.js";
import type { ServicePlan, TreePlan } from "./plan-tree.js";
import {
  reachableStructures,
  serviceStructures,
  type StructureIndex,
} from "./resolve-structures.js";
import { typeExample } from "./type-examples.js";
import { byOwner, widenFields, type Contradiction } from "./widen-contract.js";
import { withPagination } from "./detect-pagination.js";

/** A page of the plan by its file; undefined when the run does not have it (a caller's bug). */
export type PageByFile = (file: string) => ParsedPage | undefined;

export function buildService(
  plan: ServicePlan,
  tree: Pick<TreePlan, "definedIn">,
  pageByFile: PageByFile,
): { service: Service; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const actionPages = plan.actionPages.map((file) => planned(pageByFile, file, "action"));
  const owned = plan.dataTypesPages.map(({ file, by }) => ({
    page: planned(pageByFile, file, "dataTypes"),
    by,
  }));
  const index = serviceStructures(owned, tree.definedIn);
  const versions = groupActions(actionPages, diagnostics).map((group): ServiceVersion => {
    const version = buildServiceVersion(group, index, diagnostics);
    return plan.serviceErrors === undefined
      ? version
      : { ...version, serviceErrors: plan.serviceErrors };
  });
  versions.sort((a, b) => compareCodeUnits(a.version, b.version));
  return { service: { name: plan.name, versions }, diagnostics };
}

function planned(pageByFile: PageByFile, file: string, kind: "action"): ParsedActionPage;
function planned(pageByFile: PageByFile, file: string, kind: "dataTypes"): ParsedDataTypesPage;
function planned(pageByFile: PageByFile, file: string, kind: ParsedPage["kind"]): ParsedPage {
  const page = pageByFile(file);
  if (page?.kind !== kind) {
    throw new Error(`the plan names ${file} as a ${kind} page, but the run has no such page`);
  }
  return page;
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
