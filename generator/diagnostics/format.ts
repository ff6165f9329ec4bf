import { compareCodeUnits } from "../code-unit-order.js";
import type { Diagnostic } from "./types.js";

/**
 * Characters a terminal may act on rather than show: C0 controls (ESC starts ANSI/OSC sequences,
 * BEL ends OSC ones, CR and LF rewrite or split the line), DEL, the C1 range (U+009B is a
 * one-character CSI), the line and paragraph separators, and the bidirectional overrides and
 * isolates (which make a line read differently from what it holds).
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every terminal-unsafe character shown as `\uXXXX`, so page text quoted in a
 * diagnostic is printed, never obeyed. `--json` output does not go through here: JSON escaping
 * already keeps such text as data.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(
    TERMINAL_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * `file:line:col severity CODE message`, the shape editors and CI logs understand. The file and
 * message can quote a page, so they are escaped for the terminal and the line stays one line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, column } = d.position;
  return `${escapeForTerminal(file)}:${line}:${column} ${d.severity} ${escapeForTerminal(d.code)} ${escapeForTerminal(d.message)}`;
}

/** One diagnostic per line, each line ending in "\n"; empty string when there are none. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join("");
}

/** Diagnostics in a stable order: file, line, column, code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareCodeUnits(a.position.file, b.position.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column ||
      compareCodeUnits(a.code, b.code),
  );
}
