/**
 * The pair of checks a generated validator module needs for each IR type: the name of a fast
 * `(value) => boolean` and of a `(value, path, issues) => void` issue collector. Scalars follow
 * their rule in generator/types/type-rules.ts (an inline test on the hot path, the runtime's
 * helpers, named through runtime-helpers.ts, for issues); structures use the module's own `$is_X` / `$collect_X`; arrays and unions
 * get module-level helpers, created once per distinct element type or set of options.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { TypeRef } from "../../ir/types.js";
import {
  ANYTHING,
  JSON_OBJECT,
  primitiveRule,
  type ScalarRule,
  type TypeSide,
} from "../../types/type-rules.js";
import type { VersionNames } from "../naming/plan-names.js";
import { stringLiteral } from "../typescript/page-text.js";
import { RT, rt, rtType } from "./runtime-helpers.js";

export interface Check {
  readonly is: string;
  /** The check written inline on a variable (a boolean expression), or undefined when anything passes. */
  readonly test: (variable: string) => string | undefined;
  readonly collect: string;
  /** What the type is called in issues: "integer", "object (MigrateOption)". */
  readonly expected: string;
}

/** A scalar's check from its rule (generator/types/type-rules.ts): inline test, runtime helpers. */
function scalarCheck(rule: ScalarRule): Check {
  const inline = rule.inline;
  return {
    is: rt(rule.is),
    collect: rt(rule.collect),
    expected: rule.expected,
    test: inline === undefined ? () => undefined : (v) => inline(v, RT),
  };
}

const ANYTHING_CHECK = scalarCheck(ANYTHING);

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
        return scalarCheck(primitiveRule(ref.name, side));
      case "unknown":
        return ANYTHING_CHECK;
      case "struct": {
        const type = this.#names.structures.get(ref.name)?.type;
        return type === undefined ? scalarCheck(JSON_OBJECT) : structureCheckNames(type);
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
    if (options.some((option) => option.test("value") === undefined)) return ANYTHING_CHECK;
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
            type: rtType("CollectIssues"),
            initializer: `${rt("collectScalar")}(${check.is}, ${stringLiteral(check.expected)})`,
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
        statements: [`return ${rt("isArrayOf")}(value, ${element.is});`],
      },
      {
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [
          {
            name: check.collect,
            type: rtType("CollectIssues"),
            initializer: `${rt("collectArrayOf")}(${element.collect}, ${stringLiteral(check.expected)})`,
          },
        ],
      },
    );
    return check;
  }
}
