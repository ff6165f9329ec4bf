/**
 * Hashing primitives for the signer, backed by node:crypto.
 *
 * Only `signer.ts` imports it. A browser build does not swap this file: it swaps `signer.ts` for
 * `signer-browser.ts`, which hashes with `crypto-web.ts` (see platform-files.ts).
 */
import * as nodeCrypto from "node:crypto";

const { createHash, createHmac } = nodeCrypto;
// One-shot `crypto.hash` (Node >= 20.12 / 21.7) is about twice as fast as a Hash object for
// inputs this small; a namespace lookup rather than a named import, so Node 18 still loads this.
const oneShotHash = (nodeCrypto as { hash?: typeof nodeCrypto.hash }).hash;

/** Lowercase hex SHA-256 of the UTF-8 bytes of `data`. */
export const sha256Hex: (data: string) => string =
  typeof oneShotHash === "function"
    ? (data) => oneShotHash("sha256", data, "hex")
    : (data) => createHash("sha256").update(data, "utf8").digest("hex");

/** HMAC-SHA256 of the UTF-8 bytes of `data` under `key` (a string key is UTF-8 encoded). */
export function hmacSha256(key: string | Uint8Array, data: string): Uint8Array {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** Lowercase hex HMAC-SHA256, one call cheaper than hex-encoding `hmacSha256`. */
export function hmacSha256Hex(key: string | Uint8Array, data: string): string {
  return createHmac("sha256", key).update(data, "utf8").digest("hex");
}
