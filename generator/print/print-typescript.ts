/**
 * Prints TypeScript planned as ts-morph structures.
 *
 * ts-morph's public route, creating a source file from the structures, prints them to text and
 * then parses that text into a syntax tree, which printing does not need: the parse was about
 * two thirds of this step's time (620 ms -> 250 ms over the corpus's modules, warm). So the text
 * is taken from ts-morph's own structure printer, which it does not export and which is reached
 * through the project's context. Should a ts-morph release move it, the public route is used
 * (same text; test/print/print-typescript.test.ts checks that both agree).
 */
import { Project, type SourceFileStructure } from "ts-morph";
import type { Statements } from "../emit/planned-file.js";

interface StructurePrinterContext {
  createWriter(): { toString(): string };
  structurePrinterFactory: {
    forSourceFile(options: { isAmbient: boolean }): {
      printText(writer: unknown, structure: SourceFileStructure | { statements: Statements }): void;
    };
  };
}

let project: Project | undefined;

function sharedProject(): Project {
  project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  return project;
}

function structurePrinter(): StructurePrinterContext | undefined {
  const context = (sharedProject() as unknown as { _context?: Partial<StructurePrinterContext> })
    ._context;
  return typeof context?.createWriter === "function" &&
    typeof context.structurePrinterFactory?.forSourceFile === "function"
    ? (context as StructurePrinterContext)
    : undefined;
}

/** The text of a module made of `statements`. */
export function printStatements(statements: Statements): string {
  const context = structurePrinter();
  if (context === undefined) return printThroughSourceFile(statements);
  const writer = context.createWriter();
  context.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, {
    statements,
  });
  return writer.toString();
}

/** ts-morph's public route: a source file made from the structures, its text read back. */
export function printThroughSourceFile(statements: Statements): string {
  const file = sharedProject().createSourceFile("/print.ts", { statements }, { overwrite: true });
  const text = file.getFullText();
  sharedProject().removeSourceFile(file);
  return text;
}
