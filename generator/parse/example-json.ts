/**
 * JSON text from example code blocks, read without recursion and without losing anything:
 * - the nesting depth is measured by one linear scan before anything parses or walks the value,
 *   so a page nested thousands deep is refused with a diagnostic instead of overflowing the stack
 *   of some recursive walker later (JSON.parse itself copes; structuredClone, deep equality and
 *   our own walkers do not);
 * - the output example's `Response` object is also kept as text (whitespace outside strings
 *   removed, every token as written), because a parsed value cannot carry what the page wrote:
 *   `123456789012345678901234567890` becomes 1.2345678901234568e29 and `1e400` becomes Infinity.
 */

/** Deepest nesting of objects and arrays accepted in an example (real pages stay under 10). */
export const MAX_EXAMPLE_JSON_DEPTH = 64;

/** Deepest `[`/`{` nesting in JSON text; brackets inside strings do not count. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = endOfString(text, i) - 1;
    else if (c === "{" || c === "[") deepest = Math.max(deepest, ++depth);
    else if (c === "}" || c === "]") depth--;
  }
  return deepest;
}

/** Index just past the string literal that opens at `start` (or the text's end if unclosed). */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** Valid JSON text without the whitespace between tokens; tokens are untouched. */
export function compactJson(text: string): string {
  let out = "";
  for (let i = 0; i < text.length;) {
    const c = text[i] ?? "";
    if (c === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else {
      if (!/\s/.test(c)) out += c;
      i++;
    }
  }
  return out;
}

/**
 * The text of the top-level member `key` of compact JSON object text (the last one when the key
 * repeats, as JSON.parse keeps the last), or undefined when there is none.
 */
export function memberText(compact: string, key: string): string | undefined {
  let found: string | undefined;
  let depth = 0;
  for (let i = 0; i < compact.length;) {
    const c = compact[i];
    if (c === '"') {
      const end = endOfString(compact, i);
      if (depth === 1 && compact[end] === ":" && JSON.parse(compact.slice(i, end)) === key) {
        const valueEnd = endOfValue(compact, end + 1);
        found = compact.slice(end + 1, valueEnd);
        i = valueEnd;
        continue;
      }
      i = end;
      continue;
    }
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    i++;
  }
  return found;
}

/** Index just past the compact JSON value starting at `start`. */
function endOfValue(compact: string, start: number): number {
  let depth = 0;
  for (let i = start; i < compact.length;) {
    const c = compact[i];
    if (c === '"') {
      i = endOfString(compact, i);
      if (depth === 0) return i;
      continue;
    }
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      if (depth === 0) return i; // a scalar ended by its container
      if (--depth === 0) return i + 1;
    } else if (c === "," && depth === 0) return i;
    i++;
  }
  return compact.length;
}
