/**
 * Turns a raw example into an IR example: GET pairs are unflattened (`A.B=1` -> {A: {B: 1}},
 * `A.0=x` -> {A: ["x"]}), and every value is checked against, and coerced to, the documented type.
 *
 * Where the example contradicts the tables (a parameter they lack, a required one it leaves out,
 * a value of another type), the example is kept as written and each contradiction is returned,
 * with a warning saying how the contract is widened (widen-contract.ts applies them), so that the
 * generated SDK accepts the docs' own example. A key that misspells a documented name is the
 * example's typo: it is renamed to the documented name (TCG076). A key outside the name grammar
 * never becomes a field; it stays data (TCG075).
 *
 * Keys are page text. Every object built here gets its members by `Object.defineProperty` and is
 * read through `Object.hasOwn`, so a key `__proto__`, `constructor` or `prototype` is plain data:
 * `&__proto__.polluted=yes` makes an own member named "__proto__", never a write into
 * Object.prototype (and `__proto__` keys are reported, TCG073).
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type {
  Example,
  Field,
  FieldWidening,
  JsonValue,
  SourcePosition,
  Structure,
  TypeRef,
} from "../ir/types.js";
import type { ExampleDraft, QueryPair } from "../parse/parsed-page.js";
import { GRAMMAR } from "./closed-grammar.js";
import { typeOfExampleValue } from "./example-value-type.js";
// A near miss is the validators' "did you mean" rule, so an example typo and a caller's typo
// are judged alike.
import { closestKey } from "../../templates/runtime/validation.js";
import { accepts, PRIMITIVE_RULES } from "../types/type-rules.js";
import type { ContractOwner, Contradiction } from "./widen-contract.js";

type JsonObject = { [key: string]: JsonValue };

interface Context {
  readonly example: string;
  readonly position: SourcePosition;
  readonly structures: ReadonlyMap<string, Structure>;
  readonly style: "get" | "post";
  /** The input could not be read (recorded empty): its missing parameters prove nothing. */
  readonly unread: boolean;
  readonly diagnostics: Diagnostic[];
  readonly contradictions: Contradiction[];
}

/** Most dotted parts a GET example key may have (the JSON depth limit of the parse phase). */
const MAX_KEY_SEGMENTS = 64;

export interface TypedExample {
  readonly example: Example;
  /** Where the example contradicts the tables; `widenFields` applies them. */
  readonly contradictions: readonly Contradiction[];
}

export function typeExample(
  draft: ExampleDraft,
  input: readonly Field[],
  structures: ReadonlyMap<string, Structure>,
  diagnostics: Diagnostic[],
): TypedExample {
  const context: Context = {
    example: draft.title,
    position: draft.position,
    structures,
    style: draft.request.style,
    unread: draft.unread === true,
    diagnostics,
    contradictions: [],
  };
  const raw: { readonly [key: string]: JsonValue } =
    draft.request.style === "get"
      ? unflatten(withinKeyLimit(draft.request.pairs, context))
      : draft.request.body;
  const request = typeObject(raw, input, "", { kind: "input" }, context);
  const example: Example = {
    title: draft.title,
    requestStyle: draft.request.style,
    request,
    ...(draft.action === undefined ? {} : { action: draft.action }),
    response: draft.response,
    responseJson: draft.responseJson,
    position: draft.position,
  };
  return { example, contradictions: context.contradictions };
}

/** `Filters.1000000000.Name` would make an array of a billion holes; indices stay below this. */
const MAX_ARRAY_INDEX = 10_000;

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
function unflatten(pairs: readonly QueryPair[]): JsonObject {
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

/** Where a value sits: the field it belongs to (for widening) and its wire path. */
interface Place {
  readonly owner: ContractOwner;
  readonly field: Field;
  readonly path: string;
}

function typeObject(
  raw: { readonly [key: string]: JsonValue },
  fields: readonly Field[],
  prefix: string,
  owner: ContractOwner,
  context: Context,
): JsonObject {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(withTyposFixed(raw, byName, prefix, context))) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (key === "__proto__") warn(context, "TCG073", { parameter: path });
    const field = byName.get(key);
    if (field === undefined) {
      setOwn(out, key, addedField(key, value, path, owner, context));
      continue;
    }
    setOwn(out, key, typeField(value, { owner, field, path }, context));
  }
  if (!context.unread) {
    for (const field of fields) {
      if (!field.required || Object.hasOwn(out, field.name)) continue;
      const path = prefix === "" ? field.name : `${prefix}.${field.name}`;
      context.diagnostics.push(
        diagnose("TCG077", context.position, { example: context.example, parameter: path }),
      );
      contradict(context, owner, field.name, "required-omitted-by-example", "example omits it");
    }
  }
  return out;
}

/**
 * `raw` with each key that misspells a documented name ("InnstanceIds" for "InstanceIds") sent
 * under the documented name (TCG076): the example's typo, not a new field. When the example also
 * sets the documented name, the two merge if both are objects without a common key
 * ("RealtimeSpeechConf.Status" and "RealtimeSpecchConf.Quality"); otherwise the key is no typo.
 */
function withTyposFixed(
  raw: { readonly [key: string]: JsonValue },
  byName: ReadonlyMap<string, Field>,
  prefix: string,
  context: Context,
): { readonly [key: string]: JsonValue } {
  const fixed: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    const documented =
      byName.has(key) || !isFieldName(key) ? undefined : closestKey(key, byName.keys());
    const taken = documented !== undefined && Object.hasOwn(raw, documented);
    const other = taken ? (getOwn(fixed, documented) ?? raw[documented]) : undefined;
    if (documented === undefined || (taken && !mergeable(other, value))) {
      if (!Object.hasOwn(fixed, key)) setOwn(fixed, key, value);
      continue;
    }
    const path = prefix === "" ? key : `${prefix}.${key}`;
    context.diagnostics.push(
      diagnose("TCG076", context.position, {
        example: context.example,
        parameter: path,
        documented,
      }),
    );
    setOwn(fixed, documented, taken ? merged(other, value) : value);
  }
  return fixed;
}

function isPlainObject(
  value: JsonValue | undefined,
): value is { readonly [key: string]: JsonValue } {
  return (
    value !== null && value !== undefined && typeof value === "object" && !Array.isArray(value)
  );
}

function mergeable(a: JsonValue | undefined, b: JsonValue): boolean {
  return isPlainObject(a) && isPlainObject(b) && Object.keys(b).every((k) => !Object.hasOwn(a, k));
}

function merged(a: JsonValue | undefined, b: JsonValue): JsonObject {
  const out: JsonObject = {};
  for (const part of [a, b]) {
    if (isPlainObject(part)) for (const [k, v] of Object.entries(part)) setOwn(out, k, v);
  }
  return out;
}

/** Names tcgen turns into fields: the closed grammar's, and no JavaScript prototype name. */
function isFieldName(key: string): boolean {
  return GRAMMAR.name.pattern.test(key) && !PROTOTYPE_NAMES.has(key);
}

const PROTOTYPE_NAMES = new Set(["__proto__", "constructor", "prototype"]);

/** A key no table lists: a new optional field typed from the value (TCG042), or data (TCG075). */
function addedField(
  key: string,
  value: JsonValue,
  path: string,
  owner: ContractOwner,
  context: Context,
): JsonValue {
  if (!isFieldName(key)) {
    context.diagnostics.push(
      diagnose("TCG075", context.position, { example: context.example, parameter: path }),
    );
    return value;
  }
  const typed = typeOfExampleValue(value, context.style);
  context.diagnostics.push(
    diagnose("TCG042", context.position, {
      example: context.example,
      parameter: path,
      type: typed.type.docType,
    }),
  );
  contradict(context, owner, key, "added-from-example", `example gives ${typed.type.docType}`, {
    type: typed.type,
    ...(value === null ? { gaveNull: true } : {}),
  });
  return typed.value;
}

/**
 * The field's value typed by the documented type; when it does not fit, the value as the example
 * types it, and the field widened to the union of both (TCG043).
 */
function typeField(value: JsonValue, place: Place, context: Context): JsonValue {
  if (value === null) {
    if (place.field.nullable || place.field.type.kind === "unknown") return value;
    warnWrongType(place, value, "null", context);
    contradict(context, place.owner, place.field.name, "type-from-example", "example gives null", {
      gaveNull: true,
    });
    return value;
  }
  const typed = typeValue(value, place.field.type, place.path, context);
  if (typed.fits) return typed.value;
  const example = typeOfExampleValue(value, context.style);
  warnWrongType(place, value, example.type.docType, context);
  contradict(
    context,
    place.owner,
    place.field.name,
    "type-from-example",
    `example gives ${example.type.docType}`,
    { type: example.type },
  );
  return example.value;
}

/** A value typed against a documented type; `fits` is false when it does not fit at this level. */
interface Typed {
  readonly value: JsonValue;
  readonly fits: boolean;
}

function typeValue(value: JsonValue, type: TypeRef, path: string, context: Context): Typed {
  const fits = (v: JsonValue): Typed => ({ value: v, fits: true });
  const misfit: Typed = { value, fits: false };
  switch (type.kind) {
    case "unknown":
    case "union":
      // A union is made by widening to fit the examples, after their values were typed.
      return fits(value);
    case "array": {
      if (!Array.isArray(value)) return misfit;
      const elements = (value as readonly JsonValue[]).map((v, i) =>
        typeValue(v, type.element, `${path}.${i}`, context),
      );
      return elements.every((e) => e.fits) ? fits(elements.map((e) => e.value)) : misfit;
    }
    case "struct": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return misfit;
      const structure = context.structures.get(type.name);
      if (structure === undefined || structure.open) return fits(value);
      const owner: ContractOwner = { kind: "structure", name: structure.name };
      return fits(typeObject(value as JsonObject, structure.fields, path, owner, context));
    }
    case "primitive": {
      const typed = typePrimitive(value, type, path, context);
      return typed === undefined ? misfit : fits(typed);
    }
  }
}

/** The value as the primitive type, or undefined when it is not one. */
function typePrimitive(
  value: JsonValue,
  type: Extract<TypeRef, { kind: "primitive" }>,
  path: string,
  context: Context,
): JsonValue | undefined {
  // A value the type's rule accepts (generator/types/type-rules.ts, what the generated validator
  // decides) is kept as written; the cases below convert text and report how it was written.
  if (type.name !== "string" && accepts(PRIMITIVE_RULES[type.name], value)) return value;
  switch (type.name) {
    case "integer":
    case "float": {
      if (typeof value === "number")
        return type.name === "float" || Number.isInteger(value) ? value : undefined;
      if (typeof value === "string" && isNumberText(value, type.name)) {
        const number = Number(value);
        if (type.name === "integer" && !Number.isSafeInteger(number)) return undefined;
        if (context.style === "post")
          warn(context, "TCG047", { parameter: path, type: type.docType });
        return number;
      }
      return undefined;
    }
    case "boolean": {
      if (typeof value === "boolean") return value;
      if (typeof value === "string" && /^(true|false)$/i.test(value)) {
        if (context.style === "post")
          warn(context, "TCG047", { parameter: path, type: type.docType });
        return value.toLowerCase() === "true";
      }
      return undefined;
    }
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value)
        ? value
        : undefined;
    case "stringOrNumber":
      return typeof value === "string" || typeof value === "number" ? value : undefined;
    case "string":
      if (typeof value === "string" && isJsonText(value))
        warn(context, "TCG044", { parameter: path });
      return typeof value === "string" ? value : undefined;
    default:
      return typeof value === "string" ? value : undefined;
  }
}

function contradict(
  context: Context,
  owner: ContractOwner,
  field: string,
  kind: FieldWidening["kind"],
  detail: string,
  extra: { type?: TypeRef; gaveNull?: true } = {},
): void {
  context.contradictions.push({
    owner,
    field,
    widening: { kind, example: context.example, detail, position: context.position },
    ...extra,
  });
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

function warnWrongType(
  place: Place,
  value: JsonValue,
  exampleType: string,
  context: Context,
): void {
  const shown = JSON.stringify(value);
  context.diagnostics.push(
    diagnose("TCG043", context.position, {
      example: context.example,
      parameter: place.path,
      type: place.field.type.docType,
      value: shown.length > 60 ? `${shown.slice(0, 57)}...` : shown,
      exampleType,
    }),
  );
}

function warn(
  context: Context,
  code: "TCG044" | "TCG047" | "TCG073",
  args: { parameter: string; type?: string },
): void {
  const base = { example: context.example, parameter: args.parameter };
  switch (code) {
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
  }
}
