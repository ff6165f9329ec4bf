/**
 * Checks a received TC3-HMAC-SHA256 signature the way Tencent Cloud's gateway does: parse the
 * Authorization header, look up the secret key of its secret id, check its scope date against the
 * request's timestamp, recompute the signature over the headers it names and compare.
 *
 * Only the mock verifies requests, so this lives here rather than in the client runtime (which
 * only signs); it reuses the runtime's signing steps so that both sides build the canonical
 * request the same way. Node only, like the rest of the mock.
 */
import { hmacSha256Hex, sha256Hex } from "../runtime/crypto.js";
import { cachedSigningKey } from "../runtime/signer.js";
import {
  buildCanonicalRequest,
  buildCredentialScope,
  buildStringToSign,
  TC3_ALGORITHM,
  utcDateOf,
} from "../runtime/signer-steps.js";

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

/**
 * Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b,
 * Signature=hex`; undefined when malformed.
 */
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
  if (utcDateOf(input.timestamp) !== parsed.date) {
    return { ok: false, reason: "scope-date-mismatch" };
  }
  const canonicalRequest = buildCanonicalRequest({
    method: input.method,
    uri: input.uri,
    query: input.query,
    headers: signedHeaderValues(input.headers, parsed.signedHeaders),
    signedHeaders: parsed.signedHeaders,
    hashedPayload: sha256Hex(input.payload),
  });
  const stringToSign = buildStringToSign(
    input.timestamp,
    parsed.credentialScope,
    sha256Hex(canonicalRequest),
  );
  const signingKey = cachedSigningKey(secretKey, parsed.date, parsed.service);
  return constantTimeEqual(hmacSha256Hex(signingKey, stringToSign), parsed.signature)
    ? { ok: true, secretId: parsed.secretId, service: parsed.service }
    : { ok: false, reason: "mismatch" };
}

/**
 * The received values of the headers a signature names, host without its port (the client signs
 * the bare hostname). Only own properties count, and the result has no prototype: a
 * `SignedHeaders=constructor` sent by a client reads as a missing header (and so fails the
 * signature), not as Object.prototype.constructor.
 */
function signedHeaderValues(
  received: Readonly<Record<string, string | undefined>>,
  names: readonly string[],
): Record<string, string> {
  const values = Object.create(null) as Record<string, string>;
  for (const name of names) {
    const value = Object.prototype.hasOwnProperty.call(received, name) ? received[name] : "";
    const text = typeof value === "string" ? value : "";
    values[name] = name === "host" ? stripPort(text) : text;
  }
  return values;
}

function stripPort(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

/** Compares in time independent of where the strings differ, so timing reveals no prefix. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
