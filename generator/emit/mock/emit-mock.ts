/**
 * Emits each package's mock server: the static mock code from templates/mock/ copied verbatim to
 * `<service>/src/mock/`, and a generated `<service>/src/mock/index.ts` (the `@tcgen/<service>/mock`
 * entry point) that describes the service's versions to it: hosts, actions with their generated
 * request validators, examples and documented error codes.
 */
import { StructureKind } from "ts-morph";
import type { Action, ErrorCode, ServiceVersion } from "../../ir/types.js";
import { toCamelCase as lowerCamel, toPascalCase as pascalCase } from "../naming/identifiers.js";
import type { PackageContext } from "../package-context.js";
import {
  BLANK_LINE,
  templateCopy,
  typescriptFile,
  type PlannedFile,
  type Statements,
} from "../planned-file.js";
import type { VersionContext } from "../version-context.js";
import { jsonValueCode } from "../typescript/json-code.js";
import { commentLine, stringLiteral } from "../typescript/page-text.js";

export function emitMock(pkg: PackageContext): PlannedFile[] {
  return [
    ...pkg.templates
      .sources("mock")
      .map(({ name, content }) => templateCopy(`${pkg.folder}/src/mock/${name}`, content)),
    typescriptFile(`${pkg.folder}/src/mock/index.ts`, mockEntryPoint(pkg)),
  ];
}

function mockEntryPoint({ service, versions, commonErrors }: PackageContext): Statements {
  // Each version's operations are imported under a version-qualified alias: names can repeat across versions.
  const imports = versions.map(({ version: v, names }) => ({
    kind: StructureKind.ImportDeclaration as const,
    moduleSpecifier: `../${names.folder}/operations.js`,
    namedImports: v.actions.map((a) => ({
      name: names.actions.get(a.name)?.operation ?? "",
      alias: operationAlias(names.folder, a),
    })),
  }));
  const descriptions = versions.map((context) => describeVersion(context, commonErrors));
  const table = `${lowerCamel(service.name)}MockDescriptions`;
  const entries = versions
    .map((c) => `  ${stringLiteral(c.version.version)}: ${c.names.testing.mockDescription},`)
    .join("\n");
  const versionUnion = versions.map((c) => stringLiteral(c.version.version)).join(" | ") || "never";
  const latest = service.versions[service.versions.length - 1]?.version ?? "";
  const prefix = pascalCase(service.name);
  const start = versions[0]?.names.testing.mockStart ?? "";
  return [
    `/** ${commentLine(`Mock ${service.name} server: \`${start}()\` serves the documented examples and errors.`)} */`,
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./mock-api.js",
      namedImports: [
        "startVersionedMock",
        ...["MockDescriptions", "MockServer", "MockServiceDescription", "VersionedMockOptions"].map(
          (name) => ({ name, isTypeOnly: true }),
        ),
      ],
    },
    ...imports,
    BLANK_LINE,
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./mock-api.js" },
    BLANK_LINE,
    ...descriptions.flatMap((description) => [description, BLANK_LINE]),
    `/** ${commentLine(`The API versions of ${service.name} the mock can serve.`)} */`,
    `export type ${prefix}MockVersion = ${versionUnion};`,
    BLANK_LINE,
    [
      `/** ${commentLine(`Every version of ${service.name} the mock can serve.`)} */`,
      `export const ${table}: MockDescriptions<${prefix}MockVersion> = {\n${entries}\n};`,
    ].join("\n"),
    BLANK_LINE,
    [
      `/** ${commentLine(`Starts a mock ${service.name} server on 127.0.0.1 (version ${latest} unless told otherwise).`)} */`,
      `export function ${start}(options?: VersionedMockOptions<${prefix}MockVersion>): Promise<MockServer> {`,
      `  return startVersionedMock(${table}, ${stringLiteral(latest)}, options);`,
      `}`,
    ].join("\n"),
  ];
}

function describeVersion(
  { service, version, names }: VersionContext,
  commonErrors: readonly ErrorCode[],
): string {
  const actions = version.actions.map((action) => describeAction(names.folder, action)).join(",\n");
  return [
    `/** ${commentLine(`${service.name} ${version.version} as the mock serves it.`)} */`,
    `export const ${names.testing.mockDescription}: MockServiceDescription = {`,
    `  service: ${stringLiteral(service.name)},`,
    `  version: ${stringLiteral(version.version)},`,
    `  host: ${stringLiteral(version.host)},`,
    `  extraHosts: [${financeHosts(version).map(stringLiteral).join(", ")}],`,
    `  actions: [\n${actions}\n  ],`,
    // The service's own codes answer like common ones: any action of the service may return them.
    `  commonErrors: ${errorCodesCode([...(version.serviceErrors ?? []), ...commonErrors])},`,
    `};`,
  ].join("\n");
}

function errorCodesCode(errors: readonly ErrorCode[]): string {
  const items = errors.map(
    (e) => `{ code: ${stringLiteral(e.code)}, description: ${stringLiteral(e.description)} }`,
  );
  return `[${items.join(", ")}]`;
}

/** e.g. "v20180330_modifyMigrateJob" */
function operationAlias(folder: string, action: Action): string {
  return `${folder}_${lowerCamel(action.name)}`;
}

/**
 * Example outputs go to the mock as the page's JSON text (`responseJson`), which it answers
 * byte for byte: a parsed value would round big integers, turn `1e400` into null and, written as
 * an object literal, lose its `"__proto__"` keys.
 */
function describeAction(folder: string, action: Action): string {
  const examples = action.examples.map((e) => {
    const response = e.responseJson === null ? "null" : stringLiteral(e.responseJson);
    return `{ title: ${stringLiteral(e.title)}, request: ${jsonValueCode(e.request)}, responseJson: ${response} }`;
  });
  return [
    `    {`,
    `      name: ${stringLiteral(action.name)},`,
    `      request: ${operationAlias(folder, action)}.request,`,
    `      examples: [${examples.join(", ")}],`,
    `      errors: ${errorCodesCode(action.errors)},`,
    `    }`,
  ].join("\n");
}

const FINANCE_REGIONS = ["ap-shanghai-fsi", "ap-shenzhen-fsi"];

/** Finance-region hosts the actions name or their host template gives, sorted, without the main host. */
export function financeHosts(version: ServiceVersion): string[] {
  const hosts = new Set<string>();
  for (const action of version.actions) {
    if (action.finance === undefined) continue;
    for (const host of action.finance.hosts) hosts.add(host);
    if (action.finance.hostTemplate.includes("{region}")) {
      for (const region of FINANCE_REGIONS)
        hosts.add(action.finance.hostTemplate.replace("{region}", region));
    }
  }
  hosts.delete(version.host);
  return [...hosts].sort();
}
