/**
 * SHA-256 and HMAC-SHA256 over WebCrypto (`crypto.subtle`), for builds without node:crypto
 * (browsers, workers, edge runtimes). The same names as `crypto.ts`, but asynchronous, because
 * WebCrypto is; `signer-browser.ts` is the signer that awaits them. Checked against node:crypto
 * in test/runtime/crypto-web.test.ts and in headless Chromium by test/browser/.
 */
import { ConfigurationError } from "./errors.js";

const encoder = new TextEncoder();
const HMAC_SHA256 = { name: "HMAC", hash: "SHA-256" } as const;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (s === undefined) {
    throw new ConfigurationError(
      "WebCrypto (crypto.subtle) is unavailable: browsers offer it only to secure contexts " +
        "(https:// pages or http://localhost)",
    );
  }
  return s;
}

// WebCrypto accepts only ArrayBuffer-backed views; TextEncoder output always is, and a caller's
// key bytes are copied when they are not.
function bufferOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

// Importing a key costs a round trip through WebCrypto. The signer reuses one cached derived
// key (the same Uint8Array) for every request of a day, so its CryptoKey is kept beside it
// (key bytes are treated as immutable once used, as the signer's cache already assumes).
const importedKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

// HMAC pads a key shorter than the 64-byte block with zeros, so an empty key (which WebCrypto
// refuses to import) is the same key as 64 zero bytes.
const EMPTY_KEY_EQUIVALENT = new Uint8Array(64);

function importHmacKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const raw = bytes.length === 0 ? EMPTY_KEY_EQUIVALENT : bytes;
  return subtle().importKey("raw", raw, HMAC_SHA256, false, ["sign"]);
}

function hmacKey(key: string | Uint8Array): Promise<CryptoKey> {
  if (typeof key === "string") return importHmacKey(encoder.encode(key));
  let imported = importedKeys.get(key);
  if (imported === undefined) {
    imported = importHmacKey(bufferOf(key));
    importedKeys.set(key, imported);
  }
  return imported;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function toHex(buffer: ArrayBuffer): string {
  let hex = "";
  for (const byte of new Uint8Array(buffer)) hex += HEX[byte];
  return hex;
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `data`. */
export async function sha256Hex(data: string): Promise<string> {
  return toHex(await subtle().digest("SHA-256", encoder.encode(data)));
}

/** HMAC-SHA256 of the UTF-8 bytes of `data` under `key` (a string key is UTF-8 encoded). */
export async function hmacSha256(key: string | Uint8Array, data: string): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign("HMAC", await hmacKey(key), encoder.encode(data)));
}

/** Lowercase hex HMAC-SHA256. */
export async function hmacSha256Hex(key: string | Uint8Array, data: string): Promise<string> {
  return toHex(await subtle().sign("HMAC", await hmacKey(key), encoder.encode(data)));
}
