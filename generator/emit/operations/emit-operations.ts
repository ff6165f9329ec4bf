/**
 * operations.ts of a version: per action an OperationDescriptor constant and a tree-shakeable
 * function `modifyMigrateJob(client, request, options?)` that sends it through any client (a
 * `DtsClient` or a bare `CoreClient`), documented with the page's example and error classes.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { Action } from "../../ir/types.js";
import type { PackageContext } from "../package-context.js";
import { typescriptFile, type PlannedFile } from "../planned-file.js";
import type { ActionNames } from "../naming/plan-names.js";
import { docs } from "../typescript/jsdoc.js";
import type { Statements } from "../planned-file.js";
import { actionNames, type VersionContext } from "../version-context.js";
import { stringLiteral } from "../typescript/page-text.js";
import type { SeeLine } from "../typescript/provenance.js";
import { actionDocs } from "./action-docs.js";

export function emitOperations(pkg: PackageContext): PlannedFile[] {
  return pkg.versions.map((context) =>
    typescriptFile(`${context.dir}/operations.ts`, operationsModule(context, pkg.see)),
  );
}

function operationsModule(context: VersionContext, see: SeeLine): Statements {
  const actions = context.version.actions;
  const all = actions.map((action) => actionNames(context, action));
  const statements: Statements = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../runtime/client.js",
      isTypeOnly: true,
      namedImports: ["CallOptions", "CoreClient", "OperationDescriptor"],
    },
  ];
  if (all.length > 0) {
    statements.push(
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "./types.js",
        isTypeOnly: true,
        namedImports: all.flatMap((n) => [n.requestType, n.responseType]).sort(),
      },
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "./validators.js",
        namedImports: all.map((n) => n.requestValidator).sort(),
      },
    );
  }
  for (const action of actions) {
    statements.push(...operation(context, action, actionNames(context, action), see));
  }
  return statements;
}

function operation(
  context: VersionContext,
  action: Action,
  own: ActionNames,
  see: SeeLine,
): [VariableStatementStructure, FunctionDeclarationStructure] {
  const fields = [
    `action: ${stringLiteral(action.name)}`,
    `request: ${own.requestValidator}`,
    ...(action.rateLimitPerSecond === undefined
      ? []
      : [`rateLimitPerSecond: ${action.rateLimitPerSecond}`]),
  ];
  return [
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: docs(
        `How to call ${action.name}: its name, request validator and rate limit.`,
        see(action.position),
      ),
      declarations: [
        {
          name: own.operation,
          type: `OperationDescriptor<${own.requestType}, ${own.responseType}>`,
          initializer: `{ ${fields.join(", ")} }`,
        },
      ],
    },
    {
      kind: StructureKind.Function,
      name: own.method,
      isExported: true,
      docs: actionDocs(context, action, own, see, "function"),
      parameters: [
        { name: "client", type: "CoreClient" },
        { name: "request", type: own.requestType },
        { name: "options", type: "CallOptions", hasQuestionToken: true },
      ],
      returnType: `Promise<${own.responseType}>`,
      statements: [`return client.send(${own.operation}, request, options);`],
    },
  ];
}
