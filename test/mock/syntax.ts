/** Syntax errors of a TypeScript text, via the compiler's parser (no type checking). */
import ts from "typescript";

export function syntaxErrors(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.ES2022,
    false,
    ts.ScriptKind.TS,
  );
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
