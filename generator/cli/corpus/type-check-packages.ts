/**
 * Type-checks generated packages in-process with the strict settings the generated tsconfig.json
 * uses, in TypeScript programs of at most FILES_PER_PROGRAM files: a program keeps every file's
 * syntax tree and types, so one program over everything grows with the corpus, and so did
 * programs of a fixed number of packages (16 packages of half the corpus: ~800 files). Bounded in
 * files, a program is the same size at any corpus size and is released before the next one is
 * built. The files every program shares (the lib and @types declarations under node_modules and
 * the TypeScript install) are parsed once and handed to each program, so batching costs little
 * time. A file's errors name their package through the path.
 */
import ts from "typescript";
import {
  strictPackageOptions,
  typeScriptFilesUnder,
} from "../../emit/package/type-check-packages.js";
import { batchGroups, collectBetween } from "./file-batches.js";

export interface TypeError {
  /** Absolute path of the file, or "" for a global error. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Files per program. A package's files import one another, so packages are not split: a package
 * larger than this (about 45 files of runtime and mock plus a few per action) is a program alone.
 * The price is CPU, mostly the collection after each program (it marks the ~160 MB of shared
 * declarations): half the corpus took 23-24 s of CPU in programs of 64 files (peak ~400 MB),
 * 17-19 s in programs of 128 (~415 MB), 13-16 s of 256 (~455 MB), and 11 s in the earlier
 * programs of 16 packages with no collection (~650 MB).
 */
export const FILES_PER_PROGRAM = 64;

/**
 * `tsc --strict --noEmit` over every .ts file under `dir`. Type roots come from `nodeModules`
 * (the repository's, which also provides vitest for the example tests).
 */
export async function typeCheckPackages(
  dir: string,
  nodeModules: string,
  filesPerProgram: number = FILES_PER_PROGRAM,
): Promise<TypeError[]> {
  const options = strictPackageOptions(nodeModules);
  const host = sharingDeclarations(ts.createCompilerHost(options));
  const globalSeen = new Set<string>();
  const perProgram = await collectBetween(
    batchGroups(packageFiles(dir), filesPerProgram),
    (rootNames) => {
      const program = ts.createProgram({ rootNames, options, host });
      return ts.getPreEmitDiagnostics(program).flatMap((diagnostic) => {
        const error = toTypeError(diagnostic);
        // An error of no file (options, libraries) comes from every program; report it once.
        if (error.file !== "") return [error];
        if (globalSeen.has(error.message)) return [];
        globalSeen.add(error.message);
        return [error];
      });
    },
  );
  return perProgram.flat();
}

/** The .ts files under `dir` grouped by their top folder (a package), in path order. */
function packageFiles(dir: string): string[][] {
  const byPackage = new Map<string, string[]>();
  for (const file of typeScriptFilesUnder(dir)) {
    const top = file.slice(dir.length + 1).split(/[\\/]/)[0] ?? "";
    const files = byPackage.get(top);
    if (files === undefined) byPackage.set(top, [file]);
    else files.push(file);
  }
  return [...byPackage.values()];
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
