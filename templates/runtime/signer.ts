/**
 * TC3-HMAC-SHA256 request signing, as described in Tencent Cloud's "Signature v3" page.
 *
 * One small pure function per step (canonical request, string to sign, signing key,
 * Authorization header), composed by `signTc3`. The signed headers match what the official
 * Node SDK signs for a POST application/json call: `content-type;host`, where host is the
 * hostname without a port. Extra headers can be signed with `extraSignedHeaders`.
 */
import { hmacSha256, hmacSha256Hex, sha256Hex } from "./crypto.js";

export { hmacSha256, sha256Hex } from "./crypto.js";

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

export interface CanonicalRequestParts {
  readonly method: string;
  readonly uri: string;
  readonly query: string;
  /** Header values keyed by lowercase header name; only `signedHeaders` are used. */
  readonly headers: Readonly<Record<string, string>>;
  /** Lowercase header names, sorted. */
  readonly signedHeaders: readonly string[];
  readonly hashedPayload: string;
}

/** Step 1: the canonical request. */
export function buildCanonicalRequest(r: CanonicalRequestParts): string {
  let canonicalHeaders = "";
  for (const name of r.signedHeaders) {
    const value = r.headers[name] ?? "";
    canonicalHeaders += `${name}:${value.trim().toLowerCase()}\n`;
  }
  return [
    r.method,
    r.uri,
    r.query,
    canonicalHeaders,
    r.signedHeaders.join(";"),
    r.hashedPayload,
  ].join("\n");
}

/** Step 2: the string to sign. */
export function buildStringToSign(
  timestamp: number,
  credentialScope: string,
  hashedCanonicalRequest: string,
): string {
  return `${TC3_ALGORITHM}\n${timestamp}\n${credentialScope}\n${hashedCanonicalRequest}`;
}

/** UTC date (YYYY-MM-DD) of a timestamp in seconds, as used in the credential scope. */
export function utcDateOf(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** `DATE/SERVICE/tc3_request`. */
export function buildCredentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

/** Step 3a: the derived signing key (uncached). */
export function deriveSigningKey(secretKey: string, date: string, service: string): Uint8Array {
  const secretDate = hmacSha256(`TC3${secretKey}`, date);
  const secretService = hmacSha256(secretDate, service);
  return hmacSha256(secretService, "tc3_request");
}

// The derived key changes once a day per service, so caching it saves three of the four HMACs.
// Keyed by the secret itself (kept only in memory, never logged); bounded so that rotating
// credentials cannot grow it without limit.
const SIGNING_KEY_CACHE_LIMIT = 64;
const signingKeyCache = new Map<string, Uint8Array>();

/** `deriveSigningKey`, memoised per (secretKey, date, service). */
export function cachedSigningKey(secretKey: string, date: string, service: string): Uint8Array {
  const cacheKey = `${date}\u0000${service}\u0000${secretKey}`;
  let key = signingKeyCache.get(cacheKey);
  if (key === undefined) {
    key = deriveSigningKey(secretKey, date, service);
    if (signingKeyCache.size >= SIGNING_KEY_CACHE_LIMIT) signingKeyCache.clear();
    signingKeyCache.set(cacheKey, key);
  }
  return key;
}

/** Step 4: the Authorization header. */
export function buildAuthorization(a: {
  readonly secretId: string;
  readonly credentialScope: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}): string {
  return (
    `${TC3_ALGORITHM} Credential=${a.secretId}/${a.credentialScope}, ` +
    `SignedHeaders=${a.signedHeaders.join(";")}, Signature=${a.signature}`
  );
}

export interface SignTc3Input {
  readonly secretId: string;
  readonly secretKey: string;
  /** Service name for the credential scope, e.g. "dts" (never derived from the endpoint). */
  readonly service: string;
  /** Hostname that goes into the signed `host` header (no port, as the official SDK signs it). */
  readonly host: string;
  /** Seconds since the epoch; also the X-TC-Timestamp header. */
  readonly timestamp: number;
  readonly method?: "POST" | "GET";
  readonly uri?: string;
  readonly query?: string;
  readonly contentType: string;
  /** Exact request body text ("" for GET). */
  readonly payload: string;
  /** More headers to sign, by name (any case) to value. */
  readonly extraSignedHeaders?: Readonly<Record<string, string>>;
}

export interface SignTc3Result {
  readonly authorization: string;
  readonly signature: string;
  readonly credentialScope: string;
  readonly signedHeaders: string[];
  readonly hashedPayload: string;
}

/** Signs one request with TC3-HMAC-SHA256. */
export function signTc3(input: SignTc3Input): SignTc3Result {
  const headers: Record<string, string> = { "content-type": input.contentType, host: input.host };
  if (input.extraSignedHeaders !== undefined) {
    for (const [name, value] of Object.entries(input.extraSignedHeaders)) {
      headers[name.toLowerCase()] = value;
    }
  }
  const signedHeaders = Object.keys(headers).sort();
  const hashedPayload = sha256Hex(input.payload);
  const canonicalRequest = buildCanonicalRequest({
    method: input.method ?? "POST",
    uri: input.uri ?? "/",
    query: input.query ?? "",
    headers,
    signedHeaders,
    hashedPayload,
  });
  const date = utcDateOf(input.timestamp);
  const credentialScope = buildCredentialScope(date, input.service);
  const stringToSign = buildStringToSign(
    input.timestamp,
    credentialScope,
    sha256Hex(canonicalRequest),
  );
  const signature = hmacSha256Hex(
    cachedSigningKey(input.secretKey, date, input.service),
    stringToSign,
  );
  const authorization = buildAuthorization({
    secretId: input.secretId,
    credentialScope,
    signedHeaders,
    signature,
  });
  return { authorization, signature, credentialScope, signedHeaders, hashedPayload };
}

/** The parts of a TC3 Authorization header. */
export interface ParsedAuthorization {
  readonly algorithm: typeof TC3_ALGORITHM;
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly credentialScope: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTHORIZATION_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9-]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/** Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=hex`; undefined when malformed. */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const m = AUTHORIZATION_PATTERN.exec(header);
  if (m === null) return undefined;
  const [, secretId = "", date = "", service = "", signed = "", signature = ""] = m;
  return {
    algorithm: TC3_ALGORITHM,
    secretId,
    date,
    service,
    credentialScope: buildCredentialScope(date, service),
    signedHeaders: signed.split(";"),
    signature,
  };
}

export interface VerifyTc3Input {
  /** The Authorization header as received. */
  readonly authorization: string;
  /** Looks up the secret key of a secret id; undefined when the id is unknown. */
  readonly secretKeyFor: (secretId: string) => string | undefined;
  readonly method: string;
  readonly uri: string;
  readonly query: string;
  /** Received headers keyed by lowercase name. The host value may carry a port; it is ignored. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly timestamp: number;
  readonly payload: string;
}

export type VerifyTc3Result =
  | { readonly ok: true; readonly secretId: string; readonly service: string }
  | {
      readonly ok: false;
      readonly reason: "malformed" | "unknown-secret-id" | "scope-date-mismatch" | "mismatch";
    };

/** Recomputes a TC3 signature the way the server does and compares it with the one received. */
export function verifyTc3(input: VerifyTc3Input): VerifyTc3Result {
  const parsed = parseAuthorization(input.authorization);
  if (parsed === undefined) return { ok: false, reason: "malformed" };
  const secretKey = input.secretKeyFor(parsed.secretId);
  if (secretKey === undefined) return { ok: false, reason: "unknown-secret-id" };
  if (utcDateOf(input.timestamp) !== parsed.date)
    return { ok: false, reason: "scope-date-mismatch" };
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = input.headers[name] ?? "";
    headers[name] = name === "host" ? stripPort(value) : value;
  }
  const canonicalRequest = buildCanonicalRequest({
    method: input.method,
    uri: input.uri,
    query: input.query,
    headers,
    signedHeaders: parsed.signedHeaders,
    hashedPayload: sha256Hex(input.payload),
  });
  const stringToSign = buildStringToSign(
    input.timestamp,
    parsed.credentialScope,
    sha256Hex(canonicalRequest),
  );
  const expected = hmacSha256Hex(
    cachedSigningKey(secretKey, parsed.date, parsed.service),
    stringToSign,
  );
  return constantTimeEqual(expected, parsed.signature)
    ? { ok: true, secretId: parsed.secretId, service: parsed.service }
    : { ok: false, reason: "mismatch" };
}

function stripPort(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
