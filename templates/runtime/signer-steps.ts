/**
 * The crypto-free steps of TC3-HMAC-SHA256 (Tencent Cloud "Signature v3"): building the canonical
 * request, the string to sign, the credential scope and the Authorization header, and parsing one.
 *
 * They live apart from the hashing so that both signers share them: `signer.ts` (synchronous,
 * node:crypto) and `signer-browser.ts` (asynchronous, WebCrypto), which a browser build swaps in.
 */

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
    const value = ownHeader(r.headers, name);
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
  // Every request of a day asks for the same date; formatting a Date each time showed in profiles.
  const day = Math.floor(timestamp / 86_400);
  if (day !== lastDay.day)
    lastDay = { day, date: new Date(day * 86_400_000).toISOString().slice(0, 10) };
  return lastDay.date;
}
let lastDay = { day: NaN, date: "" };

/** `DATE/SERVICE/tc3_request`. */
export function buildCredentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

// The derived key changes once a day per service, so caching it saves three of the four HMACs.
// Keyed by the secret itself (kept only in memory, never logged); bounded so that rotating
// credentials cannot grow it without limit.
const SIGNING_KEY_CACHE_LIMIT = 64;

/**
 * `derive(secretKey, date, service)`, memoised in `cache` per (secretKey, date, service).
 * Both signers keep their own cache (of keys, or of promises of keys) through this.
 */
export function rememberSigningKey<Key>(
  cache: Map<string, Key>,
  derive: (secretKey: string, date: string, service: string) => Key,
  secretKey: string,
  date: string,
  service: string,
): Key {
  const cacheKey = `${date}\u0000${service}\u0000${secretKey}`;
  let key = cache.get(cacheKey);
  if (key === undefined) {
    key = derive(secretKey, date, service);
    if (cache.size >= SIGNING_KEY_CACHE_LIMIT) cache.clear();
    cache.set(cacheKey, key);
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

/** The headers `signTc3` signs, by lowercase name: content-type, host and any extra ones. */
export function headersToSign(input: SignTc3Input): Record<string, string> {
  const headers: Record<string, string> = { "content-type": input.contentType, host: input.host };
  if (input.extraSignedHeaders !== undefined) {
    for (const [name, value] of Object.entries(input.extraSignedHeaders)) {
      headers[name.toLowerCase()] = value;
    }
  }
  return headers;
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

/** What a verifier must recompute, or the reason it need not try. */
export type VerificationPlan =
  | {
      readonly ok: true;
      readonly parsed: ParsedAuthorization;
      readonly secretKey: string;
      /** Values of the signed headers as received, host without its port. */
      readonly headers: Readonly<Record<string, string>>;
    }
  | Extract<VerifyTc3Result, { ok: false }>;

/** The checks before any hashing: header syntax, known secret id, scope date. */
export function planVerification(input: VerifyTc3Input): VerificationPlan {
  const parsed = parseAuthorization(input.authorization);
  if (parsed === undefined) return { ok: false, reason: "malformed" };
  const secretKey = input.secretKeyFor(parsed.secretId);
  if (secretKey === undefined) return { ok: false, reason: "unknown-secret-id" };
  if (utcDateOf(input.timestamp) !== parsed.date)
    return { ok: false, reason: "scope-date-mismatch" };
  // No prototype: a signed header named "constructor" is a header like any other (absent here).
  const headers = Object.create(null) as Record<string, string>;
  for (const name of parsed.signedHeaders) {
    const value = ownHeader(input.headers, name);
    headers[name] = name === "host" ? stripPort(value) : value;
  }
  return { ok: true, parsed, secretKey, headers };
}

/** The verdict once the expected signature is known. */
export function verdict(expected: string, parsed: ParsedAuthorization): VerifyTc3Result {
  return constantTimeEqual(expected, parsed.signature)
    ? { ok: true, secretId: parsed.secretId, service: parsed.service }
    : { ok: false, reason: "mismatch" };
}

/**
 * A header's value by name, "" when absent. Only the object's own properties count: a
 * `SignedHeaders=constructor` sent by a client must read as a missing header (and so fail the
 * signature), not as Object.prototype.constructor.
 */
function ownHeader(headers: Readonly<Record<string, string | undefined>>, name: string): string {
  if (!Object.prototype.hasOwnProperty.call(headers, name)) return "";
  const value = headers[name];
  return typeof value === "string" ? value : "";
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
