/**
 * Finds the structures each service version needs. A data types page belongs to the service
 * versions of the actions its "Referenced by:" lines name; a page without such lines is matched by
 * structure name only. Structures nobody defines become open structures with a TCG050 warning.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Field, SourcePosition, Structure, TypeRef } from "../ir/types.js";
import type { ParsedDataTypesPage, StructureDraft } from "../parse/parsed-page.js";
import { compare, type ActionGroup } from "./group-actions.js";

export interface StructureIndex {
  /** Candidates for a structure name, best first for the given group. */
  readonly lookup: (group: ActionGroup, name: string) => StructureDraft | undefined;
}

export function indexStructures(
  pages: readonly ParsedDataTypesPage[],
  groups: readonly ActionGroup[],
  diagnostics: Diagnostic[],
): StructureIndex {
  const sorted = [...pages].sort((a, b) => compare(a.file, b.file));
  // Which groups each page belongs to, through the actions its "Referenced by:" lines name.
  const owners = new Map<ParsedDataTypesPage, Set<ActionGroup>>();
  for (const page of sorted) {
    const named = new Set(page.structures.flatMap((s) => s.referencedBy));
    const set = new Set(groups.filter((g) => g.pages.some((p) => named.has(p.action.name))));
    owners.set(page, set);
  }
  const byName = new Map<string, { page: ParsedDataTypesPage; draft: StructureDraft }[]>();
  for (const page of sorted) {
    const seenHere = new Map<string, StructureDraft>();
    for (const draft of page.structures) {
      const earlier = seenHere.get(draft.name);
      if (earlier !== undefined) {
        diagnostics.push(diagnose("TCG052", draft.position, { name: draft.name, kept: page.file }));
        continue;
      }
      seenHere.set(draft.name, draft);
      const list = byName.get(draft.name) ?? [];
      list.push({ page, draft });
      byName.set(draft.name, list);
    }
  }
  return {
    lookup(group, name) {
      const candidates = byName.get(name) ?? [];
      const owned = candidates.find((c) => owners.get(c.page)?.has(group));
      if (owned !== undefined) return owned.draft;
      const unowned = candidates.find((c) => (owners.get(c.page)?.size ?? 0) === 0);
      return (unowned ?? candidates[0])?.draft;
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
    const draft = index.lookup(group, item.name);
    if (draft === undefined) {
      diagnostics.push(diagnose("TCG050", item.position, { name: item.name, usedBy: item.usedBy }));
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
  return [...found.values()].sort((a, b) => compare(a.name, b.name));
}

export function structNames(type: TypeRef): string[] {
  if (type.kind === "struct") return [type.name];
  if (type.kind === "array") return structNames(type.element);
  return [];
}
