/**
 * The decisions that span the whole page tree, made from page facts alone (check/page-facts.ts):
 * which pages each service is built from (its action pages, the data types pages it owns, the
 * error codes it owns), the common error codes, and which data types pages define each structure
 * name. Given this plan, a service is built from its own pages (check/build-service.ts), so an
 * incremental run rebuilds a service only when its plan or one of its pages changed.
 *
 * A service's slice of the plan is part of that service's cache key.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import type { ErrorCode } from "../ir/types.js";
import { compareCodeUnits } from "../code-unit-order.js";
import { settleDuplicates } from "./group-actions.js";
import type { ActionFacts, DataTypesFacts, ErrorCodesFacts, PageFacts } from "./page-facts.js";
import { collectCommonErrors, collectServiceErrors } from "./service-errors.js";
import { structureOwners, type PageOwner } from "./structure-owners.js";

export interface ServicePlan {
  readonly name: string;
  /** Its actions, each once (pages of a duplicated action count once). */
  readonly actions: number;
  /** Its action pages, every version, pages of a duplicated action included; sorted by file. */
  readonly actionPages: readonly string[];
  /** The data types pages it owns, sorted by file. */
  readonly dataTypesPages: readonly { readonly file: string; readonly by: PageOwner["by"] }[];
  /** Its own error codes (from the error codes pages it owns), sorted by code. */
  readonly serviceErrors?: readonly ErrorCode[];
}

export interface TreePlan {
  /** Sorted by name. */
  readonly services: readonly ServicePlan[];
  readonly commonErrors: readonly ErrorCode[];
  /** Structure name -> the data types pages defining it, sorted by file. */
  readonly definedIn: ReadonlyMap<string, readonly string[]>;
  /** TCG113: error codes pages that belong to no service. */
  readonly diagnostics: readonly Diagnostic[];
}

export function planTree(facts: readonly PageFacts[]): TreePlan {
  const sorted = [...facts].sort((a, b) => compareCodeUnits(a.file, b.file));
  const actions = sorted.filter((f): f is ActionFacts => f.kind === "action");
  const dataTypes = sorted.filter((f): f is DataTypesFacts => f.kind === "dataTypes");
  const errorPages = sorted.filter((f): f is ErrorCodesFacts => f.kind === "commonErrors");

  const kept = keptActions(actions);
  const owners = structureOwners(dataTypes, kept);
  const diagnostics: Diagnostic[] = [];
  const commonErrors = collectCommonErrors(errorPages);
  const serviceErrors = collectServiceErrors(errorPages, kept, commonErrors, diagnostics);

  const plans = new Map<
    string,
    { actionPages: string[]; dataTypesPages: ServicePlan["dataTypesPages"][number][] }
  >();
  const planOf = (service: string) => {
    let plan = plans.get(service);
    if (plan === undefined) plans.set(service, (plan = { actionPages: [], dataTypesPages: [] }));
    return plan;
  };
  for (const action of actions) planOf(action.service).actionPages.push(action.file);
  for (const page of dataTypes) {
    const owner = owners.get(page.file);
    if (owner !== undefined)
      planOf(owner.service).dataTypesPages.push({ file: page.file, by: owner.by });
  }
  const actionCounts = new Map<string, number>();
  for (const action of kept)
    actionCounts.set(action.service, (actionCounts.get(action.service) ?? 0) + 1);
  const services = [...plans]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([name, plan]): ServicePlan => {
      const own = serviceErrors.get(name);
      const actions = actionCounts.get(name) ?? 0;
      return { name, actions, ...plan, ...(own === undefined ? {} : { serviceErrors: own }) };
    });

  const definedIn = new Map<string, string[]>();
  for (const page of dataTypes) {
    for (const name of page.structures) {
      const files = definedIn.get(name);
      if (files === undefined) definedIn.set(name, [page.file]);
      else files.push(page.file);
    }
  }
  return { services, commonErrors, definedIn, diagnostics };
}

/** The action pages kept per service, version and action name (TCG051's rule), in that order. */
function keptActions(actions: readonly ActionFacts[]): ActionFacts[] {
  const byGroup = new Map<string, ActionFacts[]>();
  for (const action of actions) {
    const key = `${action.service}\u0000${action.version}`;
    const list = byGroup.get(key) ?? [];
    list.push(action);
    byGroup.set(key, list);
  }
  return [...byGroup.values()].flatMap((list) => [
    ...settleDuplicates(list, { name: (a) => a.action, size: (a) => a.size }).values(),
  ]);
}
