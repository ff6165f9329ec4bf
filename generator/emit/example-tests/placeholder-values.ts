/**
 * Placeholder values for required parameters an example leaves out, so that such an example can
 * still be sent (with the gap filled and said so in the test file), and so that error-code tests
 * have a valid request even when no example is one.
 */
import type { Field, JsonValue, Structure, TypeRef } from "../../ir/types.js";
import type { ExampleProblem } from "./check-example.js";

// Required structures can nest; past this depth a structure is left empty.
const MAX_DEPTH = 8;

export function placeholderFor(
  type: TypeRef,
  structures: ReadonlyMap<string, Structure>,
  depth = 0,
): JsonValue {
  switch (type.kind) {
    case "unknown":
      return null;
    case "array":
      return [];
    case "struct": {
      const structure = structures.get(type.name);
      if (structure === undefined || structure.open || depth >= MAX_DEPTH) return {};
      return requiredOnly(structure.fields, structures, depth + 1);
    }
    case "primitive":
      switch (type.name) {
        case "integer":
        case "float":
          return 0;
        case "boolean":
          return false;
        case "object":
          return {};
        case "timestamp":
          return "2026-01-01 00:00:00";
        case "timestampIso8601":
          return "2026-01-01T00:00:00Z";
        case "date":
          return "2026-01-01";
        default:
          return "placeholder";
      }
  }
}

/** An object with placeholders for the required fields only. */
export function requiredOnly(
  fields: readonly Field[],
  structures: ReadonlyMap<string, Structure>,
  depth = 0,
): { [key: string]: JsonValue } {
  const value: { [key: string]: JsonValue } = {};
  for (const field of fields) {
    if (field.required) value[field.name] = placeholderFor(field.type, structures, depth);
  }
  return value;
}

/**
 * The request with a placeholder at every missing required path, or undefined when any problem
 * is of another kind (a wrong type or an unknown parameter cannot be repaired honestly).
 */
export function fillMissing(
  request: { readonly [key: string]: JsonValue },
  problems: readonly ExampleProblem[],
  structures: ReadonlyMap<string, Structure>,
): { [key: string]: JsonValue } | undefined {
  if (problems.some((p) => p.missing === undefined)) return undefined;
  const copy = structuredClone(request) as { [key: string]: JsonValue };
  for (const problem of problems) {
    const segments = problem.path.split(".");
    const last = segments.pop();
    let target: JsonValue = copy;
    for (const segment of segments) {
      target = (target as { [key: string]: JsonValue })[segment] ?? null;
    }
    if (last === undefined || typeof target !== "object" || target === null) return undefined;
    (target as { [key: string]: JsonValue })[last] = placeholderFor(
      problem.missing ?? { kind: "unknown", docType: "" },
      structures,
    );
  }
  return copy;
}
