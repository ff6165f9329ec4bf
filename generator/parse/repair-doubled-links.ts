/**
 * Real pages carry links whose scheme and host are written twice or more
 * (`https://cloud.tencent.comhttps://cloud.tencent.com/document/...`), in link targets, type
 * cells and bare URLs alike. They are repaired in the page text before Markdown parsing, so every
 * section parser sees the same repaired link; each repair is a TCG038 warning at the link.
 * Removing characters shifts the columns after a repair on the same line; lines are unchanged.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";

/** One or more `scheme://host` runs directly followed by another scheme, then the URL's rest. */
const DOUBLED = /(?:https?:\/\/[A-Za-z0-9.-]+(?=https?:\/\/))+(https?:\/\/[^\s)\]"'<>|]*)/g;

export function repairDoubledLinks(
  file: string,
  text: string,
): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!text.includes("http")) return { text, diagnostics };
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const repaired = text.replace(DOUBLED, (url: string, rest: string, offset: number) => {
    for (
      let i = text.indexOf("\n", scanned);
      i !== -1 && i < offset;
      i = text.indexOf("\n", i + 1)
    ) {
      line += 1;
      lineStart = i + 1;
    }
    scanned = offset;
    const position = { file, line, column: offset - lineStart + 1 };
    diagnostics.push(diagnose("TCG038", position, { url, repaired: rest }));
    return rest;
  });
  return { text: repaired, diagnostics };
}
