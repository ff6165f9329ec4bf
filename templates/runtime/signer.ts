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
 * Verifying a received signature is the mock's job (`mock/verify-signature.ts`).
 */
import { hmacSha256, hmacSha256Hex, sha256Hex } from "./crypto.js";
import {
  buildAuthorization,
  buildCanonicalRequest,
  buildCredentialScope,
  buildStringToSign,
  headersToSign,
  rememberSigningKey,
  utcDateOf,
  type SignTc3Input,
  type SignTc3Result,
} from "./signer-steps.js";

export { hmacSha256, sha256Hex } from "./crypto.js";
export {
  buildAuthorization,
  buildCanonicalRequest,
  buildCredentialScope,
  buildStringToSign,
  TC3_ALGORITHM,
  utcDateOf,
  type CanonicalRequestParts,
  type SignTc3Input,
  type SignTc3Result,
} from "./signer-steps.js";

/** Step 3a: the derived signing key (uncached). */
export function deriveSigningKey(secretKey: string, date: string, service: string): Uint8Array {
  const secretDate = hmacSha256(`TC3${secretKey}`, date);
  const secretService = hmacSha256(secretDate, service);
  return hmacSha256(secretService, "tc3_request");
}

const signingKeyCache = new Map<string, Uint8Array>();

/** `deriveSigningKey`, memoised per (secretKey, date, service). */
export function cachedSigningKey(secretKey: string, date: string, service: string): Uint8Array {
  return rememberSigningKey(signingKeyCache, deriveSigningKey, secretKey, date, service);
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
