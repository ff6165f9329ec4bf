/**
 * JSON on the wire.
 *
 * Requests: `serializeRequestBody` is `JSON.stringify` plus two compatibility rules, so that the
 * body bytes (and so the signature) equal those of Tencent's official Node SDK for the same
 * request object:
 *  - the characters that SDK's serialiser (json2) escapes and `JSON.stringify` does not
 *    (U+007F-U+009F, U+00AD, U+0600-U+0604, U+070F, U+17B4, U+17B5, U+200C-U+200F,
 *    U+2028-U+202F, U+2060-U+206F, U+FEFF, U+FFF0-U+FFFF) are written as `\uXXXX` escapes;
 *  - `bigint` values are written as bare integer literals.
 *  Known, deliberate difference: a lone UTF-16 surrogate is written as a `\uD8xx` escape
 *  (lossless), where the official SDK sends U+FFFD.
 *
 * Responses: `parseResponseBody` never rounds an integer silently. JSON.parse's reviver cannot
 * see the source text on Node 20, so integer literals outside the safe range (|n| > 2^53 - 1)
 * are quoted before parsing: such fields come back as decimal strings ("18446744073709551615").
 * Safe integers and all non-integer numbers come back as numbers.
 */

// Escapes are single code units, never combined with neighbours: the rule does not apply.
const JSON2_EXTRA_ESCAPES =
  // eslint-disable-next-line no-misleading-character-class
  /[\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g;

function escapeCodeUnit(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Serialises a request object to the exact body text that is signed and sent. */
export function serializeRequestBody(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value ?? {});
  } catch (error) {
    if (!(error instanceof TypeError) || !/bigint/i.test(error.message)) throw error;
    text = stringifyWithBigInts(value);
  }
  JSON2_EXTRA_ESCAPES.lastIndex = 0;
  return JSON2_EXTRA_ESCAPES.test(text) ? text.replace(JSON2_EXTRA_ESCAPES, escapeCodeUnit) : text;
}

function stringifyWithBigInts(value: unknown): string {
  // A per-call random marker cannot collide with user text.
  const marker = `bigint-${Math.random().toString(36).slice(2)}-`;
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "bigint" ? `${marker}${v.toString()}` : v,
  );
  return text.replace(new RegExp(`"${marker}(-?\\d+)"`, "g"), "$1");
}

// Integers with 16+ digits may be unsafe; shorter ones never are (2^53 has 16 digits).
const LONG_DIGIT_RUN = /\d{16}/;

/** Parses a response body; unsafe integers come back as decimal strings. */
export function parseResponseBody(text: string): unknown {
  return JSON.parse(LONG_DIGIT_RUN.test(text) ? quoteUnsafeIntegers(text) : text);
}

/** Wraps integer literals outside Number's safe range in quotes, leaving string contents alone. */
export function quoteUnsafeIntegers(text: string): string {
  let out = "";
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = endOfString(text, i);
      continue;
    }
    const isDigit = c >= 0x30 && c <= 0x39;
    if (!isDigit && c !== 0x2d /* - */) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && /[0-9eE.+-]/.test(text.charAt(end))) end++;
    const token = text.slice(i, end);
    if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
      out += `${text.slice(copiedUpTo, i)}"${token}"`;
      copiedUpTo = end;
    }
    i = end;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Index just past the closing quote of the string starting at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}
