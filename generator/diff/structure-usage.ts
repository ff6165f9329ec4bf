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
        for (const name of referencedStructures(field.type)) {
          if (seen.has(name)) continue;
          seen.add(name);
          reach(fieldsOf.get(name) ?? [], seen);
        }
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

/** The structures a canonical type names: `(Widget | string)[] | null` -> [Widget]. */
function referencedStructures(type: string): string[] {
  // Primitive names are lower-case; structure names start with a capital letter.
  return type.match(/\b[A-Z][A-Za-z0-9_]*/g) ?? [];
}
