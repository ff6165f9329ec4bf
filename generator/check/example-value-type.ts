/**
 * The type an example's value shows, for a field the example contradicts: a parameter the table
 * lacks, or a value of another type than the table's. GET examples carry text only, so there a
 * whole number reads as an Integer and "true"/"false" as a Boolean (and the value is converted,
 * as it is for documented parameters); a JSON body's values keep their JSON types.
 */
import type { JsonValue, PrimitiveName, TypeRef } from "../ir/types.js";

export interface TypedValue {
  readonly type: TypeRef;
  /** The value converted to `type` (GET text to a number or boolean), else as written. */
  readonly value: JsonValue;
}

export function typeOfExampleValue(value: JsonValue, style: "get" | "post"): TypedValue {
  if (value === null) return { type: { kind: "unknown", docType: "null" }, value };
  if (Array.isArray(value)) {
    const elements = (value as readonly JsonValue[]).map((v) => typeOfExampleValue(v, style));
    const options = distinctTypes(elements.map((e) => e.type).filter((t) => t.kind !== "unknown"));
    const element: TypeRef =
      options.length === 0
        ? { kind: "unknown", docType: "" }
        : options.length === 1
          ? (options[0] as TypeRef)
          : union(options);
    return {
      type: { kind: "array", element, docType: `Array of ${element.docType}` },
      value: elements.map((e) => e.value),
    };
  }
  switch (typeof value) {
    case "object":
      return { type: primitive("object"), value };
    case "boolean":
      return { type: primitive("boolean"), value };
    case "number":
      return { type: primitive(Number.isInteger(value) ? "integer" : "float"), value };
    case "string":
      if (style === "get" && /^-?(0|[1-9]\d{0,14})$/.test(value))
        return { type: primitive("integer"), value: Number(value) };
      if (style === "get" && /^(true|false)$/.test(value))
        return { type: primitive("boolean"), value: value === "true" };
      return { type: primitive("string"), value };
  }
}

const DOC_NAMES: Readonly<Record<PrimitiveName, string>> = {
  string: "String",
  integer: "Integer",
  float: "Float",
  boolean: "Boolean",
  timestamp: "Timestamp",
  timestampIso8601: "Timestamp ISO8601",
  date: "Date",
  object: "Object",
  stringOrNumber: "String/Number",
  binary: "Binary",
};

function primitive(name: PrimitiveName): TypeRef {
  return { kind: "primitive", name, docType: DOC_NAMES[name] };
}

/** The union of `types` (flattened, distinct, in the order given); one type stays itself. */
export function union(types: readonly TypeRef[]): TypeRef {
  const options = distinctTypes(types.flatMap((t) => (t.kind === "union" ? t.options : [t])));
  if (options.length === 1) return options[0] as TypeRef;
  return { kind: "union", options, docType: options.map((o) => o.docType).join(" or ") };
}

/** `types` without repeats, judged by shape (docType spelling aside). */
function distinctTypes(types: readonly TypeRef[]): TypeRef[] {
  const seen = new Set<string>();
  return types.filter((t) => {
    const key = shapeKey(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A string equal for two types of the same shape, e.g. "array<struct:Filter>". */
function shapeKey(type: TypeRef): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "array":
      return `array<${shapeKey(type.element)}>`;
    case "struct":
      return `struct:${type.name}`;
    case "union":
      return `union<${type.options.map(shapeKey).join("|")}>`;
    case "unknown":
      return "unknown";
  }
}
