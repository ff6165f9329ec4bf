/**
 * Emits each package's mock server: the static mock code from templates/mock/ copied verbatim to
 * `<service>/src/mock/`, and a generated `<service>/src/mock/index.ts` (the `@tcgen/<service>/mock`
 * entry point) that describes the service's versions to it: hosts, actions with their generated
 * request validators, examples and documented error codes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Action, ErrorCode, Ir, Service, ServiceVersion } from "../../ir/types.js";
import type { GeneratedFile } from "../generated-file.js";
import {
  toCamelCase as lowerCamel,
  toPascalCase as pascalCase,
  versionFolder,
} from "../naming/identifiers.js";
import { planVersionNames } from "../naming/plan-names.js";
import { jsonValueCode } from "../example-tests/json-code.js";
import { commentLine, stringLiteral } from "../typescript/page-text.js";

const TEMPLATE_DIR = fileURLToPath(new URL("../../../templates/mock/", import.meta.url));

/** The static mock files, sorted by name (tests excluded). */
function mockTemplateFiles(): { name: string; content: string }[] {
  return readdirSync(TEMPLATE_DIR)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ name, content: readFileSync(TEMPLATE_DIR + name, "utf8") }));
}

export function emitMock(ir: Ir): GeneratedFile[] {
  const templates = mockTemplateFiles();
  const files: GeneratedFile[] = [];
  for (const service of ir.services) {
    for (const template of templates) {
      files.push({ path: `${service.name}/src/mock/${template.name}`, content: template.content });
    }
    files.push({ path: `${service.name}/src/mock/index.ts`, content: mockEntryPoint(service, ir) });
  }
  return files;
}

/** Variable name of one version's description, e.g. "dtsV20180330Mock". */
function mockDescriptionName(service: string, version: string): string {
  return `${lowerCamel(service)}${pascalCase(versionFolder(version))}Mock`;
}

/** Name of the start function, e.g. "startDtsMock". */
export function startMockName(service: string): string {
  return `start${pascalCase(service)}Mock`;
}

function mockEntryPoint(service: Service, ir: Ir): string {
  // Each version's operations are imported under a version-qualified alias: names can repeat across versions.
  const imports = service.versions.map((v) => {
    const names = planVersionNames(service.name, v, ir.commonErrors);
    const specifiers = v.actions.map(
      (a) => `${names.actions.get(a.name)?.operation ?? ""} as ${operationAlias(v, a)}`,
    );
    return `import { ${specifiers.join(", ")} } from "../${versionFolder(v.version)}/operations.js";`;
  });
  const descriptions = service.versions.map((v) => describeVersion(service.name, v, ir));
  const table = service.versions
    .map((v) => `  ${stringLiteral(v.version)}: ${mockDescriptionName(service.name, v.version)},`)
    .join("\n");
  const latest = service.versions[service.versions.length - 1]?.version ?? "";
  const prefix = pascalCase(service.name);
  return [
    `/** ${commentLine(`Mock ${service.name} server: \`${startMockName(service.name)}()\` serves the documented examples and errors.`)} */`,
    `import { startMockServer, type MockServer, type MockServerOptions, type MockServiceDescription } from "./mock-api.js";`,
    ...imports,
    "",
    `export * from "./mock-api.js";`,
    "",
    ...descriptions,
    `/** ${commentLine(`Every version of ${service.name} the mock can serve.`)} */`,
    `export const ${lowerCamel(service.name)}MockDescriptions = {\n${table}\n} as const;`,
    "",
    `export type ${prefix}MockVersion = keyof typeof ${lowerCamel(service.name)}MockDescriptions;`,
    "",
    `/** ${commentLine(`Starts a mock ${service.name} server on 127.0.0.1 (version ${latest} unless told otherwise).`)} */`,
    `export function ${startMockName(service.name)}(options: MockServerOptions & { readonly version?: ${prefix}MockVersion } = {}): Promise<MockServer> {`,
    `  const { version = ${stringLiteral(latest)}, ...serverOptions } = options;`,
    `  return startMockServer(${lowerCamel(service.name)}MockDescriptions[version], serverOptions);`,
    `}`,
    "",
  ].join("\n");
}

function describeVersion(service: string, version: ServiceVersion, ir: Ir): string {
  const actions = version.actions.map((action) => describeAction(version, action)).join(",\n");
  return [
    `/** ${commentLine(`${service} ${version.version} as the mock serves it.`)} */`,
    `export const ${mockDescriptionName(service, version.version)}: MockServiceDescription = {`,
    `  service: ${stringLiteral(service)},`,
    `  version: ${stringLiteral(version.version)},`,
    `  host: ${stringLiteral(version.host)},`,
    `  extraHosts: [${financeHosts(version).map(stringLiteral).join(", ")}],`,
    `  actions: [\n${actions}\n  ],`,
    // The service's own codes answer like common ones: any action of the service may return them.
    `  commonErrors: ${errorCodesCode([...(version.serviceErrors ?? []), ...ir.commonErrors])},`,
    `};`,
    "",
  ].join("\n");
}

function errorCodesCode(errors: readonly ErrorCode[]): string {
  const items = errors.map(
    (e) => `{ code: ${stringLiteral(e.code)}, description: ${stringLiteral(e.description)} }`,
  );
  return `[${items.join(", ")}]`;
}

/** e.g. "v20180330_modifyMigrateJob" */
function operationAlias(version: ServiceVersion, action: Action): string {
  return `${versionFolder(version.version)}_${lowerCamel(action.name)}`;
}

/**
 * Example outputs go to the mock as the page's JSON text (`responseJson`), which it answers
 * byte for byte: a parsed value would round big integers, turn `1e400` into null and, written as
 * an object literal, lose its `"__proto__"` keys.
 */
function describeAction(version: ServiceVersion, action: Action): string {
  const examples = action.examples.map((e) => {
    const response = e.responseJson === null ? "null" : stringLiteral(e.responseJson);
    return `{ title: ${stringLiteral(e.title)}, request: ${jsonValueCode(e.request)}, responseJson: ${response} }`;
  });
  return [
    `    {`,
    `      name: ${stringLiteral(action.name)},`,
    `      request: ${operationAlias(version, action)}.request,`,
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
