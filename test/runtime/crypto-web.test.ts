import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as portable from "../../templates/runtime/crypto-web.js";

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme-ascii", minLength: 50, maxLength: 200 }),
);
const key = fc.oneof(text, fc.uint8Array({ maxLength: 150 }));

describe("portable SHA-256 / HMAC (crypto-web.ts) equals node:crypto", () => {
  it.each(["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "a".repeat(1000)])(
    "sha256 of %j (padding edge cases)",
    (data) => {
      expect(portable.sha256Hex(data)).toBe(createHash("sha256").update(data).digest("hex"));
    },
  );

  it("sha256Hex on generated strings", () => {
    fc.assert(
      fc.property(text, (data) => {
        expect(portable.sha256Hex(data)).toBe(
          createHash("sha256").update(data, "utf8").digest("hex"),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("hmacSha256 and hmacSha256Hex on generated keys (string and bytes, short and long)", () => {
    fc.assert(
      fc.property(key, text, (k, data) => {
        const want = createHmac("sha256", k).update(data, "utf8").digest();
        expect(Buffer.from(portable.hmacSha256(k, data)).equals(want)).toBe(true);
        expect(portable.hmacSha256Hex(k, data)).toBe(want.toString("hex"));
      }),
      { numRuns: 500 },
    );
  });
});
