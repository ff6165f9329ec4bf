/**
 * The code block of an input example: a GET URL with a query string, or a POST request with
 * headers and a JSON body. Values stay strings here; `check/` types them.
 */
import type { JsonValue } from "../ir/types.js";
import {
  compactJson,
  jsonNestingDepth,
  MAX_EXAMPLE_JSON_DEPTH,
  memberText,
} from "./example-json.js";
import type { QueryPair, RawRequest } from "./parsed-page.js";

export type RequestReading =
  | {
      readonly ok: true;
      readonly request: RawRequest;
      readonly action?: string;
      /** Host of the example URL or Host header. */
      readonly host?: string;
      /** Parameters written `Key==value`; read with one "=". */
      readonly doubledEquals: readonly string[];
    }
  | ReadingFailure;

/** Why an example cannot be read; `depth` is set when its JSON nests past the limit. */
export interface ReadingFailure {
  readonly ok: false;
  readonly reason: string;
  readonly depth?: number;
}

export function readExampleRequest(code: string): RequestReading {
  const text = code.trim();
  if (/^POST\s/i.test(text)) return readPost(text);
  return readGet(text);
}

function readGet(text: string): RequestReading {
  const joined = text
    .split("\n")
    .map((line) => line.trim())
    .join("");
  const host = /^(?:https?:\/\/)?([a-z0-9.-]+\.[a-z]{2,})(?=[/?])/i
    .exec(joined)?.[1]
    ?.toLowerCase();
  const queryStart = joined.indexOf("?");
  if (queryStart < 0) return { ok: false, reason: "no query string" };
  const pairs: QueryPair[] = [];
  const doubledEquals: string[] = [];
  let action: string | undefined;
  // Some pages write a second "?" where "&" was meant ("?Action=X?Name=y").
  for (const part of joined.slice(queryStart + 1).split(/&|\?(?=[A-Za-z][\w.]*=)/)) {
    const piece = part.trim();
    // "<Common request parameters>", also written as a link "[<Common Request Parameters>](...)":
    // a note to the reader, not a parameter.
    if (piece === "" || /^\[?\s*</.test(piece)) continue;
    const equals = piece.indexOf("=");
    const key = decode(equals < 0 ? piece : piece.slice(0, equals)).trim();
    let value = equals < 0 ? "" : piece.slice(equals + 1);
    if (value.startsWith("=")) {
      doubledEquals.push(`${key}==${value.slice(1)}`);
      value = value.replace(/^=+/, "");
    }
    value = decode(value);
    if (key === "Action") action = value;
    else if (key !== "Version" && key !== "") pairs.push({ key, value });
  }
  return {
    ok: true,
    request: { style: "get", pairs },
    ...(action === undefined ? {} : { action }),
    ...(host === undefined ? {} : { host }),
    doubledEquals,
  };
}

function readPost(text: string): RequestReading {
  const lines = text.split("\n");
  let action: string | undefined;
  let host: string | undefined;
  let index = 1;
  for (; index < lines.length; index++) {
    const line = (lines[index] ?? "").trim();
    if (line === "") break;
    if (line.startsWith("{")) break;
    const header = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (header === null) continue; // "<Common Request Parameters>" and similar placeholders
    const name = (header[1] ?? "").toLowerCase();
    if (name === "x-tc-action") action = (header[2] ?? "").trim();
    if (name === "host") host = (header[2] ?? "").trim().toLowerCase();
  }
  const bodyText = lines.slice(index).join("\n").trim();
  let body: JsonValue = {};
  if (bodyText !== "") {
    const tooDeep = depthFailure(bodyText);
    if (tooDeep !== undefined) return tooDeep;
    try {
      body = JSON.parse(bodyText) as JsonValue;
    } catch {
      return { ok: false, reason: "the JSON body does not parse" };
    }
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, reason: "the JSON body is not an object" };
  }
  return {
    ok: true,
    request: { style: "post", body: body as { readonly [key: string]: JsonValue } },
    ...(action === undefined ? {} : { action }),
    ...(host === undefined ? {} : { host }),
    doubledEquals: [],
  };
}

function decode(text: string): string {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** JSON text nested past the limit is refused before anything parses or walks it. */
function depthFailure(text: string): ReadingFailure | undefined {
  const depth = jsonNestingDepth(text);
  if (depth <= MAX_EXAMPLE_JSON_DEPTH) return undefined;
  return { ok: false, reason: `nested ${depth} levels deep`, depth };
}

export type ResponseReading =
  | {
      readonly ok: true;
      /** The object inside `{"Response": ...}`, parsed (own `__proto__` keys stay data). */
      readonly response: { readonly [key: string]: JsonValue };
      /** The same object as the page wrote it, whitespace between tokens removed. */
      readonly responseJson: string;
    }
  | ReadingFailure;

/** The object inside `{"Response": ...}`, parsed and as text, or why the code is not such JSON. */
export function readExampleResponse(code: string): ResponseReading {
  const text = code.trim();
  const tooDeep = depthFailure(text);
  if (tooDeep !== undefined) return tooDeep;
  let parsed: JsonValue;
  try {
    // JSON.parse defines every key as an own property, "__proto__" included: nothing is assigned
    // through a prototype here.
    parsed = JSON.parse(text) as JsonValue;
  } catch {
    return { ok: false, reason: "it does not parse as JSON" };
  }
  if (!isObject(parsed)) return { ok: false, reason: "it is not a JSON object" };
  const response = Object.hasOwn(parsed, "Response") ? parsed["Response"] : undefined;
  const responseJson = memberText(compactJson(text), "Response");
  if (response === undefined || !isObject(response) || responseJson === undefined) {
    return { ok: false, reason: "it has no Response object" };
  }
  return { ok: true, response, responseJson };
}

function isObject(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
