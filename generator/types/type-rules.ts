/**
 * The one definition of each type rule: what value a documented type accepts.
 *
 * A rule is the runtime's own predicate (templates/runtime/validation.ts, copied into every
 * package) named through {@link RuntimeHelper}, so tsc sees the link, plus the two other forms the
 * same rule takes: the inline test generated validators write on their hot path (no call per
 * scalar), and the JSON Schema (2020-12) fragment each package exports in `schemas/`. The check
 * phase and the emitters ask this module; tests hold the three forms to agreement
 * (test/emit/type-rules.test.ts: inline test = runtime predicate; test/differential: generated
 * validator = ajv on the exported schema).
 *
 * Sides: a value of a structure that appears in a response may hold an integer as its exact
 * decimal string (the client's JSON parser keeps integers beyond 2^53 that way, see
 * `ResponseInteger`), so integers there follow {@link RESPONSE_INTEGER}.
 */
import type { JsonValue, PrimitiveName, Structure, TypeRef } from "../ir/types.js";
import * as runtime from "../../templates/runtime/validation.js";

/** A value the runtime's validation module exports; generated code calls these. */
export type RuntimeHelper = keyof typeof runtime;

/** Request side (what callers send) or response side (what the client returns). */
export type TypeSide = "request" | "response";

/** A JSON Schema 2020-12 fragment (plain data, printed as JSON). */
export type JsonSchema = { readonly [keyword: string]: JsonValue };

export interface ScalarRule {
  /** The runtime predicate: the rule itself. */
  readonly is: RuntimeHelper;
  /** The runtime issue collector for the same rule. */
  readonly collect: RuntimeHelper;
  /** What issues call the type: "integer", "string or number". */
  readonly expected: string;
  /**
   * The rule as a boolean expression on the variable `v` (generated code), or undefined when any
   * value passes. May call runtime helpers through `rt` (the module's import name).
   */
  readonly inline: ((v: string, rt: string) => string) | undefined;
  readonly schema: JsonSchema;
}

const STRING: ScalarRule = {
  is: "isString",
  collect: "collectString",
  expected: "string",
  inline: (v) => `typeof ${v} === "string"`,
  schema: { type: "string" },
};

const INTEGER: ScalarRule = {
  is: "isInteger",
  collect: "collectInteger",
  expected: "integer",
  // bigint is accepted from callers (sent as a bare JSON integer); JSON itself has none.
  inline: (v) => `(typeof ${v} === "number" ? Number.isInteger(${v}) : typeof ${v} === "bigint")`,
  schema: { type: "integer" },
};

/** An integer in a response: a number, or its exact decimal string beyond 2^53. */
export const RESPONSE_INTEGER: ScalarRule = {
  is: "isResponseInteger",
  collect: "collectResponseInteger",
  expected: "integer",
  inline: (v, rt) =>
    `(typeof ${v} === "number" ? Number.isInteger(${v}) : typeof ${v} === "bigint" || ${rt}.isIntegerText(${v}))`,
  schema: { anyOf: [{ type: "integer" }, { type: "string", pattern: "^-?[0-9]+$" }] },
};

const NUMBER: ScalarRule = {
  is: "isNumber",
  collect: "collectNumber",
  expected: "number",
  inline: (v) => `(typeof ${v} === "number" && Number.isFinite(${v}))`,
  schema: { type: "number" },
};

const BOOLEAN: ScalarRule = {
  is: "isBoolean",
  collect: "collectBoolean",
  expected: "boolean",
  inline: (v) => `typeof ${v} === "boolean"`,
  schema: { type: "boolean" },
};

/** A free-form JSON object ("Object", "JSON"), and a structure no Data Types page defines. */
export const JSON_OBJECT: ScalarRule = {
  is: "isJsonObject",
  collect: "collectJsonObject",
  expected: "object",
  inline: (v) => `(typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`,
  schema: { type: "object" },
};

const STRING_OR_NUMBER: ScalarRule = {
  is: "isStringOrNumber",
  collect: "collectStringOrNumber",
  expected: "string or number",
  inline: (v) =>
    `(typeof ${v} === "string" || (typeof ${v} === "number" && Number.isFinite(${v})))`,
  schema: { anyOf: [{ type: "string" }, { type: "number" }] },
};

/** A type tcgen could not read: anything passes. */
export const ANYTHING: ScalarRule = {
  is: "isAnything",
  collect: "collectAnything",
  expected: "any value",
  inline: undefined,
  schema: {},
};

/** Dates and times are strings on the wire; the docs' formats are not enforced. */
export const PRIMITIVE_RULES: Readonly<Record<PrimitiveName, ScalarRule>> = {
  string: STRING,
  integer: INTEGER,
  float: NUMBER,
  boolean: BOOLEAN,
  timestamp: STRING,
  timestampIso8601: STRING,
  date: STRING,
  object: JSON_OBJECT,
  stringOrNumber: STRING_OR_NUMBER,
  binary: STRING,
};

export function primitiveRule(name: PrimitiveName, side: TypeSide): ScalarRule {
  return side === "response" && name === "integer" ? RESPONSE_INTEGER : PRIMITIVE_RULES[name];
}

/** The runtime predicate of a scalar rule, as a function. */
export function accepts(rule: ScalarRule, value: unknown): boolean {
  return (runtime[rule.is] as (v: unknown) => boolean)(value);
}

/** A problem with a value against a type, at a dotted wire path ("Filters.0.Name"). */
export interface TypeProblem {
  readonly path: string;
  readonly kind: "missing" | "unknown-key" | "wrong-type";
}

/**
 * Whether `value` conforms to `type` (request side), every problem with its path: what a
 * generated request validator decides, in the generator (for the check phase's examples).
 */
export function typeProblems(
  type: TypeRef,
  value: JsonValue,
  structures: ReadonlyMap<string, Structure>,
  path = "",
): TypeProblem[] {
  const problems: TypeProblem[] = [];
  walk(type, value, path, structures, problems);
  return problems;
}

/** The problems of an object against fields (a request's input, a structure's fields). */
export function fieldProblems(
  fields: Structure["fields"],
  value: { readonly [key: string]: JsonValue },
  structures: ReadonlyMap<string, Structure>,
  prefix = "",
): TypeProblem[] {
  const problems: TypeProblem[] = [];
  walkFields(fields, value, prefix, structures, problems);
  return problems;
}

function walk(
  type: TypeRef,
  value: JsonValue,
  path: string,
  structures: ReadonlyMap<string, Structure>,
  problems: TypeProblem[],
): void {
  const wrong = (): void => void problems.push({ path, kind: "wrong-type" });
  switch (type.kind) {
    case "unknown":
      return;
    case "primitive":
      if (!accepts(PRIMITIVE_RULES[type.name], value)) wrong();
      return;
    case "array":
      if (!Array.isArray(value)) return wrong();
      (value as readonly JsonValue[]).forEach((element, i) =>
        walk(type.element, element, `${path}.${i}`, structures, problems),
      );
      return;
    case "struct": {
      if (!accepts(JSON_OBJECT, value)) return wrong();
      const structure = structures.get(type.name);
      if (structure === undefined || structure.open) return;
      const object = value as { readonly [key: string]: JsonValue };
      walkFields(structure.fields, object, `${path}.`, structures, problems);
      return;
    }
    case "union": {
      const fits = type.options.some(
        (option) => typeProblems(option, value, structures, path).length === 0,
      );
      if (!fits) wrong();
      return;
    }
  }
}

function walkFields(
  fields: Structure["fields"],
  value: { readonly [key: string]: JsonValue },
  prefix: string,
  structures: ReadonlyMap<string, Structure>,
  problems: TypeProblem[],
): void {
  const known = new Map(fields.map((f) => [f.name, f]));
  for (const field of fields) {
    if (field.required && !Object.hasOwn(value, field.name)) {
      problems.push({ path: prefix + field.name, kind: "missing" });
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const field = known.get(key);
    if (field === undefined) problems.push({ path: prefix + key, kind: "unknown-key" });
    else if (!(item === null && field.nullable)) {
      walk(field.type, item, prefix + key, structures, problems);
    }
  }
}
