/**
 * Type-checks generated packages in-process: one TypeScript program over every .ts file under the
 * out folder (sources and example tests), with the strict settings the generated tsconfig.json
 * uses. One program is much faster than one `tsc` per package, and a file's errors still name
 * their package through the path.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface TypeError {
  /** Absolute path of the file, or "" for a global error. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** All .ts files under `dir`, sorted. */
export function typeScriptFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The compiler options of a generated package's tsconfig (templates/package/tsconfig.json.hbs),
 * without emit, for checking packages in-process. Type roots come from `nodeModules`.
 */
export function strictPackageOptions(nodeModules: string): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    typeRoots: [join(nodeModules, "@types")],
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    noEmit: true,
  };
}

/**
 * `tsc --strict --noEmit` over every .ts file under `dir`. Type roots come from `nodeModules`
 * (the repository's, which also provides vitest for the example tests).
 */
export function typeCheckPackages(dir: string, nodeModules: string): TypeError[] {
  const options = strictPackageOptions(nodeModules);
  const program = ts.createProgram({ rootNames: typeScriptFilesUnder(dir), options });
  return ts.getPreEmitDiagnostics(program).map((d): TypeError => {
    const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    if (d.file === undefined || d.start === undefined) {
      return { file: "", line: 0, column: 0, message };
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { file: d.file.fileName, line: line + 1, column: character + 1, message };
  });
}
