/**
 * Parse phase: each page is recognised (action, data types, common error codes, or refused with
 * one error) and read section by section. A page that fails never stops the others, and no input
 * makes this phase throw: an unexpected failure becomes a TCG013 error for that page.
 */
import type { SourcePage } from "../load/source-page.js";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { classifyPage } from "./classify-page.js";
import { parseMarkdown } from "./markdown.js";
import type { ParsedPage } from "./parsed-page.js";
import { parseActionPage } from "./parse-action-page.js";
import { parseCommonErrors } from "./parse-common-errors.js";
import { parseDataTypes } from "./parse-data-types.js";
import { repairDoubledLinks } from "./repair-doubled-links.js";
import { splitSections } from "./sections.js";

export type { ParsedPage } from "./parsed-page.js";

export function parsePages(pages: readonly SourcePage[]): {
  pages: ParsedPage[];
  diagnostics: Diagnostic[];
} {
  const parsed: ParsedPage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const local: Diagnostic[] = [];
    try {
      const result = parsePage(page, local);
      if (result !== undefined) parsed.push(result);
      diagnostics.push(...local);
    } catch (error) {
      // A parser bug must not take the whole run down; report it against the page.
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({
        ...diagnose("TCG013", { file: page.file, line: 1, column: 1 }),
        message: `tcgen could not read this page (internal error: ${reason}); skipped it`,
      });
    }
  }
  return { pages: parsed, diagnostics };
}

export function parsePage(page: SourcePage, diagnostics: Diagnostic[]): ParsedPage | undefined {
  // The byte-order mark is dropped and doubled links are repaired once here, so Markdown offsets
  // index this same text.
  const withoutBom = page.text.startsWith("\uFEFF") ? page.text.slice(1) : page.text;
  const { text, diagnostics: repairs } = repairDoubledLinks(page.file, withoutBom);
  const root = parseMarkdown(text);
  const sections = splitSections(root);
  const kind = classifyPage(page.file, text, root, sections);
  // A refused page gets its one error only; repairs are reported for pages tcgen reads.
  if (kind.kind === "rejected") {
    diagnostics.push(kind.diagnostic);
    return undefined;
  }
  diagnostics.push(...repairs);
  switch (kind.kind) {
    case "action":
      return parseActionPage(page.file, text, root, sections, diagnostics);
    case "dataTypes":
      return {
        kind: "dataTypes",
        file: page.file,
        structures: parseDataTypes(page.file, text, root, diagnostics),
      };
    case "commonErrors":
      return {
        kind: "commonErrors",
        file: page.file,
        ...parseCommonErrors(page.file, text, root, diagnostics),
      };
  }
}
