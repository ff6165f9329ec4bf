/**
 * Type text for the API model: one spelling per type a generated package exposes, whatever the
 * page wrote ("Int", "Integer" and "Long" are all `integer`; "Array of String" is `string[]`), so
 * that a changed spelling of the same type is not a change. A field that may be null gets
 * `| null`, as the generated type does; a union (a type widened by the check phase so that the
 * page's example is accepted) lists its options sorted, `(a | b)[]` inside an array.
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
      return element.includes(" | ") ? `(${element})[]` : `${element}[]`;
    }
    case "struct":
      return type.name;
    default: {
      // A union lists its options; anything else (an unknown cell) is emitted as unknown. The
      // page's own spelling is never used: it is free text.
      const options = (type as { readonly options?: readonly TypeRef[] }).options;
      if (options === undefined) return "unknown";
      return [...new Set(options.map(typeText).flatMap(splitUnion))].sort().join(" | ");
    }
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
  const targets = splitUnion(to);
  return splitUnion(from).every((f) => targets.some((t) => acceptsOne(t, f)));
}

function acceptsOne(to: string, from: string): boolean {
  if (to === from || to === "unknown") return true;
  const toElement = arrayElement(to);
  const fromElement = arrayElement(from);
  if (toElement !== undefined && fromElement !== undefined) return accepts(toElement, fromElement);
  return WIDER[from]?.includes(to) ?? false;
}

function arrayElement(type: string): string | undefined {
  if (!type.endsWith("[]")) return undefined;
  const inner = type.slice(0, -2);
  return inner.startsWith("(") && inner.endsWith(")") ? inner.slice(1, -1) : inner;
}

/** The top-level options of a type text: "(a | b)[] | null" -> ["(a | b)[]", "null"]. */
function splitUnion(type: string): string[] {
  const options: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && type.startsWith(" | ", i)) {
      options.push(type.slice(start, i));
      start = i + 3;
    }
  }
  options.push(type.slice(start));
  return options;
}
