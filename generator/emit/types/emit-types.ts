/**
 * types.ts of a version: the request and response of every action and every structure, named as
 * the docs name them, with the docs' descriptions as JSDoc, each declaration's `@see` spec line and
 * the ways a field was widened to accept the docs' own examples. `required` and the type follow
 * the IR as the check phase left them (a contradicted type arrives as a union).
 */
import {
  StructureKind,
  type IndexSignatureDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type TypeAliasDeclarationStructure,
} from "ts-morph";
import type { Action, Field, Structure } from "../../ir/types.js";
import type { PackageContext } from "../package-context.js";
import { typescriptFile, type PlannedFile, type Statements } from "../planned-file.js";
import { propertyNameText } from "../naming/identifiers.js";
import type { VersionNames } from "../naming/plan-names.js";
import { structureRenameNote } from "../naming/rename-note.js";
import { OBJECT_INTERFACE_MEMBERS, RESPONSE_INTEGER_TYPE } from "../naming/runtime-names.js";
import { stringLiteral } from "../typescript/page-text.js";
import { docs } from "../typescript/jsdoc.js";
import { fieldTypeText, OPEN_OBJECT_TYPE, type TypeSide } from "./type-expression.js";
import { structuresInResponses } from "./response-side.js";
import { actionFacts } from "../typescript/action-facts.js";
import type { PagePath, SeeLine } from "../typescript/provenance.js";
import { wideningNote } from "./widening-note.js";

/** What every declaration of the file needs besides its IR node. */
interface TypeFile {
  readonly names: VersionNames;
  /** The `@see spec:line` line of a position. */
  readonly see: SeeLine;
  readonly pagePath: PagePath;
}

export function emitTypes(pkg: PackageContext): PlannedFile[] {
  return pkg.versions.map(({ version, names, dir }) => {
    const file: TypeFile = { names, see: pkg.see, pagePath: pkg.pagePath };
    const statements: Statements = [];
    const inResponses = structuresInResponses(version);
    const sideOf = (s: Structure): TypeSide => (inResponses.has(s.name) ? "response" : "request");
    // Always declared, so that code (and the README) can name it whatever the version holds.
    statements.push(responseIntegerAlias());
    for (const action of version.actions) statements.push(...actionTypes(action, file));
    for (const structure of version.structures) {
      statements.push(structureType(structure, file, sideOf(structure)));
    }
    return typescriptFile(`${dir}/types.ts`, statements);
  });
}

function actionTypes(action: Action, file: TypeFile): InterfaceDeclarationStructure[] {
  const own = file.names.actions.get(action.name);
  if (own === undefined) throw new Error(`no names planned for action ${action.name}`);
  return [
    {
      kind: StructureKind.Interface,
      name: own.requestType,
      isExported: true,
      docs: docs(
        `Request of ${action.name}.`,
        action.description,
        actionFacts(action),
        file.see(action.position),
      ),
      properties: action.input.map((field) => property(field, file, "request")),
      indexSignatures: noFields(action.input),
    },
    {
      kind: StructureKind.Interface,
      name: own.responseType,
      isExported: true,
      docs: docs(
        `Response of ${action.name}: the content of \`Response\`.`,
        file.see(action.position),
      ),
      properties: action.output.map((field) => property(field, file, "response")),
      indexSignatures: noFields(action.output),
    },
  ];
}

function structureType(
  structure: Structure,
  file: TypeFile,
  side: TypeSide,
): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const name = file.names.structures.get(structure.name)?.type;
  if (name === undefined) throw new Error(`no names planned for structure ${structure.name}`);
  const renamed = structureRenameNote(structure.name, name);
  if (structure.open) {
    return {
      kind: StructureKind.TypeAlias,
      name,
      isExported: true,
      type: OPEN_OBJECT_TYPE,
      docs: docs(
        structure.description,
        renamed,
        "No data-types page defines this structure, so any JSON object is accepted.",
        file.see(structure.position),
      ),
    };
  }
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: docs(structure.description, renamed, file.see(structure.position)),
    properties: structure.fields.map((field) => property(field, file, side)),
    indexSignatures: noFields(structure.fields),
  };
}

/** A type without fields accepts only `{}`; said with an index signature, not an empty interface. */
function noFields(fields: readonly Field[]): OptionalKind<IndexSignatureDeclarationStructure>[] {
  return fields.length === 0 ? [{ keyName: "key", keyType: "string", returnType: "never" }] : [];
}

function responseIntegerAlias(): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: RESPONSE_INTEGER_TYPE,
    isExported: true,
    type: "number | string",
    docs: docs(
      "An integer in a response: a number, or its exact decimal string when it is beyond " +
        "Number.MAX_SAFE_INTEGER (2^53 - 1), which a number would round. Use `BigInt(value)` " +
        "for exact arithmetic on either form.",
    ),
  };
}

function property(
  field: Field,
  file: TypeFile,
  side: TypeSide,
): OptionalKind<PropertySignatureStructure> {
  const type = fieldTypeText(field.type, field.nullable, file.names, side);
  const inherited = !field.required && OBJECT_INTERFACE_MEMBERS.has(field.name);
  return {
    name: propertyNameText(field.name),
    hasQuestionToken: !field.required,
    // TypeScript checks an object that leaves this field out against the member every object
    // inherits (`Function` for `constructor`): without it no such object would type-check.
    type: inherited ? `${type} | object[${stringLiteral(field.name)}]` : type,
    docs: docs(
      field.description,
      field.nullable && !/null/i.test(field.description) ? "May be null." : undefined,
      prototypeNameNote(field.name, inherited),
      wideningNote(field.widened, file.pagePath),
      file.see(field.position),
    ),
  };
}

/** What a field named like a member of Object.prototype means for the code that sets it. */
function prototypeNameNote(name: string, inherited: boolean): string | undefined {
  if (inherited) {
    return (
      `Every object inherits a \`${name}\`, which TypeScript sees on an object that leaves this ` +
      "field out, so the type admits it; validation reads only an own property, so an inherited " +
      "one counts as absent."
    );
  }
  if (name === "__proto__") {
    return (
      'In an object literal write this field with a computed key, `{ ["__proto__"]: value }`: a ' +
      "plain `__proto__: value` sets the object's prototype instead. JSON.parse makes it an own " +
      "property; validation reads only an own property."
    );
  }
  return undefined;
}
