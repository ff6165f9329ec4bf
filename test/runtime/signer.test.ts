import { describe, expect, it } from "vitest";
import {
  buildAuthorization,
  buildCanonicalRequest,
  buildCredentialScope,
  buildStringToSign,
  cachedSigningKey,
  deriveSigningKey,
  hmacSha256,
  sha256Hex,
  signTc3,
  utcDateOf,
} from "../../templates/runtime/signer.js";

// Tencent's worked example from ../shared/reference/signature-v3.md ("Signature v3").
const example = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  host: "cvm.tencentcloudapi.com",
  timestamp: 1539084154,
  query: "Limit=10&Offset=0",
  contentType: "application/x-www-form-urlencoded",
  hashedCanonicalRequest: "91c9c192c14460df6c1ffc69e34e6c5e90708de2a6d282cccf957dbf1aa7f3a7",
  signature: "5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474",
};
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("hash primitives", () => {
  it.each([
    // FIPS 180-2 / RFC 4231 test vectors
    { given: "", want: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { given: "abc", want: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
  ])("sha256Hex($given)", ({ given, want }) => {
    expect(sha256Hex(given)).toBe(want);
  });

  it("hmacSha256 matches RFC 4231 test case 2", () => {
    expect(hex(hmacSha256("Jefe", "what do ya want for nothing?"))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("hashes strings as UTF-8 (sha256 of bytes c3 a9, computed with Python hashlib)", () => {
    expect(sha256Hex("\u00e9")).toBe(
      "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c",
    );
  });
});

describe("worked example, step by step", () => {
  const canonical = buildCanonicalRequest({
    method: "GET",
    uri: "/",
    query: example.query,
    headers: { "content-type": example.contentType, host: example.host },
    signedHeaders: ["content-type", "host"],
    hashedPayload: sha256Hex(""),
  });

  it("step 1: canonical request", () => {
    expect(canonical).toBe(
      [
        "GET",
        "/",
        "Limit=10&Offset=0",
        "content-type:application/x-www-form-urlencoded",
        "host:cvm.tencentcloudapi.com",
        "",
        "content-type;host",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
    expect(sha256Hex(canonical)).toBe(example.hashedCanonicalRequest);
  });

  it.each([
    { given: 0, want: "1970-01-01" },
    { given: 86_399, want: "1970-01-01" },
    { given: 86_400, want: "1970-01-02" },
    { given: 86_399, want: "1970-01-01" }, // back across the boundary: the remembered day changes
    { given: 1539084154, want: "2018-10-09" },
    { given: -1, want: "1969-12-31" },
  ])("utcDateOf($given) is $want, in any call order", ({ given, want }) => {
    expect(utcDateOf(given)).toBe(want);
    expect(utcDateOf(given)).toBe(want);
  });

  it("step 2: string to sign", () => {
    const scope = buildCredentialScope(utcDateOf(example.timestamp), "cvm");
    expect(scope).toBe("2018-10-09/cvm/tc3_request");
    expect(buildStringToSign(example.timestamp, scope, example.hashedCanonicalRequest)).toBe(
      "TC3-HMAC-SHA256\n1539084154\n2018-10-09/cvm/tc3_request\n" + example.hashedCanonicalRequest,
    );
  });

  it("step 3: signing key and signature", () => {
    const key = deriveSigningKey(example.secretKey, "2018-10-09", "cvm");
    const stringToSign = buildStringToSign(
      example.timestamp,
      "2018-10-09/cvm/tc3_request",
      example.hashedCanonicalRequest,
    );
    expect(hex(hmacSha256(key, stringToSign))).toBe(example.signature);
  });

  it("step 4: Authorization header", () => {
    expect(
      buildAuthorization({
        secretId: example.secretId,
        credentialScope: "2018-10-09/cvm/tc3_request",
        signedHeaders: ["content-type", "host"],
        signature: example.signature,
      }),
    ).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2018-10-09/cvm/tc3_request, " +
        "SignedHeaders=content-type;host, Signature=" +
        example.signature,
    );
  });

  it("signTc3 reproduces the whole example", () => {
    const result = signTc3({
      secretId: example.secretId,
      secretKey: example.secretKey,
      service: "cvm",
      host: example.host,
      timestamp: example.timestamp,
      method: "GET",
      query: example.query,
      contentType: example.contentType,
      payload: "",
    });
    expect(result.signature).toBe(example.signature);
    expect(result.signedHeaders).toEqual(["content-type", "host"]);
    expect(result.credentialScope).toBe("2018-10-09/cvm/tc3_request");
    expect(result.authorization).toContain(`Signature=${example.signature}`);
  });
});

describe("signTc3", () => {
  const base = {
    secretId: "AKIDtest",
    secretKey: "secret",
    service: "dts",
    host: "dts.tencentcloudapi.com",
    timestamp: 1_700_000_000,
    contentType: "application/json",
    payload: '{"JobId":"dts-1"}',
  };

  it("defaults to POST / with no query and signs content-type;host", () => {
    const explicit = signTc3({ ...base, method: "POST", uri: "/", query: "" });
    expect(signTc3(base)).toEqual(explicit);
    expect(explicit.signedHeaders).toEqual(["content-type", "host"]);
    expect(explicit.hashedPayload).toBe(sha256Hex(base.payload));
  });

  it("signs extra headers in sorted lowercase order", () => {
    const r = signTc3({ ...base, extraSignedHeaders: { "X-TC-Action": "ModifyMigrateJob" } });
    expect(r.signedHeaders).toEqual(["content-type", "host", "x-tc-action"]);
    expect(r.signature).not.toBe(signTc3(base).signature);
  });

  it("uses the UTC date of the timestamp in the scope", () => {
    // 2023-11-14T23:59:59Z and one second later
    expect(signTc3({ ...base, timestamp: 1_700_006_399 }).credentialScope).toBe(
      "2023-11-14/dts/tc3_request",
    );
    expect(signTc3({ ...base, timestamp: 1_700_006_400 }).credentialScope).toBe(
      "2023-11-15/dts/tc3_request",
    );
  });

  it("changes the signature when one byte of the payload changes", () => {
    const other = signTc3({ ...base, payload: '{"JobId":"dts-2"}' });
    expect(other.signature).not.toBe(signTc3(base).signature);
  });

  it("cached signing keys equal freshly derived ones, per key/date/service", () => {
    const a = cachedSigningKey("k1", "2024-01-01", "dts");
    expect(cachedSigningKey("k1", "2024-01-01", "dts")).toBe(a);
    expect(hex(a)).toBe(hex(deriveSigningKey("k1", "2024-01-01", "dts")));
    expect(hex(cachedSigningKey("k2", "2024-01-01", "dts"))).toBe(
      hex(deriveSigningKey("k2", "2024-01-01", "dts")),
    );
    expect(hex(cachedSigningKey("k1", "2024-01-02", "dts"))).not.toBe(hex(a));
  });

  it("a call that differs from the previous one in any single field gets that field's key", () => {
    // Consecutive calls, each changing one of secretKey, date, service from the call before.
    const calls: [string, string, string][] = [
      ["k1", "2024-01-01", "dts"],
      ["k2", "2024-01-01", "dts"],
      ["k2", "2024-01-02", "dts"],
      ["k2", "2024-01-02", "cvm"],
      ["k1", "2024-01-02", "cvm"],
      ["k1", "2024-01-01", "cvm"],
      ["k1", "2024-01-01", "dts"],
    ];
    for (const [secretKey, date, service] of calls) {
      expect(hex(cachedSigningKey(secretKey, date, service))).toBe(
        hex(deriveSigningKey(secretKey, date, service)),
      );
    }
  });
});
