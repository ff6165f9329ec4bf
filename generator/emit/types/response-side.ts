/**
 * Which structures of a version can arrive in a response: those reachable from any action's
 * output fields. Their integer fields are typed `ResponseInteger` (number | string), because the
 * runtime returns integers beyond 2^53 as decimal strings rather than rounding them.
 */
import type { Field, ServiceVersion, TypeRef } from "../../ir/types.js";

export function structuresInResponses(version: ServiceVersion): ReadonlySet<string> {
  const byName = new Map(version.structures.map((s) => [s.name, s]));
  const reached = new Set<string>();
  const pending: string[] = [];
  const visit = (ref: TypeRef): void => {
    if (ref.kind === "array") visit(ref.element);
    else if (ref.kind === "union") ref.options.forEach(visit);
    else if (ref.kind === "struct" && !reached.has(ref.name)) {
      reached.add(ref.name);
      pending.push(ref.name);
    }
  };
  const visitFields = (fields: readonly Field[]) => fields.forEach((f) => visit(f.type));
  for (const action of version.actions) visitFields(action.output);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    visitFields(byName.get(name)?.fields ?? []);
  }
  return reached;
}
