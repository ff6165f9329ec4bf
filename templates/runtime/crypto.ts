/**
 * Hashing primitives for the signer, backed by node:crypto.
 *
 * This file is the swap point for other platforms: a browser build substitutes a file with the
 * same exports. Everything else in the runtime reaches crypto only through here.
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
