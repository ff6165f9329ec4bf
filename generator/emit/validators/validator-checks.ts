/**
 * The pair of checks a generated validator module needs for each IR type: the name of a fast
 * `(value) => boolean` and of a `(value, path, issues) => void` issue collector. Scalars use the
 * runtime's helpers; structures use the module's own `$is_X` / `$collect_X`; arrays and unions
 * get module-level helpers, created once per distinct element type or set of options.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { PrimitiveName, TypeRef } from "../../ir/types.js";
import type { VersionNames } from "../naming/plan-names.js";
import type { TypeSide } from "../types/type-expression.js";
import { stringLiteral } from "../typescript/page-text.js";

/** How the generated module refers to templates/runtime/validation.ts. */
export const RT = "$rt";

interface Check {
  readonly is: string;
  /** The check written inline on a variable (a boolean expression), or undefined when anything passes. */
  readonly test: (variable: string) => string | undefined;
  readonly collect: string;
  /** What the type is called in issues: "integer", "object (MigrateOption)". */
  readonly expected: string;
}

// Inline tests mirror the runtime's is* helpers, so the hot path makes no calls for scalars.
const isString = (v: string) => `typeof ${v} === "string"`;
const isInteger = (v: string) =>
  `(typeof ${v} === "number" ? Number.isInteger(${v}) : typeof ${v} === "bigint")`;
// Response-side integers beyond 2^53 arrive as decimal strings (runtime json.ts).
const isResponseInteger = (v: string) =>
  `(typeof ${v} === "number" ? Number.isInteger(${v}) : typeof ${v} === "bigint" || ${RT}.isIntegerText(${v}))`;
const isNumber = (v: string) => `(typeof ${v} === "number" && Number.isFinite(${v}))`;
const isBoolean = (v: string) => `typeof ${v} === "boolean"`;
const isObject = (v: string) =>
  `(typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`;
const isStringOrNumber = (v: string) =>
  `(typeof ${v} === "string" || (typeof ${v} === "number" && Number.isFinite(${v})))`;

const PRIMITIVE_CHECKS: Readonly<Record<PrimitiveName, Check>> = {
  string: scalar("String", "string", isString),
  integer: scalar("Integer", "integer", isInteger),
  float: scalar("Number", "number", isNumber),
  boolean: scalar("Boolean", "boolean", isBoolean),
  timestamp: scalar("String", "string", isString),
  timestampIso8601: scalar("String", "string", isString),
  date: scalar("String", "string", isString),
  object: scalar("JsonObject", "object", isObject),
  stringOrNumber: scalar("StringOrNumber", "string or number", isStringOrNumber),
  binary: scalar("String", "string", isString),
};

/** An integer that came in a response: a number, or its decimal string (see ResponseInteger). */
const RESPONSE_INTEGER: Check = scalar("ResponseInteger", "integer", isResponseInteger);

const ANYTHING: Check = scalar("Anything", "any value", () => undefined);

function scalar(helper: string, expected: string, test: Check["test"]): Check {
  return { is: `${RT}.is${helper}`, collect: `${RT}.collect${helper}`, expected, test };
}

function called(is: string): Check["test"] {
  return (v) => `${is}(${v})`;
}

/** Internal names of a structure's checks; `$` keeps them apart from generated exports. */
export function structureCheckNames(typeName: string): Check {
  const is = `$is_${typeName}`;
  return {
    is,
    test: called(is),
    collect: `$collect_${typeName}`,
    expected: `object (${typeName})`,
  };
}

export class ValidatorChecks {
  readonly #names: VersionNames;
  readonly #arrays = new Map<string, Check>();
  readonly #unions = new Map<string, Check>();
  /** Array and union helpers in creation order (inner types first). */
  readonly declarations: (FunctionDeclarationStructure | VariableStatementStructure)[] = [];

  constructor(names: VersionNames) {
    this.#names = names;
  }

  checkFor(ref: TypeRef, side: TypeSide = "request"): Check {
    switch (ref.kind) {
      case "primitive":
        return side === "response" && ref.name === "integer"
          ? RESPONSE_INTEGER
          : PRIMITIVE_CHECKS[ref.name];
      case "unknown":
        return ANYTHING;
      case "struct": {
        const type = this.#names.structures.get(ref.name)?.type;
        return type === undefined ? PRIMITIVE_CHECKS.object : structureCheckNames(type);
      }
      case "array":
        return this.#arrayCheck(this.checkFor(ref.element, side));
      case "union":
        return this.#unionCheck(ref.options.map((option) => this.checkFor(option, side)));
    }
  }

  /**
   * A value of any of `options` passes (a field widened to accept the docs' example). The fast
   * test is the options' inline tests joined with `||`; an issue lists the options.
   */
  #unionCheck(options: readonly Check[]): Check {
    if (options.some((option) => option.test("value") === undefined)) return ANYTHING;
    const key = options.map((option) => option.is).join("|");
    const known = this.#unions.get(key);
    if (known !== undefined) return known;
    const n = this.#unions.size + 1;
    const is = `$isUnion_${n}`;
    const check: Check = {
      is,
      test: (v) => `(${options.map((option) => option.test(v)).join(" || ")})`,
      collect: `$collectUnion_${n}`,
      expected: options.map((option) => option.expected).join(" or "),
    };
    this.#unions.set(key, check);
    this.declarations.push(
      {
        kind: StructureKind.Function,
        name: check.is,
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "boolean",
        statements: [`return ${check.test("value")};`],
      },
      {
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [
          {
            name: check.collect,
            type: `${RT}.CollectIssues`,
            initializer: `${RT}.collectScalar(${check.is}, ${stringLiteral(check.expected)})`,
          },
        ],
      },
    );
    return check;
  }

  #arrayCheck(element: Check): Check {
    const known = this.#arrays.get(element.is);
    if (known !== undefined) return known;
    const n = this.#arrays.size + 1;
    const is = `$isArray_${n}`;
    const check: Check = {
      is,
      test: called(is),
      collect: `$collectArray_${n}`,
      // "array of (integer or string)", not "array of integer or string", which reads two ways.
      expected: `array of ${element.is.startsWith("$isUnion_") ? `(${element.expected})` : element.expected}`,
    };
    this.#arrays.set(element.is, check);
    this.declarations.push(
      {
        kind: StructureKind.Function,
        name: check.is,
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "boolean",
        statements: [`return ${RT}.isArrayOf(value, ${element.is});`],
      },
      {
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [
          {
            name: check.collect,
            type: `${RT}.CollectIssues`,
            initializer: `${RT}.collectArrayOf(${element.collect}, ${stringLiteral(check.expected)})`,
          },
        ],
      },
    );
    return check;
  }
}
