/**
 * Which service a data types page belongs to, decided from page facts (check/page-facts.ts):
 * 1. the service whose actions its "Referenced by:" lines name most often owns it;
 * 2. a page without such lines (or naming no present action) is owned by the service whose
 *    actions use most of the structure names it defines;
 * 3. a tie owns nothing.
 * check/resolve-structures.ts says what a service does with the pages it owns.
 */
import type { ActionFacts, DataTypesFacts } from "./page-facts.js";

export interface PageOwner {
  readonly service: string;
  readonly by: "reference" | "use";
}

/** Per action name and per structure name, the service of each kept action page naming or using it. */
interface ActionUses {
  readonly servicesByAction: ReadonlyMap<string, readonly string[]>;
  /** One entry per action that uses the structure in its input or output. */
  readonly servicesByStructure: ReadonlyMap<string, readonly string[]>;
}

/** Each data types page's owner (undefined on a tie), from the kept action pages of every service. */
export function structureOwners(
  pages: readonly DataTypesFacts[],
  keptActions: readonly ActionFacts[],
): Map<string, PageOwner | undefined> {
  const uses = actionUses(keptActions);
  return new Map(pages.map((page) => [page.file, owningService(page, uses)]));
}

/** Built once: walking every action for every data-types page was quadratic at scale. */
function actionUses(actions: readonly ActionFacts[]): ActionUses {
  const servicesByAction = new Map<string, string[]>();
  const servicesByStructure = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, service: string) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [service]);
    else list.push(service);
  };
  for (const action of actions) {
    push(servicesByAction, action.action, action.service);
    for (const name of action.uses) push(servicesByStructure, name, action.service);
  }
  return { servicesByAction, servicesByStructure };
}

function owningService(page: DataTypesFacts, uses: ActionUses): PageOwner | undefined {
  const byReference = new Map<string, number>();
  const byUse = new Map<string, number>();
  for (const name of page.referencedBy) {
    for (const service of uses.servicesByAction.get(name) ?? []) add(byReference, service, 1);
  }
  for (const name of page.structures) {
    for (const service of uses.servicesByStructure.get(name) ?? []) add(byUse, service, 1);
  }
  const referenced = best(byReference);
  if (referenced !== undefined) return { service: referenced, by: "reference" };
  const used = best(byUse);
  return used === undefined ? undefined : { service: used, by: "use" };
}

function add(counts: Map<string, number>, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** The key with the highest positive count; undefined when none or tied. */
function best(counts: ReadonlyMap<string, number>): string | undefined {
  const ranked = [...counts].filter(([, n]) => n > 0).sort(([, a], [, b]) => b - a);
  const [first, second] = ranked;
  if (first === undefined || (second !== undefined && second[1] === first[1])) return undefined;
  return first[0];
}
