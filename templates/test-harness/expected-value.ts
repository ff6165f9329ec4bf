/**
 * The value a client must return for a documented output, read from the page's JSON text.
 *
 * Written apart from the client's own parser (src/runtime/json.ts) so that a test compares the
 * client with an independent reading of the same text: integer literals beyond Number's safe
 * range are the page's exact digits as a decimal string, a number too large for a double
 * (`1e400`) is Infinity, `-0` keeps its sign and a `"__proto__"` key is an own key. It walks the
 * tokens in one loop with an explicit stack, so no nesting can overflow the call stack.
 */
import type { JsonValue } from "./example-data.js";

const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\]:,]|\s+/gy;

type Container =
  | { readonly kind: "array"; readonly value: JsonValue[] }
  | { readonly kind: "object"; readonly value: { [key: string]: JsonValue }; key?: string };

export function expectedValue(json: string): JsonValue {
  const stack: Container[] = [];
  let result: { value: JsonValue } | undefined;
  let pendingKey: string | undefined;
  const place = (value: JsonValue): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (result !== undefined) throw new Error("JSON text holds more than one value");
      result = { value };
    } else if (top.kind === "array") top.value.push(value);
    else {
      if (top.key === undefined) throw new Error("JSON object member without a key");
      setOwn(top.value, top.key, value);
      top.key = undefined;
    }
  };
  let position = 0;
  while (position < json.length) {
    TOKEN.lastIndex = position;
    const token = TOKEN.exec(json)?.[0];
    if (token === undefined) throw new Error(`not JSON text at offset ${position}`);
    position += token.length;
    const first = token.charAt(0);
    const top = stack[stack.length - 1];
    if (/\s/.test(first) || first === ",") continue;
    if (first === ":") {
      if (top?.kind !== "object" || pendingKey === undefined) throw new Error("misplaced ':'");
      top.key = pendingKey;
      pendingKey = undefined;
    } else if (first === '"') {
      const text = JSON.parse(token) as string;
      if (top?.kind === "object" && top.key === undefined) pendingKey = text;
      else place(text);
    } else if (first === "{" || first === "[") {
      stack.push(first === "{" ? { kind: "object", value: {} } : { kind: "array", value: [] });
    } else if (first === "}" || first === "]") {
      const closed = stack.pop();
      if (closed === undefined) throw new Error(`unbalanced '${first}'`);
      place(closed.value);
    } else if (token === "true" || token === "false" || token === "null") {
      place(token === "null" ? null : token === "true");
    } else place(numberValue(token));
  }
  if (result === undefined || stack.length > 0) throw new Error("incomplete JSON text");
  return result.value;
}

/**
 * An integer literal outside the safe range is its digits as written; other numbers are numbers.
 */
function numberValue(token: string): JsonValue {
  if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) return token;
  return Number(token);
}

/** A member named `__proto__` must be a key, not a new prototype. */
function setOwn(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
