/**
 * What an in-process type-check of generated packages needs: their .ts files and the strict
 * settings the generated tsconfig.json uses. The corpus check (generator/cli/corpus/
 * type-check-packages.ts) and the golden and security tests build their programs from these.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { PACKAGE_TSCONFIG } from "./package-manifest.js";

/** All .ts files under `dir`, sorted. */
export function typeScriptFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The compiler options of a generated package's tsconfig (PACKAGE_TSCONFIG in
 * package-manifest.ts, read as tsc reads the file), without emit, for checking packages
 * in-process. Type roots come from `nodeModules`.
 */
export function strictPackageOptions(nodeModules: string): ts.CompilerOptions {
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    PACKAGE_TSCONFIG.compilerOptions,
    nodeModules,
  );
  if (errors.length > 0) throw new Error("the package tsconfig has options tsc does not know");
  const { declaration: _d, rootDir: _r, outDir: _o, declarationDir: _dd, ...checking } = options;
  return { ...checking, typeRoots: [join(nodeModules, "@types")], noEmit: true };
}
