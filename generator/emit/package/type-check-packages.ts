/**
 * Type-checks generated packages in-process with the strict settings the generated tsconfig.json
 * uses, a few packages per TypeScript program: one program over everything grows with the number
 * of packages (a program keeps every file's syntax tree and types), while a batch keeps memory
 * flat. The files every batch shares (the lib and @types declarations under node_modules and the
 * TypeScript install) are parsed once and handed to each program, so batching costs little time.
 * A file's errors name their package through the path.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { PACKAGE_TSCONFIG } from "./package-manifest.js";

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

/** Packages per program: big enough that per-program overhead stays small. */
const PACKAGES_PER_PROGRAM = 16;

/**
 * `tsc --strict --noEmit` over every .ts file under `dir`. Type roots come from `nodeModules`
 * (the repository's, which also provides vitest for the example tests).
 */
export function typeCheckPackages(dir: string, nodeModules: string): TypeError[] {
  const options = strictPackageOptions(nodeModules);
  const host = sharingDeclarations(ts.createCompilerHost(options));
  const errors: TypeError[] = [];
  const globalSeen = new Set<string>();
  for (const batch of packageBatches(dir)) {
    const program = ts.createProgram({ rootNames: batch, options, host });
    for (const error of ts.getPreEmitDiagnostics(program).map(toTypeError)) {
      // An error of no file (options, libraries) comes from every program; report it once.
      if (error.file === "" && globalSeen.has(error.message)) continue;
      if (error.file === "") globalSeen.add(error.message);
      errors.push(error);
    }
  }
  return errors;
}

/** The .ts files under `dir`, PACKAGES_PER_PROGRAM package folders (and loose files) at a time. */
function packageBatches(dir: string): string[][] {
  const byPackage = new Map<string, string[]>();
  for (const file of typeScriptFilesUnder(dir)) {
    const top = file.slice(dir.length + 1).split(/[\\/]/)[0] ?? "";
    byPackage.set(top, [...(byPackage.get(top) ?? []), file]);
  }
  const packages = [...byPackage.values()];
  const batches: string[][] = [];
  for (let i = 0; i < packages.length; i += PACKAGES_PER_PROGRAM) {
    batches.push(packages.slice(i, i + PACKAGES_PER_PROGRAM).flat());
  }
  return batches;
}

/** A host that parses each declaration file outside the packages once for all programs. */
function sharingDeclarations(host: ts.CompilerHost): ts.CompilerHost {
  const shared = new Map<string, ts.SourceFile | undefined>();
  const getSourceFile = host.getSourceFile.bind(host);
  return {
    ...host,
    getSourceFile(fileName, languageVersion, onError, shouldCreate) {
      if (!fileName.includes("/node_modules/")) {
        return getSourceFile(fileName, languageVersion, onError, shouldCreate);
      }
      if (!shared.has(fileName)) {
        shared.set(fileName, getSourceFile(fileName, languageVersion, onError, shouldCreate));
      }
      return shared.get(fileName);
    },
  };
}

function toTypeError(d: ts.Diagnostic): TypeError {
  const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  if (d.file === undefined || d.start === undefined) {
    return { file: "", line: 0, column: 0, message };
  }
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { file: d.file.fileName, line: line + 1, column: character + 1, message };
}
