/**
 * Turns a raw example into an IR example: GET pairs are unflattened (`A.B=1` -> {A: {B: 1}},
 * `A.0=x` -> {A: ["x"]}), and every value is checked against, and coerced to, the documented type.
 * Contradictions (unknown parameter, wrong type, JSON text in a String) are warnings naming the
 * example; the value is kept as written.
 *
 * Keys are page text. Every object built here gets its members by `Object.defineProperty` and is
 * read through `Object.hasOwn`, so a key `__proto__`, `constructor` or `prototype` is plain data:
 * `&__proto__.polluted=yes` makes an own member named "__proto__", never a write into
 * Object.prototype (and `__proto__` keys are reported, TCG073).
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Example, Field, JsonValue, SourcePosition, Structure, TypeRef } from "../ir/types.js";
import type { ExampleDraft, QueryPair } from "../parse/parsed-page.js";

type JsonObject = { [key: string]: JsonValue };

interface Context {
  readonly example: string;
  readonly position: SourcePosition;
  readonly structures: ReadonlyMap<string, Structure>;
  readonly style: "get" | "post";
  readonly diagnostics: Diagnostic[];
}

/** Most dotted parts a GET example key may have (the JSON depth limit of the parse phase). */
export const MAX_KEY_SEGMENTS = 64;

export function typeExample(
  draft: ExampleDraft,
  input: readonly Field[],
  structures: ReadonlyMap<string, Structure>,
  diagnostics: Diagnostic[],
): Example {
  const context: Context = {
    example: draft.title,
    position: draft.position,
    structures,
    style: draft.request.style,
    diagnostics,
  };
  const raw: { readonly [key: string]: JsonValue } =
    draft.request.style === "get"
      ? unflatten(withinKeyLimit(draft.request.pairs, context))
      : draft.request.body;
  const request = typeObject(raw, input, "", context);
  return {
    title: draft.title,
    requestStyle: draft.request.style,
    request,
    ...(draft.action === undefined ? {} : { action: draft.action }),
    response: draft.response,
    responseJson: draft.responseJson,
    position: draft.position,
  };
}

/** `Filters.1000000000.Name` would make an array of a billion holes; indices stay below this. */
export const MAX_ARRAY_INDEX = 10_000;

/**
 * Pairs whose key nests deeper than any walker should follow, or whose index would allocate a
 * huge array, are dropped with TCG071.
 */
function withinKeyLimit(pairs: readonly QueryPair[], context: Context): QueryPair[] {
  return pairs.filter(({ key }) => {
    const segments = key.split(".");
    const reason =
      segments.length > MAX_KEY_SEGMENTS
        ? `a key of more than ${MAX_KEY_SEGMENTS} dotted parts`
        : segments.some((s) => /^\d+$/.test(s) && Number(s) >= MAX_ARRAY_INDEX)
          ? `a list index of ${MAX_ARRAY_INDEX} or more`
          : undefined;
    if (reason === undefined) return true;
    const shown = key.length > 60 ? `${key.slice(0, 57)}...` : key;
    context.diagnostics.push(
      diagnose("TCG071", context.position, { example: context.example, key: shown, reason }),
    );
    return false;
  });
}

/** Defines `key` as an own, enumerable data member: never a call to an inherited setter. */
function setOwn(target: JsonObject | JsonValue[], key: string | number, value: JsonValue): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The own member `key`, ignoring anything inherited (`constructor`, `__proto__`, ...). */
function getOwn(target: JsonObject | JsonValue[], key: string | number): JsonValue | undefined {
  return Object.hasOwn(target, key) ? (target as { [k: string]: JsonValue })[key] : undefined;
}

/** `A.B.0.C=v` pairs to nested objects and arrays; the first value for a path wins. */
export function unflatten(pairs: readonly QueryPair[]): JsonObject {
  const root: JsonObject = {};
  for (const { key, value } of pairs) {
    const segments = key.split(".");
    let container: JsonObject | JsonValue[] = root;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] ?? "";
      const last = i === segments.length - 1;
      const nextIsIndex = /^\d+$/.test(segments[i + 1] ?? "");
      const slot: string | number =
        Array.isArray(container) && /^\d+$/.test(segment) ? Number(segment) : segment;
      const existing = getOwn(container, slot);
      if (last) {
        if (existing === undefined) setSlot(container, slot, value);
        break;
      }
      if (existing !== undefined && existing !== null && typeof existing === "object") {
        container = existing as JsonObject | JsonValue[];
        continue;
      }
      if (existing !== undefined) break; // a scalar already sits here: keep it
      const child: JsonObject | JsonValue[] = nextIsIndex ? [] : {};
      setSlot(container, slot, child);
      container = child;
    }
  }
  return fillHoles(root) as JsonObject;
}

function setSlot(
  container: JsonObject | JsonValue[],
  slot: string | number,
  value: JsonValue,
): void {
  if (Array.isArray(container)) {
    if (typeof slot === "number") container[slot] = value;
  } else {
    setOwn(container, String(slot), value);
  }
}

/** Sparse indices (`.1` without `.0`) leave holes; JSON has none, so they become null. */
function fillHoles(value: JsonValue): JsonValue {
  if (Array.isArray(value))
    return Array.from(value, (v: JsonValue | undefined) => fillHoles(v ?? null));
  if (value !== null && typeof value === "object") {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, fillHoles(v));
    return out;
  }
  return value;
}

function typeObject(
  raw: { readonly [key: string]: JsonValue },
  fields: readonly Field[],
  prefix: string,
  context: Context,
): JsonObject {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (key === "__proto__") warn(context, "TCG073", { parameter: path });
    const field = byName.get(key);
    if (field === undefined) {
      warn(context, "TCG042", { parameter: path });
      setOwn(out, key, value);
      continue;
    }
    setOwn(out, key, typeValue(value, field.type, path, context));
  }
  return out;
}

function typeValue(value: JsonValue, type: TypeRef, path: string, context: Context): JsonValue {
  switch (type.kind) {
    case "unknown":
      return value;
    case "array":
      if (Array.isArray(value)) {
        return value.map((v, i) => typeValue(v, type.element, `${path}.${i}`, context));
      }
      return wrongType(value, type, path, context);
    case "struct": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return wrongType(value, type, path, context);
      }
      const structure = context.structures.get(type.name);
      if (structure === undefined || structure.open) return value;
      return typeObject(value as JsonObject, structure.fields, path, context);
    }
    case "primitive":
      return typePrimitive(value, type, path, context);
    case "union":
      // A union is made by widening to fit the examples, after their values were typed.
      return value;
  }
}

function typePrimitive(
  value: JsonValue,
  type: Extract<TypeRef, { kind: "primitive" }>,
  path: string,
  context: Context,
): JsonValue {
  switch (type.name) {
    case "integer":
    case "float": {
      if (typeof value === "number") return value;
      if (typeof value === "string" && isNumberText(value, type.name)) {
        const number = Number(value);
        if (type.name === "integer" && !Number.isSafeInteger(number)) return value;
        if (context.style === "post")
          warn(context, "TCG047", { parameter: path, type: type.docType });
        return number;
      }
      return wrongType(value, type, path, context);
    }
    case "boolean": {
      if (typeof value === "boolean") return value;
      if (typeof value === "string" && /^(true|false)$/i.test(value)) {
        if (context.style === "post")
          warn(context, "TCG047", { parameter: path, type: type.docType });
        return value.toLowerCase() === "true";
      }
      return wrongType(value, type, path, context);
    }
    case "object":
    case "stringOrNumber":
      return value;
    case "string":
      if (typeof value === "string" && isJsonText(value))
        warn(context, "TCG044", { parameter: path });
      return typeof value === "string" ? value : wrongType(value, type, path, context);
    default:
      return typeof value === "string" ? value : wrongType(value, type, path, context);
  }
}

function isNumberText(text: string, kind: "integer" | "float"): boolean {
  return kind === "integer"
    ? /^-?\d+$/.test(text)
    : /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text);
}

function isJsonText(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function wrongType(value: JsonValue, type: TypeRef, path: string, context: Context): JsonValue {
  const shown = JSON.stringify(value);
  const args = {
    parameter: path,
    type: type.docType,
    value: shown.length > 60 ? `${shown.slice(0, 57)}...` : shown,
  };
  warn(context, "TCG043", args);
  return value;
}

function warn(
  context: Context,
  code: "TCG042" | "TCG043" | "TCG044" | "TCG047" | "TCG073",
  args: { parameter: string; type?: string; value?: string },
): void {
  const base = { example: context.example, parameter: args.parameter };
  switch (code) {
    case "TCG042":
    case "TCG044":
      context.diagnostics.push(diagnose(code, context.position, base));
      return;
    case "TCG073":
      context.diagnostics.push(
        diagnose(code, context.position, { example: context.example, key: args.parameter }),
      );
      return;
    case "TCG047":
      context.diagnostics.push(
        diagnose(code, context.position, { ...base, type: args.type ?? "" }),
      );
      return;
    case "TCG043":
      context.diagnostics.push(
        diagnose(code, context.position, {
          ...base,
          type: args.type ?? "",
          value: args.value ?? "",
        }),
      );
  }
}
