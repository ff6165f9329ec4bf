/**
 * The static files of each package, from the handlebars templates in templates/package/:
 * package.json (a subpath export per version, the root index and the mock), tsconfig.json, README;
 * copied as they are, scripts/build.mjs (the package's build, build-script.ts) and the LICENSE its
 * package.json declares; and src/index.ts (the root entry: one namespace per version).
 */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import type { Action, Ir, Service } from "../../ir/types.js";
import { releaseOf, type EmitContext } from "../emit-context.js";
import type { GeneratedFile } from "../generated-file.js";
import { templatePath } from "../template-path.js";
import { exportsMap, legacyEntryFields, PACKAGE_SCRIPTS, subpathEntries } from "./build-script.js";
import { rootIndexSource } from "./root-index.js";
import {
  packageFolder,
  packageName,
  versionContexts,
  type VersionContext,
} from "../version-context.js";
import { readmeActionsBlock, shortExampleCall } from "../operations/readme-actions.js";

/** Template name -> the file it becomes, relative to the package folder. */
const TEMPLATES = new Map([
  ["package.json", "package.json"],
  ["tsconfig.json", "tsconfig.json"],
  ["README.md", "README.md"],
]);
/** Copied as is: the Apache-2.0 text that package.json's `license` names, and the build. */
const STATIC_FILES = new Map([
  ["LICENSE", "LICENSE"],
  ["build.mjs", "scripts/build.mjs"],
]);

type Render = (data: PackageData) => string;
let compiled: Map<string, Render> | undefined;

function templates(): Map<string, Render> {
  if (compiled !== undefined) return compiled;
  const handlebars = Handlebars.create();
  handlebars.registerHelper("json", (value: unknown) => JSON.stringify(value));
  compiled = new Map(
    [...TEMPLATES.keys()].map((name) => [
      name,
      handlebars.compile<PackageData>(
        readFileSync(templatePath("package", `${name}.hbs`), "utf8"),
        {
          noEscape: true,
          strict: true,
        },
      ),
    ]),
  );
  return compiled;
}

interface PackageData {
  readonly packageName: string;
  /** From the release planned against the recorded API (generator/diff/release/). */
  readonly version: string;
  readonly service: string;
  readonly description: string;
  /** package.json `scripts`: build, prepack, test (build-script.ts). */
  readonly scripts: Readonly<Record<string, string>>;
  /** package.json `exports` (build-script.ts). */
  readonly exports: ReturnType<typeof exportsMap>;
  /** package.json `main`, `types` and `typesVersions`, for resolvers without `exports`. */
  readonly legacy: ReturnType<typeof legacyEntryFields>;
  readonly versions: readonly {
    readonly version: string;
    readonly subpath: string;
    readonly importPath: string;
    readonly actionCount: number;
    /** The version's default endpoint host from its pages (the README names it). */
    readonly host: string;
    /** The README's code block of every action with its example (operations/readme-actions.ts). */
    readonly actionsBlock: string;
  }[];
  readonly example: {
    readonly client: string;
    readonly importPath: string;
    readonly method: string;
    /** The action's documented name, e.g. "ModifyMigrateJob". */
    readonly action: string;
    readonly requestType: string;
    readonly bareClientFactory: string;
    readonly errorRegistry: string;
    /** The newest version's default endpoint host. */
    readonly host: string;
    /** `client.method({...})` with the action's example, or a typed placeholder without one. */
    readonly call: string;
    /** The same through the standalone function and a bare client: `method(bare, {...})`. */
    readonly bareCall: string;
  };
  readonly mock: { readonly start: string };
}

export function emitPackageFiles(ir: Ir, context: EmitContext): GeneratedFile[] {
  return ir.services.flatMap((service) => {
    const data = packageData(ir, service, releaseOf(ir, service, context).version);
    const folder = packageFolder(service.name);
    return [
      ...[...TEMPLATES].map(([name, path]) => ({
        path: `${folder}/${path}`,
        content: render(name, data),
      })),
      ...[...STATIC_FILES].map(([name, path]) => ({
        path: `${folder}/${path}`,
        content: staticText(name),
      })),
      {
        path: `${folder}/src/index.ts`,
        content: rootIndexSource(data.versions.map((v) => v.subpath.slice(2))),
      },
    ];
  });
}

const staticTexts = new Map<string, string>();
function staticText(name: string): string {
  let text = staticTexts.get(name);
  if (text === undefined) {
    text = readFileSync(templatePath("package", name), "utf8");
    staticTexts.set(name, text);
  }
  return text;
}

function render(name: string, data: PackageData): string {
  const template = templates().get(name);
  if (template === undefined) throw new Error(`no package template ${name}`);
  const text = template(data);
  // Catch a broken template here rather than in npm.
  if (name.endsWith(".json")) JSON.parse(text);
  return text;
}

function packageData(ir: Ir, service: Service, version: string): PackageData {
  const name = packageName(service.name);
  const contexts = versionContexts(ir).filter((c) => c.service === service);
  const versions = contexts.map((context) => ({
    version: context.version.version,
    subpath: `./${context.names.folder}`,
    importPath: `${name}/${context.names.folder}`,
    actionCount: context.version.actions.length,
    host: context.version.host,
    actionsBlock: readmeActionsBlock(context, `${name}/${context.names.folder}`),
  }));
  const entries = subpathEntries(contexts.map((c) => c.names.folder));
  // The README's example uses the newest version and its first action with a short example.
  const newest = contexts.at(-1);
  const exampleAction =
    newest?.version.actions.find(
      (action) => shortExampleCall(newest, action, "client", []) !== undefined,
    ) ?? newest?.version.actions[0];
  const exampleNames =
    exampleAction === undefined ? undefined : newest?.names.actions.get(exampleAction.name);
  return {
    packageName: name,
    version,
    service: service.name,
    description: `Typed client for Tencent Cloud ${service.name}, generated by tcgen.`,
    scripts: PACKAGE_SCRIPTS,
    exports: exportsMap(entries),
    legacy: legacyEntryFields(entries),
    versions,
    example: {
      client: newest?.names.client ?? "",
      bareClientFactory: newest?.names.bareClientFactory ?? "",
      errorRegistry: newest?.names.errorRegistry ?? "",
      host: newest?.version.host ?? "",
      importPath: versions.at(-1)?.importPath ?? name,
      method: exampleNames?.method ?? "",
      action: exampleAction?.name ?? "",
      requestType: exampleNames?.requestType ?? "",
      ...exampleCalls(newest, exampleAction, exampleNames?.requestType ?? ""),
    },
    mock: { start: newest?.names.testing.mockStart ?? "" },
  };
}

/** The README's usage calls of the first action: its page's example, else a typed placeholder. */
function exampleCalls(
  context: VersionContext | undefined,
  action: Action | undefined,
  requestType: string,
): { call: string; bareCall: string } {
  if (context === undefined || action === undefined) return { call: "", bareCall: "" };
  const placeholder = `{ /* ${requestType} */ }`;
  const method = context.names.actions.get(action.name)?.method ?? "";
  return {
    call: shortExampleCall(context, action, "client", []) ?? `client.${method}(${placeholder})`,
    bareCall:
      shortExampleCall(context, action, undefined, ["bare"]) ?? `${method}(bare, ${placeholder})`,
  };
}
