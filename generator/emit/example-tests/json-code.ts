/**
 * Example data as TypeScript expressions, built only from `stringLiteral` and number text, never
 * by evaluating or splicing page text. The spacing is JSON.stringify's, so that ordinary data is
 * written exactly as before (prettier lays it out afterwards):
 * - `jsonValueCode` writes an IR value (an example request). `JSON.stringify` would do for most,
 *   but in an object literal a `"__proto__": ...` member sets the prototype instead of making a
 *   key, so that key is written as a computed member `["__proto__"]: ...`.
 * - `responseValueCode` writes what the generated client returns for an example's response text:
 *   the client's parser (templates/runtime/json.ts) turns integer literals beyond Number's safe
 *   range into decimal strings, so those become string literals with the page's exact digits; a
 *   number too large for a double (`1e400`) is written `Number("1e400")`, which is what the client
 *   gets (Infinity) without a literal that loses precision. It walks the tokens of the text in one
 *   loop, so no nesting can overflow the stack.
 */
import type { JsonValue } from "../../ir/types.js";
import { stringLiteral } from "../typescript/page-text.js";

/** A TypeScript expression equal to `value`, own keys kept (including `__proto__`). */
export function jsonValueCode(value: JsonValue): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") return numberCode(value);
  if (typeof value === "string") return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(jsonValueCode).join(",")}]`;
  const members = Object.entries(value).map(([k, v]) => `${keyCode(k)}:${jsonValueCode(v)}`);
  return `{${members.join(",")}}`;
}

/** Object member name: a computed member for `__proto__`, which a plain one would assign through. */
function keyCode(key: string): string {
  return key === "__proto__" ? `[${stringLiteral(key)}]` : stringLiteral(key);
}

function numberCode(value: number): string {
  // JSON.parse of a page's `1e400` gives Infinity: keep that value rather than JSON's null.
  if (Number.isFinite(value)) return finiteCode(value);
  return Number.isNaN(value) ? "Number.NaN" : value > 0 ? "Infinity" : "-Infinity";
}

const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\]:,]|\s+/gy;

/**
 * The value the generated client returns for a response whose `Response` content is `json`
 * (valid JSON object text), as a TypeScript expression.
 */
export function responseValueCode(json: string): string {
  const out: string[] = [];
  let position = 0;
  while (position < json.length) {
    TOKEN.lastIndex = position;
    const token = TOKEN.exec(json)?.[0];
    if (token === undefined) throw new Error(`not JSON text at offset ${position}`);
    position += token.length;
    const first = token.charAt(0);
    if (/\s/.test(first)) continue;
    if (first === '"') {
      const text = JSON.parse(token) as string;
      out.push(nextIsColon(json, position) ? keyCode(text) : stringLiteral(text));
    } else if (first === "-" || (first >= "0" && first <= "9")) out.push(numberTokenCode(token));
    else out.push(token);
  }
  return out.join("");
}

const COLON_AHEAD = /\s*:/y;

function nextIsColon(json: string, from: number): boolean {
  COLON_AHEAD.lastIndex = from;
  return COLON_AHEAD.test(json);
}

/** `-0` keeps its sign (String(-0) is "0", and the test's deep equality tells them apart). */
function finiteCode(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

/** Mirrors templates/runtime/json.ts `parseResponseBody` for one number token. */
function numberTokenCode(token: string): string {
  if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token)))
    return stringLiteral(token);
  const value = Number(token);
  return Number.isFinite(value) ? finiteCode(value) : `Number(${stringLiteral(token)})`;
}
