/**
 * package.json and tsconfig.json of a package, as data: the print phase serialises them (and
 * prettier formats them like any JSON file), so no template can produce broken JSON. The key
 * order is the order npm and readers expect: identity, module format, entry points, files,
 * scripts, dependencies.
 */
import {
  exportsMap,
  legacyEntryFields,
  PACKAGE_SCRIPTS,
  type SubpathEntry,
} from "./build-script.js";

/** The tools a package's own scripts use (build at pack time, tests), pinned like the repo's. */
const DEV_DEPENDENCIES = {
  "@types/node": "^20.19.43",
  esbuild: "^0.28.2",
  typescript: "5.9",
  vitest: "^4.1.12",
} as const;

export interface ManifestFacts {
  readonly packageName: string;
  /** From the release planned against the recorded API (generator/diff/release/). */
  readonly version: string;
  readonly description: string;
  readonly entries: readonly SubpathEntry[];
}

export function packageManifest(facts: ManifestFacts): Record<string, unknown> {
  const legacy = legacyEntryFields(facts.entries);
  return {
    name: facts.packageName,
    version: facts.version,
    description: facts.description,
    private: false,
    type: "module",
    license: "Apache-2.0",
    engines: { node: ">=18" },
    sideEffects: false,
    main: legacy.main,
    types: legacy.types,
    typesVersions: legacy.typesVersions,
    exports: exportsMap(facts.entries),
    files: ["dist", "schemas", "CHANGELOG.md"],
    scripts: PACKAGE_SCRIPTS,
    dependencies: {},
    devDependencies: DEV_DEPENDENCIES,
  };
}

/**
 * The package's tsconfig: strict, NodeNext, declarations under dist/types and per-file modules
 * under dist/browser (build-script.ts). type-check-packages.ts checks packages with the same
 * options in-process.
 */
export const PACKAGE_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2022", "DOM"],
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    declaration: true,
    rootDir: "src",
    outDir: "dist/browser",
    declarationDir: "dist/types",
  },
  include: ["src"],
} as const;
