/**
 * Checks one received request the way Tencent Cloud's API gateway does, in the same order:
 * protocol (POST with a JSON body), host, timestamp window, signature, version, action, body
 * (unknown parameters first, then the known ones' values). Pure: no I/O, the clock and
 * the key pairs are inputs, so every rule is unit-testable without a server.
 */
import { verifyTc3 } from "./verify-signature.js";
import { formatPath } from "../runtime/validation.js";
import type { MockAction, MockServiceDescription, RequestIssue } from "./mock-description.js";
import { BUILT_IN_ERROR_MESSAGES, type BuiltInErrorCode } from "./tencent-error-body.js";

/** Requests older or newer than this (in seconds) get AuthFailure.SignatureExpire. */
export const DEFAULT_TIMESTAMP_WINDOW_SECONDS = 300;

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as received, e.g. "/" or "/?a=b". */
  readonly url: string;
  /**
   * Headers keyed by lowercase name. Only own properties are read, so a plain object is safe,
   * but the server passes one without a prototype.
   */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body exactly as received, decoded as UTF-8. */
  readonly bodyText: string;
}

export interface CheckContext {
  readonly description: MockServiceDescription;
  /** Secret key by secret id. */
  readonly keys: ReadonlyMap<string, string>;
  /** The server's clock, seconds since the epoch. */
  readonly nowSeconds: number;
  readonly timestampWindowSeconds?: number;
  /**
   * Hostnames of the mock itself (e.g. "127.0.0.1"), accepted besides the service's hosts so that
   * a client configured with `endpoint: mock.url` works. The signature must still cover them.
   */
  readonly ownHosts?: readonly string[];
  /**
   * Accept any Host header: a mock listening on every interface (0.0.0.0, "::") is reached by
   * names it cannot know (a container's service name), so only the signature binds the host.
   */
  readonly anyHost?: boolean;
  /**
   * Accept body fields the action's pages do not list (known fields are still checked). Without
   * it such a field is answered with UnknownParameter, as the real service answers a field it
   * does not know.
   */
  readonly allowUnknownFields?: boolean;
}

export type CheckResult =
  | {
      readonly ok: true;
      readonly action: MockAction;
      readonly body: { readonly [key: string]: unknown };
      readonly signatureValid: true;
    }
  | {
      readonly ok: false;
      readonly code: BuiltInErrorCode;
      readonly message: string;
      /** undefined when the check stopped before the signature was looked at. */
      readonly signatureValid: boolean | undefined;
    };

function reject(
  code: BuiltInErrorCode,
  detail: string | undefined,
  signatureValid: boolean | undefined,
): CheckResult {
  const base = BUILT_IN_ERROR_MESSAGES[code];
  return {
    ok: false,
    code,
    message: detail === undefined ? base : `${base} ${detail}`,
    signatureValid,
  };
}

export function checkRequest(request: ReceivedRequest, context: CheckContext): CheckResult {
  const { description } = context;
  const headers = request.headers;
  if (request.method !== "POST") {
    return reject("UnsupportedProtocol", `Received ${request.method}.`, undefined);
  }
  const contentType = header(headers, "content-type");
  if (!isJsonContentType(contentType)) {
    const received =
      contentType === undefined ? "no Content-Type" : `Content-Type ${JSON.stringify(contentType)}`;
    return reject("UnsupportedProtocol", `Received ${received}; use application/json.`, undefined);
  }

  const host = hostnameOf(header(headers, "host") ?? "");
  const hosts = [description.host, ...(description.extraHosts ?? []), ...(context.ownHosts ?? [])];
  if (context.anyHost !== true && !hosts.includes(host)) {
    return reject(
      "InvalidParameter",
      `Host "${host}" is not an endpoint of ${description.service}.`,
      undefined,
    );
  }

  const authorization = header(headers, "authorization");
  if (authorization === undefined || authorization === "") {
    return reject("AuthFailure.InvalidAuthorization", "No Authorization header.", undefined);
  }
  const timestampText = header(headers, "x-tc-timestamp");
  if (timestampText === undefined) return reject("MissingParameter", "X-TC-Timestamp.", undefined);
  if (!/^\d{1,12}$/.test(timestampText)) {
    return reject(
      "InvalidParameter",
      `X-TC-Timestamp "${timestampText}" is not a number of seconds.`,
      undefined,
    );
  }
  const timestamp = Number(timestampText);
  const window = context.timestampWindowSeconds ?? DEFAULT_TIMESTAMP_WINDOW_SECONDS;
  if (Math.abs(context.nowSeconds - timestamp) > window) {
    return reject(
      "AuthFailure.SignatureExpire",
      `Server time is ${context.nowSeconds}, request time ${timestamp}.`,
      undefined,
    );
  }

  const [path = "/", query = ""] = splitOnce(request.url, "?");
  const verified = verifyTc3({
    authorization,
    secretKeyFor: (secretId) => context.keys.get(secretId),
    method: request.method,
    uri: path,
    query,
    headers,
    timestamp,
    payload: request.bodyText,
  });
  if (!verified.ok) {
    if (verified.reason === "malformed")
      return reject("AuthFailure.InvalidAuthorization", undefined, false);
    if (verified.reason === "unknown-secret-id")
      return reject("AuthFailure.SecretIdNotFound", undefined, false);
    return reject("AuthFailure.SignatureFailure", undefined, false);
  }
  if (verified.service !== description.service) {
    return reject(
      "AuthFailure.SignatureFailure",
      `Credential scope names service "${verified.service}".`,
      false,
    );
  }

  const version = header(headers, "x-tc-version");
  if (version === undefined) return reject("MissingParameter", "X-TC-Version.", true);
  if (version !== description.version) return reject("NoSuchVersion", `"${version}".`, true);
  const actionName = header(headers, "x-tc-action");
  if (actionName === undefined) return reject("MissingParameter", "X-TC-Action.", true);
  const action = description.actions.find((a) => a.name === actionName);
  if (action === undefined) return reject("InvalidAction", `"${actionName}".`, true);

  let body: unknown;
  try {
    body = JSON.parse(request.bodyText === "" ? "{}" : request.bodyText);
  } catch {
    return reject("InvalidParameter", "The body is not JSON.", true);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return reject("InvalidParameter", "The body is not a JSON object.", true);
  }
  const validation = action.request.validate(body);
  if (!validation.ok) {
    const unknown = validation.issues.filter((i) => i.unknownKey === true);
    if (unknown.length > 0 && context.allowUnknownFields !== true) {
      return reject("UnknownParameter", unknown.map(unknownParameterText).join(" "), true);
    }
    const invalid = validation.issues.filter((i) => i.unknownKey !== true);
    if (invalid.length > 0) {
      return reject("InvalidParameter", invalid.map((i) => i.message).join("; "), true);
    }
  }
  return {
    ok: true,
    action,
    body: body as { readonly [key: string]: unknown },
    signatureValid: true,
  };
}

/** "The parameter `DstInfo.Regoin` is not recognized.", naming the field by its path. */
function unknownParameterText(issue: RequestIssue): string {
  const name = issue.path === undefined ? issue.message : formatPath(issue.path);
  return `The parameter \`${name}\` is not recognized.`;
}

/** A header's value; only own properties, so no name can reach Object.prototype. */
function header(
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  return Object.hasOwn(headers, name) ? headers[name] : undefined;
}

/** `application/json`, in any letter case, with or without parameters such as `charset=utf-8`. */
function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const semicolon = value.indexOf(";");
  const mediaType = semicolon === -1 ? value : value.slice(0, semicolon);
  return mediaType.trim().toLowerCase() === "application/json";
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith("[")) return hostHeader.slice(0, hostHeader.indexOf("]") + 1);
  const colon = hostHeader.lastIndexOf(":");
  return (colon === -1 ? hostHeader : hostHeader.slice(0, colon)).toLowerCase();
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ""] : [text.slice(0, at), text.slice(at + 1)];
}
