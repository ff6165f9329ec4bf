/**
 * The generated package's build and the layout of what it publishes. `npm run build` (also run by
 * `prepack`, so `npm pack` and `npm publish` never ship an unbuilt package) runs the package's
 * scripts/build.mjs (templates/package/build.mjs, copied as is: it reads the subpaths from
 * package.json `exports` and the web runtime files from their `-browser` names), which writes
 * four trees under dist/:
 *
 * - dist/types/   the .d.ts declarations (tsc), for ESM consumers;
 * - dist/browser/ the per-file ES modules (tsc) with the web runtime files copied over the Node
 *                 ones (platform-files.ts), so a bundler that selects the `browser` condition gets
 *                 code without node: imports, tree-shakable file by file, with no `browser` field;
 * - dist/node/    one pre-bundled ES module per subpath (esbuild, code splitting): Node loads a
 *                 subpath as one or two files instead of ~26 (a resolve, read and compile each was
 *                 most of our cold start), and the shared runtime chunk keeps classes one
 *                 identity across subpaths (`instanceof` works);
 * - dist/cjs/     one CommonJS bundle per subpath (esbuild; `require` works on every Node >= 18,
 *                 not only where require(esm) exists), a copy of the declarations, and a
 *                 package.json `{"type": "commonjs"}` so Node and TypeScript read both as CommonJS.
 *                 The root entry requires the version bundles lazily, so it never holds a second
 *                 copy of them. Each CommonJS subpath bundles its own runtime copy: an app that
 *                 mixes version subpaths under require() should catch errors by `code`.
 *
 * Nothing else ships: no src/, no source maps, no repository-only export conditions. The
 * repository resolves `@tcgen/<name>/...` to the TypeScript sources itself (workspace-source.ts).
 */

/** The folders under dist/, relative to the package root (build.mjs writes these). */
const DIST = {
  types: "dist/types",
  browser: "dist/browser",
  node: "dist/node",
  cjs: "dist/cjs",
} as const;

/** One subpath export: "." (the index of versions), a version folder, or the mock server. */
export interface SubpathEntry {
  /** "" for the package root, else the folder under src/ ("v20180330", "mock"). */
  readonly folder: string;
  /** False for the Node-only mock server: no `browser` condition. */
  readonly browser: boolean;
}

/** The root index, then each version, then the mock server. */
export function subpathEntries(versionFolders: readonly string[]): SubpathEntry[] {
  return [
    { folder: "", browser: true },
    ...versionFolders.map((folder) => ({ folder, browser: true })),
    { folder: "mock", browser: false },
  ];
}

const subpathOf = (entry: SubpathEntry): string =>
  entry.folder === "" ? "." : `./${entry.folder}`;
const indexIn = (tree: string, entry: SubpathEntry, extension: string): string =>
  `./${tree}/${entry.folder === "" ? "" : `${entry.folder}/`}index.${extension}`;

/** A condition's target: its declarations first, as TypeScript and publint want. */
interface Target {
  readonly types: string;
  readonly default: string;
}

/**
 * package.json `exports`. Conditions are matched in order: `browser` first (a browser bundler may
 * also set `require` or `node`), then `require` (CommonJS), `node` (the ES module bundles), and
 * `default` (the per-file web build, for runtimes that are neither).
 */
export function exportsMap(
  entries: readonly SubpathEntry[],
): Record<string, Record<string, Target>> {
  const map: Record<string, Record<string, Target>> = {};
  for (const entry of entries) {
    const esmTypes = indexIn(DIST.types, entry, "d.ts");
    const web: Target = { types: esmTypes, default: indexIn(DIST.browser, entry, "js") };
    const node: Target = { types: esmTypes, default: indexIn(DIST.node, entry, "js") };
    map[subpathOf(entry)] = {
      ...(entry.browser && { browser: web }),
      require: { types: indexIn(DIST.cjs, entry, "d.ts"), default: indexIn(DIST.cjs, entry, "js") },
      node,
      default: entry.browser ? web : node,
    };
  }
  return map;
}

/**
 * For resolvers that predate `exports` (TypeScript's node10, old bundlers): the root `main` and
 * `types`, and `typesVersions` mapping each subpath to its CommonJS declarations.
 */
export function legacyEntryFields(entries: readonly SubpathEntry[]): {
  main: string;
  types: string;
  typesVersions: Record<string, Record<string, string[]>>;
} {
  const root = entries.find((e) => e.folder === "") ?? { folder: "", browser: true };
  const subpaths: Record<string, string[]> = {};
  for (const entry of entries.filter((e) => e.folder !== "")) {
    subpaths[entry.folder] = [indexIn(DIST.cjs, entry, "d.ts")];
  }
  return {
    main: indexIn(DIST.cjs, root, "js"),
    types: indexIn(DIST.cjs, root, "d.ts"),
    typesVersions: { "*": subpaths },
  };
}

/** package.json scripts: build, the prepack that runs it, and the example tests. */
export const PACKAGE_SCRIPTS = {
  build: "node scripts/build.mjs",
  prepack: "npm run build",
  test: "vitest run",
} as const;
