/**
 * Example data as TypeScript expressions, built only from `stringLiteral` and number text, never
 * by evaluating or splicing page text. The spacing is JSON.stringify's, so that ordinary data is
 * written exactly as before (prettier lays it out afterwards). `JSON.stringify` would do for most
 * values, but in an object literal a `"__proto__": ...` member sets the prototype instead of
 * making a key, so that key is written as a computed member `["__proto__"]: ...`.
 *
 * Example outputs are not written as values: they stay the page's JSON text (a string literal),
 * which the mock answers byte for byte and the test harness reads losslessly.
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

/** `-0` keeps its sign (String(-0) is "0", and the test's deep equality tells them apart). */
function finiteCode(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}
