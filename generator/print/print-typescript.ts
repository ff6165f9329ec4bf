/**
 * Prints TypeScript planned as ts-morph structures. One in-memory project serves every file: a
 * file is created from its structures, printed once with getFullText, and removed again.
 */
import { Project } from "ts-morph";
import type { Statements } from "../emit/planned-file.js";

let project: Project | undefined;

function sharedProject(): Project {
  project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  return project;
}

/** The text of a module made of `statements`. */
export function printStatements(statements: Statements): string {
  const file = sharedProject().createSourceFile("/print.ts", { statements }, { overwrite: true });
  const text = file.getFullText();
  sharedProject().removeSourceFile(file);
  return text;
}
