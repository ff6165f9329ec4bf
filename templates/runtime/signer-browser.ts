/**
 * Browser build's replacement for `signer.ts`: the same exports, over WebCrypto. WebCrypto is
 * asynchronous, so the hashing functions (`sha256Hex`, `hmacSha256`, `deriveSigningKey`,
 * `cachedSigningKey`, `signTc3`, `verifyTc3`) return promises here; the client awaits
 * `signTc3`'s result only when it is a promise, so the synchronous Node signer pays no promise
 * hop. test/runtime/crypto-web.test.ts checks that the shapes match and the values agree.
 */
import { hmacSha256, hmacSha256Hex, sha256Hex } from "./crypto-web.js";
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

export { hmacSha256, sha256Hex } from "./crypto-web.js";
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

/** Recomputes a TC3 signature the way the server does and compares it with the one received. */
export async function verifyTc3(input: VerifyTc3Input): Promise<VerifyTc3Result> {
  const plan = planVerification(input);
  if (!plan.ok) return plan;
  const { parsed } = plan;
  const [hashedPayload, signingKey] = await Promise.all([
    sha256Hex(input.payload),
    cachedSigningKey(plan.secretKey, parsed.date, parsed.service),
  ]);
  const canonicalRequest = buildCanonicalRequest({
    method: input.method,
    uri: input.uri,
    query: input.query,
    headers: plan.headers,
    signedHeaders: parsed.signedHeaders,
    hashedPayload,
  });
  const stringToSign = buildStringToSign(
    input.timestamp,
    parsed.credentialScope,
    await sha256Hex(canonicalRequest),
  );
  return verdict(await hmacSha256Hex(signingKey, stringToSign), parsed);
}
