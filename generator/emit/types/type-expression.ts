/** The TypeScript type written for an IR type reference. */
import type { PrimitiveName, TypeRef } from "../../ir/types.js";
import type { VersionNames } from "../naming/plan-names.js";
import { RESPONSE_INTEGER_TYPE } from "../naming/runtime-names.js";

/** A free-form JSON object (and an undocumented structure). */
export const OPEN_OBJECT_TYPE = "{ [key: string]: unknown }";

const PRIMITIVE_TYPES: Readonly<Record<PrimitiveName, string>> = {
  string: "string",
  integer: "number",
  float: "number",
  boolean: "boolean",
  timestamp: "string",
  timestampIso8601: "string",
  date: "string",
  object: OPEN_OBJECT_TYPE,
  stringOrNumber: "string | number",
  binary: "string",
};

/** Where a type is used: only what can arrive in a response may hold unsafe integers. */
export type TypeSide = "request" | "response";

export function typeText(ref: TypeRef, names: VersionNames, side: TypeSide = "request"): string {
  switch (ref.kind) {
    case "primitive":
      return side === "response" && ref.name === "integer"
        ? RESPONSE_INTEGER_TYPE
        : PRIMITIVE_TYPES[ref.name];
    case "struct":
      // The IR lists every reachable structure; a dangling reference still compiles as open.
      return names.structures.get(ref.name)?.type ?? OPEN_OBJECT_TYPE;
    case "array": {
      const element = typeText(ref.element, names, side);
      return /^[A-Za-z0-9_]+(\[\])*$/.test(element) ? `${element}[]` : `Array<${element}>`;
    }
    case "union": {
      // Options are never unions, so none needs parentheses; an array of a union is Array<...>.
      // Distinct options can print alike (Integer and Float are both `number`): each once.
      const texts = ref.options.map((option) => typeText(option, names, side));
      return [...new Set(texts)].join(" | ");
    }
    case "unknown":
      return "unknown";
  }
}

/** The field's type, with `| null` when the docs say it may be null. */
export function fieldTypeText(
  ref: TypeRef,
  nullable: boolean,
  names: VersionNames,
  side: TypeSide = "request",
): string {
  const text = typeText(ref, names, side);
  return nullable ? `${text} | null` : text;
}
