/**
 * Finds the structures each service version needs.
 *
 * Rule: a data types page documents one product, so it belongs to exactly one service (all its
 * versions), and a service takes structures only from its own pages:
 * 1. the service whose actions its "Referenced by:" lines name most often owns it;
 * 2. a page without such lines (or naming no present action) is owned by the service whose
 *    actions use most of the structure names it defines;
 * 3. a tie owns nothing. Among a service's own pages, one owned through Referenced by lines wins,
 *    then the first file name. Structures are never lent across services: two products' "Filter" or
 *    "Placement" need not agree, and a wrong shape makes validators refuse valid requests. A
 *    structure only another service's page defines becomes an open structure (TCG054, whose
 *    message names the page that was not borrowed from), like one nobody defines.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Field, SourcePosition, Structure, TypeRef } from "../ir/types.js";
import type { ParsedDataTypesPage, StructureDraft } from "../parse/parsed-page.js";
import type { ActionGroup } from "./group-actions.js";
import { compareCodeUnits } from "../code-unit-order.js";

type StructureLookup =
  | { readonly found: StructureDraft }
  /** Defined only on pages of other services (their files), or nowhere. */
  | { readonly found?: undefined; readonly elsewhere: readonly string[] };

export interface StructureIndex {
  readonly lookup: (group: ActionGroup, name: string) => StructureLookup;
}

export function indexStructures(
  pages: readonly ParsedDataTypesPage[],
  groups: readonly ActionGroup[],
  diagnostics: Diagnostic[],
): StructureIndex {
  const sorted = [...pages].sort((a, b) => compareCodeUnits(a.file, b.file));
  const uses = actionUses(groups);
  const owner = new Map(sorted.map((page) => [page, owningService(page, uses)]));
  const byName = new Map<string, { page: ParsedDataTypesPage; draft: StructureDraft }[]>();
  for (const page of sorted) {
    const seenHere = new Set<string>();
    for (const draft of page.structures) {
      if (seenHere.has(draft.name)) {
        diagnostics.push(diagnose("TCG052", draft.position, { name: draft.name, kept: page.file }));
        continue;
      }
      seenHere.add(draft.name);
      const list = byName.get(draft.name) ?? [];
      list.push({ page, draft });
      byName.set(draft.name, list);
    }
  }
  return {
    lookup(group, name) {
      const candidates = byName.get(name) ?? [];
      const owned = candidates.filter((c) => owner.get(c.page)?.service === group.service);
      // Within the service, a page owned through its Referenced by lines beats one owned by use.
      const own = owned.find((c) => owner.get(c.page)?.by === "reference") ?? owned[0];
      if (own !== undefined) return { found: own.draft };
      return { elsewhere: candidates.map((c) => c.page.file) };
    },
  };
}

/** The one service a data types page belongs to (see the rule above), or undefined on a tie. */
/** Per action name and per structure name, the service of each action page naming or using it. */
interface ActionUses {
  readonly servicesByAction: ReadonlyMap<string, readonly string[]>;
  /** One entry per action that uses the structure in its input or output. */
  readonly servicesByStructure: ReadonlyMap<string, readonly string[]>;
}

/** Built once: walking every action for every data-types page was quadratic at scale. */
function actionUses(groups: readonly ActionGroup[]): ActionUses {
  const servicesByAction = new Map<string, string[]>();
  const servicesByStructure = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, service: string) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [service]);
    else list.push(service);
  };
  for (const group of groups) {
    for (const { action } of group.pages) {
      push(servicesByAction, action.name, group.service);
      const used = new Set([...action.input, ...action.output].flatMap((f) => structNames(f.type)));
      for (const name of used) push(servicesByStructure, name, group.service);
    }
  }
  return { servicesByAction, servicesByStructure };
}

/**
 * The service a data-types page belongs to: the one whose actions its Referenced by lines name
 * most, else the one whose actions use most of its structures (a tie: none).
 */
function owningService(
  page: ParsedDataTypesPage,
  uses: ActionUses,
): { service: string; by: "reference" | "use" } | undefined {
  const byReference = new Map<string, number>();
  const byUse = new Map<string, number>();
  for (const name of new Set(page.structures.flatMap((s) => s.referencedBy))) {
    for (const service of uses.servicesByAction.get(name) ?? []) add(byReference, service, 1);
  }
  for (const name of new Set(page.structures.map((s) => s.name))) {
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

/** Every structure reachable from the group's actions, sorted by name. */
export function reachableStructures(
  group: ActionGroup,
  index: StructureIndex,
  diagnostics: Diagnostic[],
): Structure[] {
  const found = new Map<string, Structure>();
  const queue: { name: string; usedBy: string; position: SourcePosition }[] = [];
  const enqueueFields = (fields: readonly Field[], owner: string): void => {
    for (const field of fields) {
      for (const name of structNames(field.type)) {
        queue.push({ name, usedBy: `${owner}.${field.name}`, position: field.position });
      }
    }
  };
  for (const page of group.pages) {
    enqueueFields(page.action.input, page.action.name);
    enqueueFields(page.action.output, page.action.name);
  }
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    if (found.has(item.name)) continue;
    const lookup = index.lookup(group, item.name);
    const draft = lookup.found;
    if (draft === undefined) {
      const elsewhere = lookup.elsewhere ?? [];
      diagnostics.push(
        elsewhere.length === 0
          ? diagnose("TCG050", item.position, { name: item.name, usedBy: item.usedBy })
          : diagnose("TCG054", item.position, {
              name: item.name,
              usedBy: item.usedBy,
              service: group.service,
              pages: elsewhere.join(", "),
            }),
      );
      found.set(item.name, {
        name: item.name,
        description: "",
        fields: [],
        open: true,
        position: item.position,
      });
      continue;
    }
    found.set(item.name, {
      name: draft.name,
      description: draft.description,
      fields: draft.fields,
      open: false,
      position: draft.position,
    });
    enqueueFields(draft.fields, draft.name);
  }
  const sorted = [...found.values()].sort((a, b) => compareCodeUnits(a.name, b.name));
  reportRequiredCycles(sorted, diagnostics);
  return sorted;
}

/**
 * A structure that requires itself (a required field of its own type, directly or through other
 * structures' required fields) is fine as a TypeScript type, but no finite value has it: a request
 * that needs one can never pass the validator. Reported once per structure that closes a cycle
 * (TCG074). The walk
 * keeps its own stack, so a chain of thousands of structures cannot overflow the call stack.
 */
function reportRequiredCycles(structures: readonly Structure[], diagnostics: Diagnostic[]): void {
  const byName = new Map(structures.map((s) => [s.name, s]));
  const requiredEdges = (structure: Structure): Field[] =>
    structure.fields.filter((f) => f.required && f.type.kind === "struct");
  const done = new Set<string>();
  const reported = new Set<string>();
  for (const start of structures) {
    if (done.has(start.name)) continue;
    const stack: { structure: Structure; edges: Field[]; next: number }[] = [];
    const onStack = new Set<string>();
    const push = (structure: Structure): void => {
      stack.push({ structure, edges: requiredEdges(structure), next: 0 });
      onStack.add(structure.name);
    };
    push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const field = top.edges[top.next++];
      if (field === undefined) {
        stack.pop();
        onStack.delete(top.structure.name);
        done.add(top.structure.name);
        continue;
      }
      const target = field.type.kind === "struct" ? byName.get(field.type.name) : undefined;
      if (target === undefined || target.open || done.has(target.name)) continue;
      if (onStack.has(target.name)) {
        if (reported.has(target.name)) continue;
        reported.add(target.name);
        const from = stack.findIndex((frame) => frame.structure.name === target.name);
        const path = stack
          .slice(from)
          .map((frame) => `${frame.structure.name}.${frame.edges[frame.next - 1]?.name ?? ""}`);
        diagnostics.push(
          diagnose("TCG074", field.position, {
            name: target.name,
            cycle: [...path, target.name].join(" -> "),
          }),
        );
        continue;
      }
      push(target);
    }
  }
}

function structNames(type: TypeRef): string[] {
  if (type.kind === "struct") return [type.name];
  if (type.kind === "array") return structNames(type.element);
  return [];
}
