/**
 * Placeholder values for required parameters an example leaves out, so that such an example can
 * still be sent (with the gap filled and said so in the test file), and so that error-code tests
 * have a valid request even when no example is one.
 *
 * A structure that requires itself (directly or through others) has no finite valid value, and
 * one that requires several others at every level grows exponentially with the depth: building
 * stops at the first recurrence, below MAX_DEPTH levels and after MAX_STRUCTURES structures, and
 * then gives undefined ("no valid placeholder exists") rather than an invalid or endless value.
 */
import type { Field, JsonValue, Structure, TypeRef } from "../../ir/types.js";
import type { ExampleProblem } from "./check-example.js";

/** Deepest nesting of required structures a placeholder follows. */
export const MAX_DEPTH = 8;
/** Most structure placeholders in one value (the depth alone still allows f^8 of them). */
export const MAX_STRUCTURES = 1_000;

/** How far one placeholder value has gone: structures built so far and those being built. */
interface Budget {
  structures: number;
  readonly path: Set<string>;
}

/** A placeholder of `type`, or undefined when no finite valid value can be built. */
export function placeholderFor(
  type: TypeRef,
  structures: ReadonlyMap<string, Structure>,
  budget: Budget = { structures: 0, path: new Set() },
): JsonValue | undefined {
  switch (type.kind) {
    case "unknown":
      return null;
    case "array":
      return [];
    case "struct": {
      const structure = structures.get(type.name);
      if (structure === undefined || structure.open) return {};
      if (budget.path.size >= MAX_DEPTH || budget.path.has(structure.name)) return undefined;
      if (++budget.structures > MAX_STRUCTURES) return undefined;
      budget.path.add(structure.name);
      const value = requiredOnly(structure.fields, structures, budget);
      budget.path.delete(structure.name);
      return value;
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

/** An object with placeholders for the required fields only; undefined when one cannot be built. */
export function requiredOnly(
  fields: readonly Field[],
  structures: ReadonlyMap<string, Structure>,
  budget: Budget = { structures: 0, path: new Set() },
): { [key: string]: JsonValue } | undefined {
  const value: { [key: string]: JsonValue } = {};
  for (const field of fields) {
    if (!field.required) continue;
    const placeholder = placeholderFor(field.type, structures, budget);
    if (placeholder === undefined) return undefined;
    setOwn(value, field.name, placeholder);
  }
  return value;
}

/** Field names are page text: `__proto__` must become a member, not a new prototype. */
function setOwn(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
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
  // structuredClone keeps own "__proto__" members as members.
  const copy = structuredClone(request) as { [key: string]: JsonValue };
  for (const problem of problems) {
    const segments = problem.path.split(".");
    const last = segments.pop();
    let target: JsonValue = copy;
    for (const segment of segments) {
      const container = target as { [key: string]: JsonValue };
      target = Object.hasOwn(container, segment) ? (container[segment] ?? null) : null;
      if (typeof target !== "object" || target === null) return undefined;
    }
    if (last === undefined || typeof target !== "object" || target === null) return undefined;
    const missing = problem.missing ?? { kind: "unknown", docType: "" };
    const placeholder = placeholderFor(missing, structures);
    if (placeholder === undefined) return undefined;
    setOwn(target as { [key: string]: JsonValue }, last, placeholder);
  }
  return copy;
}
