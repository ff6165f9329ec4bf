/**
 * The mock's signature check: the header parser and `verifyTc3`, against requests signed by the
 * runtime's `signTc3` (the two must build the canonical request alike).
 */
import { describe, expect, it } from "vitest";
import { signTc3 } from "../../templates/runtime/signer.js";
import { parseAuthorization, verifyTc3 } from "../../templates/mock/verify-signature.js";

const example = { timestamp: 1539084154 };

describe("parseAuthorization", () => {
  it("parses a header built by signTc3", () => {
    const r = signTc3({
      secretId: "AKIDabc",
      secretKey: "k",
      service: "dts",
      host: "h",
      timestamp: example.timestamp,
      contentType: "application/json",
      payload: "{}",
    });
    expect(parseAuthorization(r.authorization)).toEqual({
      algorithm: "TC3-HMAC-SHA256",
      secretId: "AKIDabc",
      date: "2018-10-09",
      service: "dts",
      credentialScope: "2018-10-09/dts/tc3_request",
      signedHeaders: ["content-type", "host"],
      signature: r.signature,
    });
  });

  it.each([
    "",
    "Bearer abc",
    "TC3-HMAC-SHA256 Credential=AKID/2018-10-09/dts/tc3_request, SignedHeaders=content-type;host",
    "TC3-HMAC-SHA256 Credential=AKID/20181009/dts/tc3_request, SignedHeaders=host, Signature=" +
      "0".repeat(64),
    "TC3-HMAC-SHA256 Credential=AKID/2018-10-09/dts/tc3_request, SignedHeaders=host, Signature=xyz",
  ])("rejects malformed header %j", (header) => {
    expect(parseAuthorization(header)).toBeUndefined();
  });
});

describe("verifyTc3", () => {
  const input = {
    secretId: "AKIDv",
    secretKey: "sk",
    service: "dts",
    host: "127.0.0.1",
    timestamp: 1_700_000_000,
    contentType: "application/json",
    payload: '{"a":1}',
  };
  const signed = signTc3(input);
  const received = {
    authorization: signed.authorization,
    secretKeyFor: (id: string) => (id === "AKIDv" ? "sk" : undefined),
    method: "POST",
    uri: "/",
    query: "",
    headers: { "content-type": "application/json", host: "127.0.0.1:8080" },
    timestamp: input.timestamp,
    payload: input.payload,
  };

  it("accepts the request it signed (host port ignored)", () => {
    expect(verifyTc3(received)).toEqual({ ok: true, secretId: "AKIDv", service: "dts" });
  });

  it.each([
    { name: "body changed by one byte", change: { payload: '{"a":2}' }, reason: "mismatch" },
    { name: "other timestamp, same day", change: { timestamp: 1_700_000_001 }, reason: "mismatch" },
    {
      name: "other day",
      change: { timestamp: 1_700_000_000 + 86_400 },
      reason: "scope-date-mismatch",
    },
    { name: "unknown id", change: { secretKeyFor: () => undefined }, reason: "unknown-secret-id" },
    { name: "garbage header", change: { authorization: "x" }, reason: "malformed" },
  ])("rejects: $name", ({ change, reason }) => {
    expect(verifyTc3({ ...received, ...change })).toEqual({ ok: false, reason });
  });

  it("a signed header the request lacks reads as empty, even one named like a prototype member", () => {
    const extra = signTc3({ ...input, extraSignedHeaders: { constructor: "" } });
    expect(extra.signedHeaders).toEqual(["constructor", "content-type", "host"]);
    // Signed with an empty value and sent without the header: the check passes, and reading
    // received["constructor"] would have found Object.prototype.constructor instead.
    expect(verifyTc3({ ...received, authorization: extra.authorization })).toEqual({
      ok: true,
      secretId: "AKIDv",
      service: "dts",
    });
    const nonEmpty = signTc3({ ...input, extraSignedHeaders: { constructor: "x" } });
    expect(verifyTc3({ ...received, authorization: nonEmpty.authorization })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("ignores the port of a bracketed IPv6 host", () => {
    const v6 = signTc3({ ...input, host: "[::1]" });
    const headers = { ...received.headers, host: "[::1]:8080" };
    expect(verifyTc3({ ...received, authorization: v6.authorization, headers })).toEqual({
      ok: true,
      secretId: "AKIDv",
      service: "dts",
    });
  });
});
