/**
 * The code block of an input example: a GET URL with a query string, or a POST request with
 * headers and a JSON body. Values stay strings here; `check/` types them.
 */
import type { JsonValue } from "../ir/types.js";
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
  | { readonly ok: false; readonly reason: string };

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
    if (piece === "" || piece.startsWith("<")) continue;
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

/** The object inside `{"Response": ...}`, or null when the text is not such JSON. */
export function readExampleResponse(code: string): { readonly [key: string]: JsonValue } | null {
  try {
    const parsed = JSON.parse(code.trim()) as JsonValue;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    const response = (parsed as { readonly [key: string]: JsonValue })["Response"];
    if (response === null || typeof response !== "object" || Array.isArray(response)) return null;
    return response as { readonly [key: string]: JsonValue };
  } catch {
    return null;
  }
}
