/**
 * One page read and parsed (read-pages.ts reads a run's pages with it), with the time spent on
 * each half.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import { readPage } from "../load/load-pages.js";
import { parsePages, type ParsedPage } from "./parse-pages.js";

export interface PageOutcome {
  /** Undefined when the page was refused or not recognised. */
  readonly page: ParsedPage | undefined;
  /** Load errors when `refused`, else the page's parse diagnostics. */
  readonly diagnostics: Diagnostic[];
  /** True when the page could not be read (its diagnostics are load errors). */
  readonly refused?: boolean;
}

/** Time this thread spent reading pages and parsing them. */
export interface ReadParseClock {
  readMs: number;
  parseMs: number;
}

export function readAndParsePage(file: string, clock?: ReadParseClock): PageOutcome {
  const started = performance.now();
  const loadDiagnostics: Diagnostic[] = [];
  const source = readPage(file, loadDiagnostics);
  const read = performance.now();
  if (clock !== undefined) clock.readMs += read - started;
  if (source === undefined) return { page: undefined, diagnostics: loadDiagnostics, refused: true };
  const parsed = parsePages([source]);
  if (clock !== undefined) clock.parseMs += performance.now() - read;
  return { page: parsed.pages[0], diagnostics: parsed.diagnostics };
}
