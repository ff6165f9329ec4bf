/**
 * Finds the structures each service version needs.
 *
 * A data types page belongs to exactly one service, or to none on a tie (check/structure-owners.ts
 * says which), and a service takes structures only from its own pages. Among them, a page owned
 * through its Referenced by lines wins, then the first file name. Structures are never lent across
 * services: two products' "Filter" or "Placement" need not agree, and a wrong shape makes
 * validators refuse valid requests. A structure only another service's page defines becomes an
 * open structure (TCG054, whose message names the page that was not borrowed from), like one
 * nobody defines.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Field, SourcePosition, Structure } from "../ir/types.js";
import type { ParsedDataTypesPage, StructureDraft } from "../parse/parsed-page.js";
import { structNames } from "./page-facts.js";
import type { PageOwner } from "./structure-owners.js";
import type { ActionGroup } from "./group-actions.js";
import { compareCodeUnits } from "../code-unit-order.js";

type StructureLookup =
  | { readonly found: StructureDraft }
  /** Defined only on pages of other services (their files), or nowhere. */
  | { readonly found?: undefined; readonly elsewhere: readonly string[] };

export interface StructureIndex {
  readonly lookup: (name: string) => StructureLookup;
}

/**
 * The structures one service can take: those of the data types pages it owns (first definition
 * on a page wins; TCG052 reports the others), and, for a name none of them defines, the other
 * pages that do (`definedIn`: every data types page of the tree by structure name).
 */
export function serviceStructures(
  owned: readonly { readonly page: ParsedDataTypesPage; readonly by: PageOwner["by"] }[],
  definedIn: ReadonlyMap<string, readonly string[]>,
): StructureIndex {
  const sorted = [...owned].sort((a, b) => compareCodeUnits(a.page.file, b.page.file));
  const byName = new Map<string, { draft: StructureDraft; by: PageOwner["by"] }[]>();
  for (const { page, by } of sorted) {
    const seenHere = new Set<string>();
    for (const draft of page.structures) {
      if (seenHere.has(draft.name)) continue;
      seenHere.add(draft.name);
      const list = byName.get(draft.name) ?? [];
      list.push({ draft, by });
      byName.set(draft.name, list);
    }
  }
  return {
    lookup(name) {
      const candidates = byName.get(name) ?? [];
      // Within the service, a page owned through its Referenced by lines beats one owned by use.
      const own = candidates.find((c) => c.by === "reference") ?? candidates[0];
      if (own !== undefined) return { found: own.draft };
      return { elsewhere: definedIn.get(name) ?? [] };
    },
  };
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
    const lookup = index.lookup(item.name);
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
