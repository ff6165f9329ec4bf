/**
 * paginators.ts of a version, for versions with paginated list actions (check/detect-pagination):
 * per action a PagingRule constant, `paginate<Action>(client, request, options?)` over the list's
 * items and `paginate<Action>Pages(...)` over whole responses, both async iterators that send one
 * call per page through the action's own function.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { Action, Pagination } from "../../ir/types.js";
import type { PackageContext } from "../package-context.js";
import { typescriptFile, type PlannedFile, type Statements } from "../planned-file.js";
import type { ActionNames, PaginatorNames } from "../naming/plan-names.js";
import { docs } from "../typescript/jsdoc.js";
import { stringLiteral } from "../typescript/page-text.js";
import type { SeeLine } from "../typescript/provenance.js";
import type { VersionContext } from "../version-context.js";

export function emitPaginators(pkg: PackageContext): PlannedFile[] {
  return pkg.versions
    .filter((context) => context.names.paginators.size > 0)
    .map((context) =>
      typescriptFile(`${context.dir}/paginators.ts`, paginatorsModule(context, pkg.see)),
    );
}

interface Paginated {
  readonly action: Action;
  readonly pagination: Pagination;
  readonly own: ActionNames;
  readonly names: PaginatorNames;
}

function paginatorsModule(context: VersionContext, see: SeeLine): Statements {
  const paginated = context.version.actions.flatMap((action): Paginated[] => {
    const own = context.names.actions.get(action.name);
    const names = context.names.paginators.get(action.name);
    const pagination = action.pagination;
    if (own === undefined || names === undefined || pagination === undefined) return [];
    return [{ action, pagination, own, names }];
  });
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../runtime/client.js",
      isTypeOnly: true,
      namedImports: ["CallOptions", "CoreClient"],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../runtime/paginate.js",
      namedImports: [
        "paginateItems",
        "paginatePages",
        "sendWith",
        { name: "PagingRule", isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./types.js",
      isTypeOnly: true,
      namedImports: paginated.flatMap((p) => [p.own.requestType, p.own.responseType]).sort(),
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./operations.js",
      namedImports: paginated.map((p) => p.own.method).sort(),
    },
    ...paginated.flatMap((p) => paginator(p, see)),
  ];
}

function paginator(
  p: Paginated,
  see: SeeLine,
): [
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
  FunctionDeclarationStructure,
  FunctionDeclarationStructure,
] {
  const { action, pagination: rule, own, names } = p;
  const fields = [
    `style: ${stringLiteral(rule.style)}`,
    `start: ${stringLiteral(rule.start)}`,
    `size: ${stringLiteral(rule.size)}`,
    `numbersAsText: ${rule.numbersAsText}`,
    `total: ${stringLiteral(rule.total)}`,
    `items: ${stringLiteral(rule.items)}`,
  ];
  // A local name for the item type: not exported, and no name this module imports or declares
  // ends in "Item" (request and response types, functions, rules), so it cannot clash.
  const itemType = `${action.name}Item`;
  const send = `sendWith(${own.method}, client, options)`;
  const how =
    `One ${action.name} call per page: ${rule.start} moves on ` +
    (rule.style === "offset" ? "by the items received" : "by one page") +
    `, until ${rule.total} is reached or a page comes back empty. ` +
    `The request's own ${rule.start} and ${rule.size} are where it starts and how much each page asks for.`;
  const parameters = [
    { name: "client", type: "CoreClient" },
    { name: "request", type: own.requestType },
    { name: "options", type: "CallOptions", hasQuestionToken: true },
  ];
  return [
    {
      kind: StructureKind.TypeAlias,
      name: itemType,
      docs: docs(`An item of ${rule.items} in a ${action.name} response.`),
      type: `NonNullable<${own.responseType}[${stringLiteral(rule.items)}]>[number]`,
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(`How ${action.name} pages through ${rule.items}.`, see(action.position)),
      declarations: [
        { name: names.rule, type: "PagingRule", initializer: `{ ${fields.join(", ")} }` },
      ],
    },
    {
      kind: StructureKind.Function,
      name: names.items,
      isExported: true,
      docs: docs(
        `Every item of ${rule.items} across all pages of ${action.name}.`,
        how,
        see(action.position),
      ),
      parameters,
      returnType: `AsyncGenerator<${itemType}, void, undefined>`,
      statements: [
        // The item type is inferred from the return type.
        `return paginateItems(${send}, request, ${names.rule});`,
      ],
    },
    {
      kind: StructureKind.Function,
      name: names.pages,
      isExported: true,
      docs: docs(`Every response page of ${action.name}.`, how, see(action.position)),
      parameters,
      returnType: `AsyncGenerator<${own.responseType}, void, undefined>`,
      statements: [`return paginatePages(${send}, request, ${names.rule});`],
    },
  ];
}
