/**
 * Inside this repository, `@tcgen/<name>` and `@tcgen/<name>/<subpath>` resolve to the generated
 * package's TypeScript sources (generated/<name>/src/<subpath>/index.ts), so tests, the type-check
 * and the benchmarks need no build. Published packages know nothing of this: their `exports` name
 * only dist/ files (build-script.ts). The same rule is spelled three ways, one per tool:
 * tsconfig.json `paths` (tsc, and esbuild, which reads them), the vitest alias below, and
 * `sourcePaths` for programs type-checked with compiler options instead of a tsconfig.
 */
import { basename, dirname, join } from "node:path";
import type { Plugin } from "esbuild";
import { BROWSER_FILE_SUBSTITUTIONS } from "../../../templates/runtime/platform-files.js";

/** A subpath (`@tcgen/dts/v20180330`) and the root (`@tcgen/dts`), by package folder name. */
const SUBPATH = /^@tcgen\/([a-z0-9-]+)\/([a-z0-9-]+)$/;
const ROOT = /^@tcgen\/([a-z0-9-]+)$/;

/** vitest `resolve.alias` entries for the packages under `generatedDir`. */
export function sourceAliases(generatedDir: string): { find: RegExp; replacement: string }[] {
  return [
    { find: SUBPATH, replacement: join(generatedDir, "$1", "src", "$2", "index.ts") },
    { find: ROOT, replacement: join(generatedDir, "$1", "src", "index.ts") },
  ];
}

/** TypeScript `paths` for one package under `generatedDir` (paths take one wildcard each). */
export function sourcePaths(generatedDir: string, folder: string): Record<string, string[]> {
  return {
    [`@tcgen/${folder}`]: [join(generatedDir, folder, "src", "index.ts")],
    [`@tcgen/${folder}/*`]: [join(generatedDir, folder, "src", "*", "index.ts")],
  };
}

/**
 * esbuild plugin for browser bundles of the sources: the published package applies the web
 * runtime swaps at build time (dist/browser), so a bundle of src/ needs them applied here.
 */
export function browserSourceSwaps(): Plugin {
  const swapped = Object.keys(BROWSER_FILE_SUBSTITUTIONS).map((f) => f.replace(/\.js$/, ""));
  const filter = new RegExp(`/(${swapped.join("|")})\\.js$`);
  return {
    name: "tcgen-browser-source-swaps",
    setup(build) {
      build.onResolve({ filter }, (args) => {
        const target = join(args.resolveDir, args.path);
        const folder = dirname(target);
        if (!/[\\/]src[\\/]runtime$/.test(folder)) return undefined;
        const replacement = BROWSER_FILE_SUBSTITUTIONS[basename(target)];
        if (replacement === undefined) return undefined;
        return { path: join(folder, replacement.replace(/\.js$/, ".ts")) };
      });
    },
  };
}
