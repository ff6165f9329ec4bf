/**
 * Hashing primitives for the signer, backed by node:crypto.
 *
 * Only `signer.ts` imports it. A browser build does not swap this file: it swaps `signer.ts` for
 * `signer-browser.ts`, which hashes with `crypto-web.ts` (see platform-files.ts).
 */
import { createHash, createHmac } from "node:crypto";

/** Lowercase hex SHA-256 of the UTF-8 bytes of `data`. */
export function sha256Hex(data: string): string {
  return createHash("sha256").update(data, "utf8").digest("hex");
}

/** HMAC-SHA256 of the UTF-8 bytes of `data` under `key` (a string key is UTF-8 encoded). */
export function hmacSha256(key: string | Uint8Array, data: string): Uint8Array {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** Lowercase hex HMAC-SHA256, one call cheaper than hex-encoding `hmacSha256`. */
export function hmacSha256Hex(key: string | Uint8Array, data: string): string {
  return createHmac("sha256", key).update(data, "utf8").digest("hex");
}
