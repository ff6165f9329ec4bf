/**
 * Placeholder values for the required parameters, so that error-code tests have a valid request
 * when the page has no example to send (examples themselves are sent as written: the check phase
 * widened the contract to accept them).
 *
 * A structure that requires itself (directly or through others) has no finite valid value, and
 * one that requires several others at every level grows exponentially with the depth: building
 * stops at the first recurrence, below MAX_DEPTH levels and after MAX_STRUCTURES structures, and
 * then gives undefined ("no valid placeholder exists") rather than an invalid or endless value.
 */
import type { Field, JsonValue, Structure, TypeRef } from "../../ir/types.js";

/** Deepest nesting of required structures a placeholder follows. */
const MAX_DEPTH = 8;
/** Most structure placeholders in one value (the depth alone still allows f^8 of them). */
const MAX_STRUCTURES = 1_000;

/** How far one placeholder value has gone: structures built so far and those being built. */
interface Budget {
  structures: number;
  readonly path: Set<string>;
}

/** A placeholder of `type`, or undefined when no finite valid value can be built. */
function placeholderFor(
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
