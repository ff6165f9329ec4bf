/**
 * TC3-HMAC-SHA256 request signing, as described in Tencent Cloud's "Signature v3" page.
 *
 * One small pure function per step (canonical request, string to sign, signing key,
 * Authorization header; the crypto-free ones in `signer-steps.ts`), composed by `signTc3`. The
 * signed headers match what the official Node SDK signs for a POST application/json call:
 * `content-type;host`, where host is the hostname without a port. Extra headers can be signed
 * with `extraSignedHeaders`.
 *
 * Synchronous, over node:crypto. A browser build swaps this file for `signer-browser.ts`: the
 * same exports over WebCrypto, with the hashing ones returning promises (see platform-files.ts).
 */
import { hmacSha256, hmacSha256Hex, sha256Hex } from "./crypto.js";
import {
  buildAuthorization,
  buildCanonicalRequest,
  buildCredentialScope,
  buildStringToSign,
  headersToSign,
  planVerification,
  rememberSigningKey,
  utcDateOf,
  verdict,
  type SignTc3Input,
  type SignTc3Result,
  type VerifyTc3Input,
  type VerifyTc3Result,
} from "./signer-steps.js";

export { hmacSha256, sha256Hex } from "./crypto.js";
export {
  buildAuthorization,
  buildCanonicalRequest,
  buildCredentialScope,
  buildStringToSign,
  parseAuthorization,
  TC3_ALGORITHM,
  utcDateOf,
  type CanonicalRequestParts,
  type ParsedAuthorization,
  type SignTc3Input,
  type SignTc3Result,
  type VerifyTc3Input,
  type VerifyTc3Result,
} from "./signer-steps.js";

/** Step 3a: the derived signing key (uncached). */
export function deriveSigningKey(secretKey: string, date: string, service: string): Uint8Array {
  const secretDate = hmacSha256(`TC3${secretKey}`, date);
  const secretService = hmacSha256(secretDate, service);
  return hmacSha256(secretService, "tc3_request");
}

const signingKeyCache = new Map<string, Uint8Array>();

// The key of the previous call: a client asks for the same (secretKey, date, service) all day,
// and comparing three strings is cheaper than building the cache's composite key each time.
let lastSigningKey: { secretKey: string; date: string; service: string; key: Uint8Array } = {
  secretKey: "",
  date: "",
  service: "",
  key: new Uint8Array(0),
};

/** `deriveSigningKey`, memoised per (secretKey, date, service). */
export function cachedSigningKey(secretKey: string, date: string, service: string): Uint8Array {
  const last = lastSigningKey;
  if (last.date === date && last.service === service && last.secretKey === secretKey) {
    return last.key;
  }
  const key = rememberSigningKey(signingKeyCache, deriveSigningKey, secretKey, date, service);
  lastSigningKey = { secretKey, date, service, key };
  return key;
}

/** Signs one request with TC3-HMAC-SHA256. */
export function signTc3(input: SignTc3Input): SignTc3Result {
  const headers = headersToSign(input);
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

/** Recomputes a TC3 signature the way the server does and compares it with the one received. */
export function verifyTc3(input: VerifyTc3Input): VerifyTc3Result {
  const plan = planVerification(input);
  if (!plan.ok) return plan;
  const { parsed } = plan;
  const canonicalRequest = buildCanonicalRequest({
    method: input.method,
    uri: input.uri,
    query: input.query,
    headers: plan.headers,
    signedHeaders: parsed.signedHeaders,
    hashedPayload: sha256Hex(input.payload),
  });
  const stringToSign = buildStringToSign(
    input.timestamp,
    parsed.credentialScope,
    sha256Hex(canonicalRequest),
  );
  const expected = hmacSha256Hex(
    cachedSigningKey(plan.secretKey, parsed.date, parsed.service),
    stringToSign,
  );
  return verdict(expected, parsed);
}
