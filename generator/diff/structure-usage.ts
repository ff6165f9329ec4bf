/**
 * Where each structure of a version is used: reachable from some action's request, from some
 * response, or both. A structure field change breaks callers only on the side they are on (a
 * new required field breaks the code that builds the structure, not the code that reads it).
 */
import type { ApiField, ApiVersion } from "./api-model.js";

export interface StructureUsage {
  readonly inRequest: boolean;
  readonly inResponse: boolean;
}

/** Usage of every structure named in either version (old and new are merged: either side counts). */
export function structureUsage(
  versions: readonly ApiVersion[],
): (structure: string) => StructureUsage {
  const request = new Set<string>();
  const response = new Set<string>();
  for (const version of versions) {
    const fieldsOf = new Map(version.structures.map((s) => [s.name, s.fields]));
    const reach = (fields: readonly ApiField[], seen: Set<string>): void => {
      for (const field of fields) {
        const name = referencedStructure(field.type);
        if (name === undefined || seen.has(name)) continue;
        seen.add(name);
        reach(fieldsOf.get(name) ?? [], seen);
      }
    };
    for (const action of version.actions) {
      reach(action.request, request);
      reach(action.response, response);
    }
  }
  return (structure) => {
    const inRequest = request.has(structure);
    const inResponse = response.has(structure);
    // A structure no action reaches (a data types page compared alone): assume both sides.
    if (!inRequest && !inResponse) return { inRequest: true, inResponse: true };
    return { inRequest, inResponse };
  };
}

/** The structure a canonical type names, if any: `MigrateOption[] | null` -> MigrateOption. */
export function referencedStructure(type: string): string | undefined {
  const bare = type.replace(/ \| null$/, "").replace(/(\[\])+$/, "");
  return /^[A-Z]/.test(bare) ? bare : undefined;
}
