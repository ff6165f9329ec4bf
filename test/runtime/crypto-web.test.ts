/**
 * The browser variants, run in Node over Node's own WebCrypto (globalThis.crypto.subtle):
 * crypto-web.ts against node:crypto, signer-browser.ts against signer.ts. test/browser/ repeats
 * the signer check inside headless Chromium.
 */
import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import * as web from "../../templates/runtime/crypto-web.js";
import { ConfigurationError } from "../../templates/runtime/errors.js";
import * as browserSigner from "../../templates/runtime/signer-browser.js";
import * as nodeSigner from "../../templates/runtime/signer.js";

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme-ascii", minLength: 50, maxLength: 200 }),
);
const key = fc.oneof(text, fc.uint8Array({ maxLength: 150 }));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("WebCrypto SHA-256 / HMAC (crypto-web.ts) equals node:crypto", () => {
  it.each(["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "迁移 😀", "\ud800 lone"])(
    "sha256Hex(%j)",
    async (data) => {
      expect(await web.sha256Hex(data)).toBe(createHash("sha256").update(data).digest("hex"));
    },
  );

  it("sha256Hex on generated strings", async () => {
    await fc.assert(
      fc.asyncProperty(text, async (data) => {
        expect(await web.sha256Hex(data)).toBe(
          createHash("sha256").update(data, "utf8").digest("hex"),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("hmacSha256 and hmacSha256Hex on generated keys (string and bytes, short and long)", async () => {
    await fc.assert(
      fc.asyncProperty(key, text, async (k, data) => {
        const want = createHmac("sha256", k).update(data, "utf8").digest();
        expect(Buffer.from(await web.hmacSha256(k, data)).equals(want)).toBe(true);
        expect(await web.hmacSha256Hex(k, data)).toBe(want.toString("hex"));
      }),
      { numRuns: 300 },
    );
  });

  it.each([{ given: "" }, { given: new Uint8Array(0) }])(
    "HMAC under an empty key $given (WebCrypto refuses to import one)",
    async ({ given }) => {
      const want = createHmac("sha256", given).update("data").digest("hex");
      expect(await web.hmacSha256Hex(given, "data")).toBe(want);
    },
  );

  it("accepts key bytes that are a view into a larger buffer", async () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const view = backing.subarray(2, 5);
    const want = createHmac("sha256", Buffer.from([1, 2, 3]))
      .update("x")
      .digest("hex");
    expect(await web.hmacSha256Hex(view, "x")).toBe(want);
  });
});

describe("without WebCrypto (an insecure browser context)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("fails with a ConfigurationError that says why", async () => {
    vi.stubGlobal("crypto", undefined);
    await expect(web.sha256Hex("x")).rejects.toThrow(ConfigurationError);
    await expect(web.hmacSha256Hex("k", "x")).rejects.toThrow(/secure context/);
  });
});

// What a browser replacement must look like: every export of signer.ts, with the same
// parameters, returning the same result or a promise of it.
type BrowserReplacement<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => R | Promise<R>
    : T[K];
};

describe("signer-browser.ts replaces signer.ts", () => {
  it("has exactly the same exports, with compatible types", () => {
    expectTypeOf(browserSigner).toExtend<BrowserReplacement<typeof nodeSigner>>();
    expectTypeOf<keyof typeof browserSigner>().toEqualTypeOf<keyof typeof nodeSigner>();
    expect(Object.keys(browserSigner).sort()).toEqual(Object.keys(nodeSigner).sort());
  });

  const signInput = fc.record({
    secretId: fc.stringMatching(/^AKID[A-Za-z0-9]{4,32}$/),
    secretKey: fc.string({ minLength: 1, maxLength: 40 }),
    service: fc.constantFrom("dts", "cvm", "cdb"),
    host: fc.constantFrom("dts.tencentcloudapi.com", "127.0.0.1"),
    timestamp: fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }),
    contentType: fc.constant("application/json"),
    payload: text,
  });

  it("signTc3 gives the Node signer's result", async () => {
    await fc.assert(
      fc.asyncProperty(signInput, async (input) => {
        expect(await browserSigner.signTc3(input)).toEqual(nodeSigner.signTc3(input));
      }),
      { numRuns: 200 },
    );
  });

  it("deriveSigningKey, cachedSigningKey and hmacSha256 give the Node signer's bytes", async () => {
    const want = hex(nodeSigner.deriveSigningKey("secret", "2026-11-27", "dts"));
    expect(hex(await browserSigner.deriveSigningKey("secret", "2026-11-27", "dts"))).toBe(want);
    const cached = browserSigner.cachedSigningKey("secret", "2026-11-27", "dts");
    expect(browserSigner.cachedSigningKey("secret", "2026-11-27", "dts")).toBe(cached);
    expect(hex(await cached)).toBe(want);
    expect(hex(await browserSigner.hmacSha256("k", "d"))).toBe(
      hex(nodeSigner.hmacSha256("k", "d")),
    );
    expect(await browserSigner.sha256Hex("d")).toBe(nodeSigner.sha256Hex("d"));
  });
});
