/**
 * An action's documented example as a call in TypeScript (`await client.describeVpcs({ ... })`),
 * for its JSDoc `@example` and the package README. Values are printed losslessly from the IR
 * through the string-literal sink (`jsonValueCode`); only the layout is ours: short objects and
 * arrays on one line, longer ones one member per line, keys bare when they are plain names.
 *
 * Backticks inside strings are written `\u0060`: the same string in code, but a page cannot end
 * the Markdown code fence the snippet is shown in (a README block, an editor's hover of the JSDoc).
 */
import type { Action, Example, Field, JsonValue, Structure } from "../../ir/types.js";
import { jsonValueCode } from "../typescript/json-code.js";
import { fieldProblems } from "../../types/type-rules.js";
import { isPlainPropertyName } from "../naming/identifiers.js";
import { stringLiteral } from "../typescript/page-text.js";

/** A line longer than this is broken into one member per line. */
const LINE_WIDTH = 80;
const INDENT = "  ";

/**
 * The first example whose request the action's tables accept (so the call type-checks); when no
 * example is accepted, undefined.
 */
export function sendableExample(
  action: Action,
  structures: readonly Structure[],
): Example | undefined {
  const byName = new Map(structures.map((s) => [s.name, s]));
  return action.examples.find(
    (example) => fieldProblems(action.input, example.request, byName).length === 0,
  );
}

/**
 * `callee(...leading, request)` for an example's request, e.g.
 * `client.modifyMigrateJob({ JobId: "x" })`; `leading` are code (argument names), not page text.
 */
export function exampleCallCode(
  callee: string,
  request: { readonly [key: string]: JsonValue },
  leading: readonly string[] = [],
): string {
  const head = `${callee}(${leading.map((arg) => `${arg}, `).join("")}`;
  return `${head}${valueCode(request, head.length)})`;
}

/**
 * The request with only the action's required top-level parameters: still accepted by the
 * request type when the whole example is (a shorter example for the README).
 */
export function requiredPart(
  input: readonly Field[],
  request: { readonly [key: string]: JsonValue },
): { readonly [key: string]: JsonValue } {
  const required = new Set(input.filter((f) => f.required).map((f) => f.name));
  return Object.fromEntries(Object.entries(request).filter(([key]) => required.has(key)));
}

/** `value` as code starting at column `column` of a line indented by `depth` levels. */
function valueCode(value: JsonValue, column: number, depth = 0): string {
  const inline = inlineCode(value);
  if (column + inline.length <= LINE_WIDTH) return inline;
  const inner = INDENT.repeat(depth + 1);
  let members: string[];
  if (Array.isArray(value)) {
    members = (value as readonly JsonValue[]).map((item) =>
      valueCode(item, inner.length, depth + 1),
    );
  } else if (isObjectValue(value)) {
    members = Object.entries(value).map(([key, item]) => {
      const name = keyCode(key);
      return `${name}: ${valueCode(item, inner.length + name.length + 2, depth + 1)}`;
    });
  } else return inline;
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${members.map((m) => `${inner}${m},\n`).join("")}${INDENT.repeat(depth)}${close}`;
}

function inlineCode(value: JsonValue): string {
  if (Array.isArray(value))
    return `[${(value as readonly JsonValue[]).map(inlineCode).join(", ")}]`;
  if (isObjectValue(value)) {
    const members = Object.entries(value).map(([k, v]) => `${keyCode(k)}: ${inlineCode(v)}`);
    return members.length === 0 ? "{}" : `{ ${members.join(", ")} }`;
  }
  return fenceSafe(jsonValueCode(value));
}

/** Bare when a plain name; `__proto__` computed, since a plain member would set the prototype. */
function keyCode(key: string): string {
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return isPlainPropertyName(key) ? key : fenceSafe(stringLiteral(key));
}

function fenceSafe(code: string): string {
  return code.replace(/`/g, "\\u0060");
}

function isObjectValue(value: JsonValue): value is { readonly [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
