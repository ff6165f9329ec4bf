import type { Diagnostic } from "./types.js";

/** `file:line:col severity CODE message`, the shape editors and CI logs understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, column } = d.position;
  return `${file}:${line}:${column} ${d.severity} ${d.code} ${d.message}`;
}

/** One diagnostic per line, each line ending in "\n"; empty string when there are none. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join("");
}

/** Diagnostics in a stable order: file, line, column, code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.position.file, b.position.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column ||
      compareText(a.code, b.code),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
