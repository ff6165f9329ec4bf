/**
 * client.ts of a version: the descriptors (hosts alone, and hosts with the error registry), the
 * client class with one method per action (each delegating to the action's function) and the
 * documented defaults installed, and the factory of a bare client that has only the features its
 * caller installs (so an app using it with the action functions bundles nothing else).
 */
import {
  Scope,
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type FunctionDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";

import type { PackageContext } from "../package-context.js";
import { typescriptFile, type PlannedFile } from "../planned-file.js";
import type { Statements } from "../planned-file.js";
import { actionNames, type VersionContext } from "../version-context.js";
import { stringLiteral } from "../typescript/page-text.js";
import type { SeeLine } from "../typescript/provenance.js";
import { actionDocs } from "./action-docs.js";
import { docs } from "../typescript/jsdoc.js";

export function emitClient(pkg: PackageContext): PlannedFile[] {
  return pkg.versions.map((context) =>
    typescriptFile(`${context.dir}/client.ts`, clientModule(context, pkg.see)),
  );
}

function clientModule(context: VersionContext, see: SeeLine): Statements {
  const all = context.version.actions.map((action) => actionNames(context, action));
  const statements: Statements = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../runtime/client.js",
      namedImports: [
        "CoreClient",
        "ServiceClient",
        { name: "CallOptions", isTypeOnly: true },
        { name: "ClientFeatures", isTypeOnly: true },
        { name: "ClientOptions", isTypeOnly: true },
        { name: "CoreClientOptions", isTypeOnly: true },
        { name: "CoreDescriptor", isTypeOnly: true },
        { name: "ServiceDescriptor", isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./errors.js",
      namedImports: [context.names.errorRegistry],
    },
  ];
  if (all.length > 0) {
    statements.push(
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "./operations.js",
        namedImports: all.map((n) => n.method).sort(),
      },
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "./types.js",
        isTypeOnly: true,
        namedImports: all.flatMap((n) => [n.requestType, n.responseType]).sort(),
      },
    );
  }
  statements.push(
    coreDescriptor(context),
    descriptor(context),
    clientClass(context, see),
    bareClientFactory(context),
  );
  return statements;
}

function hostFields({ service, version }: VersionContext): string[] {
  // The first action that names a finance host template speaks for the version.
  const finance = version.actions.find(
    (a) => a.finance?.supported === true && a.finance.hostTemplate !== "",
  )?.finance;
  return [
    `service: ${stringLiteral(service.name)}`,
    `version: ${stringLiteral(version.version)}`,
    `host: ${stringLiteral(version.host)}`,
    ...(finance === undefined
      ? []
      : [`financeHostTemplate: ${stringLiteral(finance.hostTemplate)}`]),
  ];
}

// Written out rather than spread from the core descriptor: a literal referring to nothing but
// constants is dropped by bundlers when unused, so the bare route never pulls in the registry.
function coreDescriptor(context: VersionContext): VariableStatementStructure {
  const { service, version, names } = context;
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    docs: [`${service.name} ${version.version}: where requests go (for a bare client).`],
    declarations: [
      {
        name: names.coreDescriptor,
        type: "CoreDescriptor",
        initializer: `{\n${hostFields(context).join(",\n")},\n}`,
      },
    ],
  };
}

function descriptor(context: VersionContext): VariableStatementStructure {
  const { service, version, names } = context;
  const fields = [...hostFields(context), `errors: ${names.errorRegistry}`];
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    docs: [`${service.name} ${version.version}: where requests go and how errors map to classes.`],
    declarations: [
      {
        name: names.descriptor,
        type: "ServiceDescriptor",
        initializer: `{\n${fields.join(",\n")},\n}`,
      },
    ],
  };
}

function clientClass(context: VersionContext, see: SeeLine): ClassDeclarationStructure {
  const { service, version, names } = context;
  return {
    kind: StructureKind.Class,
    name: names.client,
    isExported: true,
    extends: "ServiceClient",
    docs: docs(
      `Client for ${service.name} ${version.version}: validates, signs (TC3-HMAC-SHA256) and sends each call, ` +
        "with the documented defaults: error classes by code, retries, rate limits, default credential chain.",
    ),
    ctors: [
      {
        parameters: [{ name: "options", type: "ClientOptions" }],
        statements: [`super(${names.descriptor}, options);`],
      },
    ],
    methods: version.actions.map((action) => {
      const own = actionNames(context, action);
      return {
        name: own.method,
        scope: Scope.Public,
        docs: actionDocs(context, action, own, see, "method"),
        parameters: [
          { name: "request", type: own.requestType },
          { name: "options", type: "CallOptions", hasQuestionToken: true },
        ],
        returnType: `Promise<${own.responseType}>`,
        statements: [`return ${own.method}(this, request, options);`],
      };
    }),
  };
}

function bareClientFactory({
  service,
  version,
  names,
}: VersionContext): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: names.bareClientFactory,
    isExported: true,
    docs: docs(
      `A bare client for ${service.name} ${version.version}: validates, signs and sends each call ` +
        "(pass it to the action functions), with only the features given: `errors` (error classes " +
        "by code; else every API error is a TencentCloudError), `retry` (e.g. standardRetry(); " +
        "else one attempt), `rateLimiter` (e.g. new RateLimiter(); else no limit), " +
        "`defaultCredentials` (else `credentials` is required).",
    ),
    parameters: [
      { name: "options", type: "CoreClientOptions" },
      { name: "features", type: "ClientFeatures", hasQuestionToken: true },
    ],
    returnType: "CoreClient",
    statements: [`return new CoreClient(${names.coreDescriptor}, options, features);`],
  };
}
