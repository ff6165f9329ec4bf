/**
 * validators.ts of a version: generated validation code (no library at run time) for every
 * request, response and structure. Each type gets a fast allocation-free `$is_X` and an issue
 * collector `$collect_X`; the exported `validateX` joins them with the runtime's createValidator.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { Field, Ir } from "../../ir/types.js";
import type { GeneratedFile } from "../generated-file.js";
import { printStatements, type Statements } from "../typescript/print-source.js";
import { versionContexts, type VersionContext } from "../version-context.js";
import { structureCheckNames, ValidatorChecks } from "./validator-checks.js";
import { RT, rt, rtType } from "./runtime-helpers.js";
import { structuresInResponses } from "../types/response-side.js";
import type { TypeSide } from "../../types/type-rules.js";
import { OBJECT_PROTOTYPE_MEMBERS } from "../naming/runtime-names.js";
import { stringLiteral } from "../typescript/page-text.js";

/** One object type to validate: a request, a response or a structure. */
interface ObjectSchema {
  readonly typeName: string;
  readonly validatorName: string;
  /** Undefined for an open structure: any JSON object. */
  readonly fields: readonly Field[] | undefined;
  /** What the validator's JSDoc says. */
  readonly summary: string;
  /** What a known key is, for an unknown key's message: "parameter of ModifyMigrateJob". */
  readonly keyOwner: string;
  /** "response" when values of this type can come from a response (integers may be strings). */
  readonly side: TypeSide;
}

export function emitValidators(ir: Ir): GeneratedFile[] {
  return versionContexts(ir).map((context) => ({
    path: `${context.dir}/validators.ts`,
    content: printStatements(validatorModule(context)),
  }));
}

function validatorModule({ version, names }: VersionContext): Statements {
  const schemas: ObjectSchema[] = [];
  for (const action of version.actions) {
    const own = names.actions.get(action.name);
    if (own === undefined) continue;
    schemas.push(
      {
        typeName: own.requestType,
        validatorName: own.requestValidator,
        fields: action.input,
        summary: `Validates a ${action.name} request; unknown keys are issues.`,
        keyOwner: `parameter of ${action.name}`,
        side: "request",
      },
      {
        typeName: own.responseType,
        validatorName: own.responseValidator,
        fields: action.output,
        summary: `Validates the content of a ${action.name} response (for tests; the client does not).`,
        keyOwner: `field of the ${action.name} response`,
        side: "response",
      },
    );
  }
  const inResponses = structuresInResponses(version);
  for (const structure of version.structures) {
    const own = names.structures.get(structure.name);
    if (own === undefined) continue;
    schemas.push({
      typeName: own.type,
      validatorName: own.validator,
      fields: structure.open ? undefined : structure.fields,
      summary: `Validates a ${structure.name} structure.`,
      keyOwner: `field of ${structure.name}`,
      side: inResponses.has(structure.name) ? "response" : "request",
    });
  }

  const checks = new ValidatorChecks(names);
  const body: Statements = [];
  for (const schema of schemas) body.push(...schemaDeclarations(schema, checks));
  const typeNames = [...new Set(schemas.map((s) => s.typeName))].sort();
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../runtime/validation.js",
      namespaceImport: RT,
    },
    ...(typeNames.length === 0
      ? []
      : [
          {
            kind: StructureKind.ImportDeclaration as const,
            moduleSpecifier: "./types.js",
            isTypeOnly: true,
            namedImports: typeNames,
          },
        ]),
    ...checks.declarations,
    ...body,
  ];
}

function schemaDeclarations(
  schema: ObjectSchema,
  checks: ValidatorChecks,
): (FunctionDeclarationStructure | VariableStatementStructure)[] {
  const own = structureCheckNames(schema.typeName);
  const keysName = `$keys_${schema.typeName}`;
  const rulesName = `$rules_${schema.typeName}`;
  const fields = schema.fields;
  const declarations: (FunctionDeclarationStructure | VariableStatementStructure)[] = [];
  if (fields !== undefined) {
    declarations.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: keysName,
          type: "ReadonlySet<string>",
          initializer: `/* @__PURE__ */ new Set([${fields.map((f) => stringLiteral(f.name)).join(", ")}])`,
        },
      ],
    });
    declarations.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: rulesName,
          type: `readonly ${rtType("PropertyRule")}[]`,
          initializer: propertyRules(fields, checks, schema.side),
        },
      ],
    });
  }
  declarations.push(
    {
      kind: StructureKind.Function,
      name: own.is,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "boolean",
      statements:
        fields === undefined
          ? [`return ${rt("isJsonObject")}(value);`]
          : isStatements(fields, checks, schema.side),
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
        fields === undefined
          ? [
              `if (!${rt("isJsonObject")}(value)) issues.push(${rt("makeIssue")}(path, ${stringLiteral(own.expected)}, value));`,
            ]
          : [`${rt("collectObject")}(${collectObjectArguments(schema, keysName, rulesName)});`],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [schema.summary],
      declarations: [
        {
          name: schema.validatorName,
          type: `${rtType("Validator")}<${schema.typeName}>`,
          initializer: `/* @__PURE__ */ ${rt("createValidator")}<${schema.typeName}>(${stringLiteral(schema.typeName)}, ${own.is}, ${own.collect})`,
        },
      ],
    },
  );
  return declarations;
}

/** The runtime's collectObject arguments; its default key owner ("field of X") is left out. */
function collectObjectArguments(schema: ObjectSchema, keys: string, rules: string): string {
  const owner =
    schema.keyOwner === `field of ${schema.typeName}` ? [] : [stringLiteral(schema.keyOwner)];
  return ["value", "path", "issues", stringLiteral(schema.typeName), keys, rules, ...owner].join(
    ", ",
  );
}

const OBJECT_TYPE = "{ readonly [key: string]: unknown }";

function isStatements(fields: readonly Field[], checks: ValidatorChecks, side: TypeSide): string[] {
  const statements = [
    `if (typeof value !== "object" || value === null || Array.isArray(value)) return false;`,
    `const object = value as ${OBJECT_TYPE};`,
  ];
  // A key switch costs no allocation, unlike Object.keys.
  const known = fields.map((f) => `case ${stringLiteral(f.name)}:`);
  // Without fields there is no case to break out of: any key is unknown.
  const cases = known.length === 0 ? "" : `${known.join("\n")}\nbreak;\n`;
  statements.push(
    `for (const key in object) {\nswitch (key) {\n${cases}default:\nreturn false;\n}\n}`,
  );
  fields.forEach((field, index) => {
    const check = checks.checkFor(field.type, side);
    const v = `field${index}`;
    const read = ownRead(field.name);
    const test = check.test(v);
    if (test === undefined) {
      // Any value passes: only presence can be wrong.
      if (field.required) statements.push(`if (${read} === undefined) return false;`);
      return;
    }
    statements.push(`const ${v} = ${read};`);
    const absent = field.required ? `${v} === undefined || ` : `${v} !== undefined && `;
    const wrong = field.nullable ? `(${v} !== null && !(${test}))` : `!(${test})`;
    statements.push(`if (${absent}${wrong}) return false;`);
  });
  statements.push("return true;");
  return statements;
}

/**
 * The field's value as an own property of `object`, else undefined. A value from JSON.parse or
 * an object literal inherits only Object.prototype, so a plain read of any other name is already
 * an own read; a name Object.prototype has (`constructor`, `toString`, `__proto__`...) would read
 * the inherited member when the field is absent, so it is read through Object.hasOwn. Only those
 * names pay for the call (on every field it would make the check about four times slower).
 */
function ownRead(name: string): string {
  const key = stringLiteral(name);
  return OBJECT_PROTOTYPE_MEMBERS.has(name)
    ? `(Object.hasOwn(object, ${key}) ? object[${key}] : undefined)`
    : `object[${key}]`;
}

/** The property table the runtime's collectObject walks. */
function propertyRules(fields: readonly Field[], checks: ValidatorChecks, side: TypeSide): string {
  const rows = fields.map((field) => {
    const check = checks.checkFor(field.type, side);
    const cells = [
      stringLiteral(field.name),
      String(field.required),
      String(field.nullable),
      check.collect,
      stringLiteral(check.expected),
    ];
    return `[${cells.join(", ")}],`;
  });
  return `[\n${rows.join("\n")}\n]`;
}
