/**
 * Browser build's replacement for `signer.ts`: the same exports, over WebCrypto. WebCrypto is
 * asynchronous, so the hashing functions (`sha256Hex`, `hmacSha256`, `deriveSigningKey`,
 * `cachedSigningKey`, `signTc3`) return promises here; the client awaits `signTc3`'s result,
 * which for the synchronous Node signer is a plain value. test/runtime/crypto-web.test.ts checks
 * that the shapes match and the values agree.
 */
import { hmacSha256, hmacSha256Hex, sha256Hex } from "./crypto-web.js";
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

export { hmacSha256, sha256Hex } from "./crypto-web.js";
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
export async function deriveSigningKey(
  secretKey: string,
  date: string,
  service: string,
): Promise<Uint8Array> {
  const secretDate = await hmacSha256(`TC3${secretKey}`, date);
  const secretService = await hmacSha256(secretDate, service);
  return hmacSha256(secretService, "tc3_request");
}

// Promises are cached, so concurrent first calls derive once. Derivation fails only where
// WebCrypto is missing (an insecure context), which no retry would change.
const signingKeyCache = new Map<string, Promise<Uint8Array>>();

/** `deriveSigningKey`, memoised per (secretKey, date, service). */
export function cachedSigningKey(
  secretKey: string,
  date: string,
  service: string,
): Promise<Uint8Array> {
  return rememberSigningKey(signingKeyCache, deriveSigningKey, secretKey, date, service);
}

/** Signs one request with TC3-HMAC-SHA256. */
export async function signTc3(input: SignTc3Input): Promise<SignTc3Result> {
  const headers = headersToSign(input);
  const signedHeaders = Object.keys(headers).sort();
  const date = utcDateOf(input.timestamp);
  // Hashing the payload and deriving the key (once a day) are independent: run them together.
  const [hashedPayload, signingKey] = await Promise.all([
    sha256Hex(input.payload),
    cachedSigningKey(input.secretKey, date, input.service),
  ]);
  const canonicalRequest = buildCanonicalRequest({
    method: input.method ?? "POST",
    uri: input.uri ?? "/",
    query: input.query ?? "",
    headers,
    signedHeaders,
    hashedPayload,
  });
  const credentialScope = buildCredentialScope(date, input.service);
  const stringToSign = buildStringToSign(
    input.timestamp,
    credentialScope,
    await sha256Hex(canonicalRequest),
  );
  const signature = await hmacSha256Hex(signingKey, stringToSign);
  const authorization = buildAuthorization({
    secretId: input.secretId,
    credentialScope,
    signedHeaders,
    signature,
  });
  return { authorization, signature, credentialScope, signedHeaders, hashedPayload };
}
