/**
 * Load, parse and check pages the way `runPipeline` does without an out folder, by calling the
 * same two functions it composes (cache/read-and-parse.ts, then check/build-ir.ts), and keep the
 * parsed pages too, which the pipeline's result does not carry. test/corpus/quirks.test.ts checks
 * that the IR and diagnostics equal runPipeline's, so this cannot drift from the real flow.
 */
import { readAndParsePages } from "../generator/cache/read-and-parse.js";
import { buildIr } from "../generator/check/build-ir.js";
import { sortDiagnostics } from "../generator/diagnostics/format.js";
import type { Diagnostic } from "../generator/diagnostics/types.js";
import type { Ir } from "../generator/ir/types.js";
import type { ParsedPage } from "../generator/parse/parsed-page.js";

export interface ReadPages {
  readonly pages: readonly ParsedPage[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ir: Ir;
}

export async function readPages(inputs: readonly string[]): Promise<ReadPages> {
  const parsed = await readAndParsePages(inputs);
  const built = buildIr(parsed.pages);
  return {
    pages: parsed.pages,
    // Sorted, as the pipeline gives them.
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...built.diagnostics]),
    ir: built.ir,
  };
}
