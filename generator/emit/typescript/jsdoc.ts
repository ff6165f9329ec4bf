/** JSDoc text from documentation prose. */

/** One JSDoc body from paragraphs; empty parts are dropped, `*\/` is defused. */
export function jsDocText(...parts: readonly (string | undefined)[]): string | undefined {
  const kept = parts.map((p) => (p ?? "").trim()).filter((p) => p !== "");
  if (kept.length === 0) return undefined;
  return kept
    .join("\n\n")
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}

/** ts-morph `docs` for a declaration: none when there is no text. */
export function docs(...parts: readonly (string | undefined)[]): string[] {
  const text = jsDocText(...parts);
  return text === undefined ? [] : [text];
}
