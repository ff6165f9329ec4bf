/**
 * Portable replacement for `crypto.ts` in builds without node:crypto (browsers): the same
 * exports, synchronous, in plain TypeScript over TextEncoder. WebCrypto's `subtle` API is
 * async-only, which would make every signing step async; a small synchronous SHA-256 keeps
 * the signer's API identical on every platform. Checked against node:crypto in
 * test/runtime/crypto-web.test.ts.
 */

const encoder = new TextEncoder();

function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  return primes;
}
const fractionBits = (x: number): number => ((x - Math.floor(x)) * 0x100000000) >>> 0;
// FIPS 180-4: fractional parts of the cube roots (K) and square roots (H0) of the first primes.
const K = Uint32Array.from(firstPrimes(64), (p) => fractionBits(Math.cbrt(p)));
const H0 = Uint32Array.from(firstPrimes(8), (p) => fractionBits(Math.sqrt(p)));

function sha256(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array(((message.length + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const h = H0.slice();
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
}

function hmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

const bytesOf = (key: string | Uint8Array): Uint8Array =>
  typeof key === "string" ? encoder.encode(key) : key;

/** Lowercase hex SHA-256 of the UTF-8 bytes of `data`. */
export function sha256Hex(data: string): string {
  return toHex(sha256(encoder.encode(data)));
}

/** HMAC-SHA256 of the UTF-8 bytes of `data` under `key` (a string key is UTF-8 encoded). */
export function hmacSha256(key: string | Uint8Array, data: string): Uint8Array {
  return hmac(bytesOf(key), encoder.encode(data));
}

/** Lowercase hex HMAC-SHA256. */
export function hmacSha256Hex(key: string | Uint8Array, data: string): string {
  return toHex(hmacSha256(key, data));
}
