/**
 * The declarations of one object type's validator, all printed from its plan (object-plan.ts):
 * the `$rules_X` table the runtime's collectObject walks for issues (its keys are the known-key
 * set, derived from the table at load), the fast `$is_X` check, the `$collect_X` walk, and the
 * exported `validateX` joining them.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import { OBJECT_PROTOTYPE_MEMBERS } from "../naming/runtime-names.js";
import { stringLiteral } from "../typescript/page-text.js";
import type { ObjectPlan, PlannedProperty } from "./object-plan.js";
import { rt, rtType } from "./runtime-helpers.js";
import { structureCheckNames } from "./validator-checks.js";

type Declaration = FunctionDeclarationStructure | VariableStatementStructure;

export function objectValidatorDeclarations(plan: ObjectPlan): Declaration[] {
  const own = structureCheckNames(plan.typeName);
  const properties = plan.properties;
  const table: Declaration[] =
    properties === undefined ? [] : tableDeclarations(plan.typeName, properties);
  return [
    ...table,
    // Inline, not a table walk: seed request, one run: walk 1.6M/s, ajv 13M/s, inline 15M/s.
    {
      kind: StructureKind.Function,
      name: own.is,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "boolean",
      statements:
        properties === undefined
          ? [`return ${rt("isJsonObject")}(value);`]
          : fastCheckStatements(properties),
    },
    {
      kind: StructureKind.Function,
      name: own.collect,
      parameters: [
        { name: "value", type: "unknown" },
        { name: "path", type: rtType("ValidationPath") },
        { name: "issues", type: `${rtType("ValidationIssue")}[]` },
      ],
      returnType: "void",
      statements:
        properties === undefined
          ? [
              `if (!${rt("isJsonObject")}(value)) issues.push(${rt("makeIssue")}(path, ${stringLiteral(own.expected)}, value));`,
            ]
          : [`${rt("collectObject")}(${collectObjectArguments(plan)});`],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [plan.summary],
      declarations: [
        {
          name: plan.validatorName,
          type: `${rtType("Validator")}<${plan.typeName}>`,
          initializer: `/* @__PURE__ */ ${rt("createValidator")}<${plan.typeName}>(${stringLiteral(plan.typeName)}, ${own.is}, ${own.collect})`,
        },
      ],
    },
  ];
}

const rulesName = (typeName: string): string => `$rules_${typeName}`;
const keysName = (typeName: string): string => `$keys_${typeName}`;

/** The property table, and the known keys taken from it (so the keys are written once). */
function tableDeclarations(
  typeName: string,
  properties: readonly PlannedProperty[],
): Declaration[] {
  const rows = properties.map((p) => {
    const cells = [
      stringLiteral(p.key),
      String(p.required),
      String(p.nullable),
      p.check.collect,
      stringLiteral(p.check.expected),
    ];
    return `[${cells.join(", ")}],`;
  });
  return [
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: rulesName(typeName),
          type: `readonly ${rtType("PropertyRule")}[]`,
          initializer: `[\n${rows.join("\n")}\n]`,
        },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: keysName(typeName),
          type: "ReadonlySet<string>",
          initializer: `/* @__PURE__ */ ${rt("ruleKeys")}(${rulesName(typeName)})`,
        },
      ],
    },
  ];
}

/** The runtime's collectObject arguments; its default key owner ("field of X") is left out. */
function collectObjectArguments(plan: ObjectPlan): string {
  const owner = plan.keyOwner === `field of ${plan.typeName}` ? [] : [stringLiteral(plan.keyOwner)];
  const { typeName } = plan;
  return [
    "value",
    "path",
    "issues",
    stringLiteral(typeName),
    keysName(typeName),
    rulesName(typeName),
    ...owner,
  ].join(", ");
}

const OBJECT_TYPE = "{ readonly [key: string]: unknown }";

/** The allocation-free check: a key switch, then each property's inline test. */
function fastCheckStatements(properties: readonly PlannedProperty[]): string[] {
  const statements = [
    `if (typeof value !== "object" || value === null || Array.isArray(value)) return false;`,
    `const object = value as ${OBJECT_TYPE};`,
  ];
  // A key switch costs no allocation, unlike Object.keys.
  const known = properties.map((p) => `case ${stringLiteral(p.key)}:`);
  // Without properties there is no case to break out of: any key is unknown.
  const cases = known.length === 0 ? "" : `${known.join("\n")}\nbreak;\n`;
  statements.push(
    `for (const key in object) {\nswitch (key) {\n${cases}default:\nreturn false;\n}\n}`,
  );
  properties.forEach((property, index) => {
    const v = `field${index}`;
    const read = ownRead(property.key);
    const test = property.check.test(v);
    if (test === undefined) {
      // Any value passes: only presence can be wrong.
      if (property.required) statements.push(`if (${read} === undefined) return false;`);
      return;
    }
    statements.push(`const ${v} = ${read};`);
    const absent = property.required ? `${v} === undefined || ` : `${v} !== undefined && `;
    const wrong = property.nullable ? `(${v} !== null && !(${test}))` : `!(${test})`;
    statements.push(`if (${absent}${wrong}) return false;`);
  });
  statements.push("return true;");
  return statements;
}

/**
 * The property's value as an own property of `object`, else undefined. A value from JSON.parse
 * or an object literal inherits only Object.prototype, so a plain read of any other name is
 * already an own read; a name Object.prototype has (`constructor`, `toString`, `__proto__`...)
 * would read the inherited member when the property is absent, so it is read through
 * Object.hasOwn. Only those names pay for the call (on every property it would make the check
 * about four times slower).
 */
function ownRead(key: string): string {
  const literal = stringLiteral(key);
  return OBJECT_PROTOTYPE_MEMBERS.has(key)
    ? `(Object.hasOwn(object, ${literal}) ? object[${literal}] : undefined)`
    : `object[${literal}]`;
}
