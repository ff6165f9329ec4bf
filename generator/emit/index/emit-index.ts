/**
 * index.ts of a version: the subpath entry point. Re-exports the version's declarations, each by
 * name (version-exports.ts lists them from the planned names), and the
 * runtime names a user needs (errors, clients and the features a bare client can be given,
 * both transports so an app can choose one, validator types). `createNodeTransport` is exported
 * on every platform: a browser build swaps transport-node.js for a file without node:http (see
 * templates/runtime/platform-files.ts).
 */
import { StructureKind, type ExportDeclarationStructure, type OptionalKind } from "ts-morph";
import type { PackageContext } from "../package-context.js";
import { typescriptFile, type PlannedFile } from "../planned-file.js";
import { versionModuleExports, type ModuleExports } from "./version-exports.js";

const RUNTIME_REEXPORTS: readonly OptionalKind<ExportDeclarationStructure>[] = [
  {
    moduleSpecifier: "../runtime/errors.js",
    namedExports: [
      "ConfigurationError",
      "NetworkError",
      "RequestAbortedError",
      "ResponseTooLargeError",
      "TencentCloudError",
      "TimeoutError",
      "TransportError",
      "UnexpectedResponseError",
      "ValidationError",
      "createServiceError",
      { name: "ErrorClass", isTypeOnly: true },
      { name: "ErrorRegistry", isTypeOnly: true },
      { name: "TencentCloudErrorInit", isTypeOnly: true },
    ],
  },
  {
    moduleSpecifier: "../runtime/client.js",
    namedExports: [
      "CoreClient",
      "ServiceClient",
      { name: "CallOptions", isTypeOnly: true },
      { name: "ClientFeatures", isTypeOnly: true },
      { name: "ClientHooks", isTypeOnly: true },
      { name: "ClientOptions", isTypeOnly: true },
      { name: "CoreClientOptions", isTypeOnly: true },
      { name: "CoreDescriptor", isTypeOnly: true },
      { name: "CredentialProvider", isTypeOnly: true },
      { name: "Credentials", isTypeOnly: true },
      { name: "ExtraFields", isTypeOnly: true },
      { name: "Logger", isTypeOnly: true },
      { name: "OperationDescriptor", isTypeOnly: true },
      { name: "RequestOptions", isTypeOnly: true },
      { name: "RequestRateLimiter", isTypeOnly: true },
      { name: "RetryStrategy", isTypeOnly: true },
      { name: "ServiceDescriptor", isTypeOnly: true },
      { name: "Transport", isTypeOnly: true },
      { name: "HttpRequest", isTypeOnly: true },
      { name: "HttpResponse", isTypeOnly: true },
    ],
  },
  // The transports, for `transport: create...Transport()` in the client options.
  { moduleSpecifier: "../runtime/transport-fetch.js", namedExports: ["createFetchTransport"] },
  {
    moduleSpecifier: "../runtime/transport-node.js",
    namedExports: ["createNodeTransport", { name: "NodeTransportOptions", isTypeOnly: true }],
  },
  // The features a bare client (createBare<Service>Client) can be given, one import each.
  {
    moduleSpecifier: "../runtime/retry.js",
    namedExports: ["standardRetry", { name: "RetryOptions", isTypeOnly: true }],
  },
  { moduleSpecifier: "../runtime/rate-limit.js", namedExports: ["RateLimiter"] },
  {
    moduleSpecifier: "../runtime/default-credentials.js",
    namedExports: ["defaultCredentialChain"],
  },
  {
    moduleSpecifier: "../runtime/validation.js",
    isTypeOnly: true,
    namedExports: [
      "StandardSchemaV1",
      "ValidationIssue",
      "ValidationPath",
      "ValidationResult",
      "Validator",
    ],
  },
];

export function emitIndex(pkg: PackageContext): PlannedFile[] {
  return pkg.versions.map(({ dir, names }) =>
    typescriptFile(`${dir}/index.ts`, [
      ...versionModuleExports(names).map(reexport),
      ...RUNTIME_REEXPORTS.map((d) => ({ ...d, kind: StructureKind.ExportDeclaration as const })),
    ]),
  );
}

function reexport({ moduleSpecifier, values, types }: ModuleExports): ExportDeclarationStructure {
  return {
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier,
    // A module of types only (types.ts) is re-exported with `export type { ... }`.
    isTypeOnly: values.length === 0,
    namedExports: values.length === 0 ? [...types] : [...values, ...types.map(typeOnly)],
  };
}

function typeOnly(name: string): { name: string; isTypeOnly: true } {
  return { name, isTypeOnly: true };
}
