/**
 * The two sinks through which text from a documentation page reaches generated code.
 *
 * A page is untrusted input (it is edited by many hands and regenerated with no one reading the
 * output), so page text never becomes code: it is printed either as a string literal
 * ({@link stringLiteral}) or inside a doc comment ({@link docCommentText}). Names, hosts, versions
 * and error codes are not page text in this sense: `check/closed-grammar.ts` refuses any page whose
 * names do not match a closed grammar, so they can be printed as identifiers.
 */

/** Characters that end a line in JavaScript besides \n and \r. */
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/**
 * A JavaScript/TypeScript string literal (double-quoted) holding exactly `text`.
 * JSON escaping, plus U+2028/U+2029 and `<` escaped, so the literal is also safe inside an HTML
 * `<script>` and on engines that predate ES2019's JSON superset.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"))
    .replace(/</g, "\\u003c");
}

/**
 * Control characters other than tab and newline; DEL and the C1 range; the bidirectional
 * overrides and isolates (which can make a comment read differently from what it holds).
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print inside a block comment (`/** ... *\/`): comment terminators are broken up,
 * line separators become newlines, control and bidi characters are shown as `\uXXXX`, lines are
 * trimmed at the end, and prose is wrapped at word boundaries (see {@link wrapProse}). Returns
 * undefined when nothing is left.
 */
export function docCommentText(...parts: readonly (string | undefined)[]): string | undefined {
  const kept = parts.map((p) => cleanCommentText(p ?? "").trim()).filter((p) => p !== "");
  if (kept.length === 0) return undefined;
  return wrapProse(
    kept
      .join("\n\n")
      .split("\n")
      .map((line) => line.trimEnd()),
  ).join("\n");
}

/**
 * Prose width: a JSDoc line then stays within 100 columns even as a one-line doc of a class
 * member (2 indent + "/** " + 90 + " *\/" = 99) and as a line of a member's block (2 + " * " + 90).
 */
const PROSE_WIDTH = 90;

/**
 * Wraps each prose line longer than {@link PROSE_WIDTH} at spaces. Left as they are: code (inside
 * a ``` fence, an indented line, or the body of an `@example` up to the next tag), table rows,
 * and `@see` and `@example` lines. Other tag lines (`@throws`) are wrapped with an indented
 * continuation; list items with one under the item's text. A word longer than the width (a URL)
 * is never broken, and no line is made to start with what would change its meaning (a tag, a list
 * or heading marker, a fence).
 */
function wrapProse(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inFence = false;
  let inExample = false;
  for (const line of lines) {
    if (!inFence && line.startsWith("@")) inExample = /^@example\b/.test(line);
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      out.push(line);
    } else if (inFence || inExample || /^(\s|\||@see\b)/.test(line)) {
      out.push(line);
    } else {
      out.push(...wrapLine(line));
    }
  }
  return out;
}

function wrapLine(line: string): string[] {
  if (line.length <= PROSE_WIDTH) return [line];
  const hang = " ".repeat(hangingIndent(line));
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current === "") current = word;
    else if (current.length + 1 + word.length <= PROSE_WIDTH || !canStartLine(word)) {
      current += ` ${word}`;
    } else {
      lines.push(current);
      current = hang + word;
    }
  }
  lines.push(current);
  return lines;
}

/** Continuation indent: under a list item's text, two spaces for a tag's description, else none. */
function hangingIndent(line: string): number {
  if (line.startsWith("@")) return 2;
  return /^(?:[-*+]|\d+[.)]) /.exec(line)?.[0].length ?? 0;
}

/** False for a word that, first on a line, would read as a tag, list item, heading, quote or fence. */
function canStartLine(word: string): boolean {
  return word !== "" && !/^(?:[@#>*+|-]|\d+[.)]$|```)/.test(word);
}

/** One line of text safe inside a `//` comment or a block comment: no line break survives. */
export function commentLine(text: string): string {
  return cleanCommentText(text)
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

function cleanCommentText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(LINE_SEPARATORS, "\n")
    .replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\*\//g, "*\\/");
}
