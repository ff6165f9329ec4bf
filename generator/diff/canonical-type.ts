/**
 * Type text for the API model: one spelling per type a generated package exposes, whatever the
 * page wrote ("Int", "Integer" and "Long" are all `integer`; "Array of String" is `string[]`), so
 * that a changed spelling of the same type is not a change. A field that may be null gets
 * `| null`, as the generated type does.
 */
import type { TypeRef } from "../ir/types.js";

export function canonicalType(type: TypeRef, nullable: boolean): string {
  const text = typeText(type);
  return nullable ? `${text} | null` : text;
}

function typeText(type: TypeRef): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "array": {
      const element = typeText(type.element);
      return `${element}[]`;
    }
    case "struct":
      return type.name;
    case "unknown":
      // The page's own spelling is not used: it is free text (and unknown is emitted as unknown).
      return "unknown";
  }
}

/**
 * Value sets that contain another: every value of the key is also a value of each type listed
 * (an integer is a valid float; a timestamp is a string).
 */
const WIDER: Readonly<Record<string, readonly string[]>> = {
  integer: ["float", "stringOrNumber"],
  float: ["stringOrNumber"],
  string: ["stringOrNumber"],
  timestamp: ["string", "stringOrNumber"],
  timestampIso8601: ["string", "stringOrNumber"],
  date: ["string", "stringOrNumber"],
};

/** True when every value of type `from` is also a value of type `to` (so `to` is wider or equal). */
export function accepts(to: string, from: string): boolean {
  if (to === from) return true;
  const nullable = (t: string): boolean => t.endsWith(" | null");
  const bare = (t: string): string => (nullable(t) ? t.slice(0, -" | null".length) : t);
  if (nullable(from) && !nullable(to)) return false;
  const toBare = bare(to);
  const fromBare = bare(from);
  if (toBare === fromBare) return true;
  if (toBare.endsWith("[]") && fromBare.endsWith("[]")) {
    return accepts(toBare.slice(0, -2), fromBare.slice(0, -2));
  }
  if (toBare === "unknown") return true;
  return WIDER[fromBare]?.includes(toBare) ?? false;
}
