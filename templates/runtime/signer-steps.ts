/**
 * The crypto-free steps of TC3-HMAC-SHA256 (Tencent Cloud "Signature v3"): building the canonical
 * request, the string to sign, the credential scope and the Authorization header.
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
  // Formatting a Date was ~2 µs of a ~14 µs signature (2026-11-30); a day's requests share one.
  const day = Math.floor(timestamp / 86_400);
  if (day !== lastDay.day) {
    lastDay = { day, date: new Date(day * 86_400_000).toISOString().slice(0, 10) };
  }
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

/**
 * A header's value by name, "" when absent. Only the object's own properties count: a signed
 * header named "constructor" that `headers` lacks reads as missing, not as
 * Object.prototype.constructor (the mock's verifier passes the names a client sent).
 */
function ownHeader(headers: Readonly<Record<string, string | undefined>>, name: string): string {
  if (!Object.prototype.hasOwnProperty.call(headers, name)) return "";
  const value = headers[name];
  return typeof value === "string" ? value : "";
}
