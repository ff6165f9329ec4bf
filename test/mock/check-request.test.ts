import { describe, expect, it } from "vitest";
import { signTc3 } from "../../templates/runtime/signer.js";
import { checkRequest, type ReceivedRequest } from "../../templates/mock/check-request.js";
import { MOCK_CREDENTIALS } from "../../templates/mock/server.js";
import { fixtureService } from "./fixture-service.js";

const NOW = 1_700_000_000;
const keys = new Map([[MOCK_CREDENTIALS.secretId, MOCK_CREDENTIALS.secretKey]]);

interface Given {
  method?: string;
  host?: string;
  signedHost?: string;
  service?: string;
  action?: string | undefined;
  version?: string | undefined;
  body?: string;
  sentBody?: string;
  timestamp?: number;
  secretId?: string;
  secretKey?: string;
  authorization?: string;
  /** The Content-Type sent and signed; `undefined` given explicitly sends none. */
  contentType?: string | undefined;
}

/** A request signed exactly as a correct client would, then altered as `given` says. */
function received(given: Given): ReceivedRequest {
  const body = given.body ?? '{"JobId":"dts-1"}';
  const timestamp = given.timestamp ?? NOW;
  const signed = signTc3({
    secretId: given.secretId ?? MOCK_CREDENTIALS.secretId,
    secretKey: given.secretKey ?? MOCK_CREDENTIALS.secretKey,
    service: given.service ?? "dts",
    host: given.signedHost ?? given.host ?? "dts.tencentcloudapi.com",
    timestamp,
    contentType: given.contentType ?? "application/json",
    payload: body,
  });
  const headers: Record<string, string | undefined> = {
    host: `${given.host ?? "dts.tencentcloudapi.com"}:8443`,
    "content-type": "contentType" in given ? given.contentType : "application/json",
    authorization: given.authorization ?? signed.authorization,
    "x-tc-timestamp": String(timestamp),
    "x-tc-action": "action" in given ? given.action : "DescribeMigrateJobs",
    "x-tc-version": "version" in given ? given.version : "2018-03-30",
  };
  return { method: given.method ?? "POST", url: "/", headers, bodyText: given.sentBody ?? body };
}

const cases: { name: string; given: Given; want: string | "ok" }[] = [
  { name: "a correctly signed valid request", given: {}, want: "ok" },
  {
    name: "a finance-region host",
    given: { host: "dts.ap-shenzhen-fsi.tencentcloudapi.com" },
    want: "ok",
  },
  { name: "timestamp at the edge of the window", given: { timestamp: NOW - 300 }, want: "ok" },
  { name: "GET", given: { method: "GET" }, want: "UnsupportedProtocol" },
  {
    name: "JSON with a charset parameter",
    given: { contentType: "application/json; charset=utf-8" },
    want: "ok",
  },
  { name: "JSON in upper case", given: { contentType: "Application/JSON" }, want: "ok" },
  { name: "text/plain", given: { contentType: "text/plain" }, want: "UnsupportedProtocol" },
  {
    name: "a form body",
    given: { contentType: "application/x-www-form-urlencoded" },
    want: "UnsupportedProtocol",
  },
  {
    name: "a JSON look-alike",
    given: { contentType: "application/jsonp" },
    want: "UnsupportedProtocol",
  },
  { name: "no Content-Type", given: { contentType: undefined }, want: "UnsupportedProtocol" },
  {
    // A plain headers object has Object.prototype.constructor: it must read as no header.
    name: "a prototype name among the signed headers",
    given: {
      authorization:
        `TC3-HMAC-SHA256 Credential=${MOCK_CREDENTIALS.secretId}/2023-11-14/dts/tc3_request, ` +
        `SignedHeaders=constructor;content-type;host, Signature=${"0".repeat(64)}`,
    },
    want: "AuthFailure.SignatureFailure",
  },
  {
    name: "another service's host",
    given: { host: "cvm.tencentcloudapi.com" },
    want: "InvalidParameter",
  },
  { name: "stale timestamp", given: { timestamp: NOW - 301 }, want: "AuthFailure.SignatureExpire" },
  {
    name: "timestamp from the future",
    given: { timestamp: NOW + 400 },
    want: "AuthFailure.SignatureExpire",
  },
  {
    name: "body changed by one byte after signing",
    given: { sentBody: '{"JobId":"dts-2"}' },
    want: "AuthFailure.SignatureFailure",
  },
  {
    name: "wrong secret key",
    given: { secretKey: "not-the-key" },
    want: "AuthFailure.SignatureFailure",
  },
  {
    name: "unknown secret id",
    given: { secretId: "AKIDunknown" },
    want: "AuthFailure.SecretIdNotFound",
  },
  {
    name: "host signed differently from the one sent",
    given: { signedHost: "dts.ap-shenzhen-fsi.tencentcloudapi.com" },
    want: "AuthFailure.SignatureFailure",
  },
  {
    name: "credential scope of another service",
    given: { service: "cvm" },
    want: "AuthFailure.SignatureFailure",
  },
  {
    name: "garbled Authorization",
    given: { authorization: "TC3-HMAC-SHA256 nonsense" },
    want: "AuthFailure.InvalidAuthorization",
  },
  { name: "unknown action", given: { action: "DeleteEverything" }, want: "InvalidAction" },
  { name: "missing action", given: { action: undefined }, want: "MissingParameter" },
  { name: "unknown version", given: { version: "2099-01-01" }, want: "NoSuchVersion" },
  {
    name: "body that fails the validator",
    given: { body: '{"JobId":7}' },
    want: "InvalidParameter",
  },
  {
    name: "body with an unknown key",
    given: { body: '{"JobId":"a","Nope":1}' },
    want: "UnknownParameter",
  },
  { name: "body that is not JSON", given: { body: "{JobId" }, want: "InvalidParameter" },
  { name: "body that is a JSON array", given: { body: "[]" }, want: "InvalidParameter" },
];

describe("checkRequest", () => {
  it.each(cases)("$name -> $want", ({ given, want }) => {
    const result = checkRequest(received(given), {
      description: fixtureService,
      keys,
      nowSeconds: NOW,
    });
    expect(result.ok ? "ok" : result.code).toBe(want);
  });

  it("names every validator issue in the InvalidParameter message", () => {
    const result = checkRequest(received({ body: '{"JobId":7}' }), {
      description: fixtureService,
      keys,
      nowSeconds: NOW,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe("InvalidParameter");
      expect(result.message).toContain("JobId: expected string");
      expect(result.signatureValid).toBe(true);
    }
  });

  it("answers unknown parameters first, naming each, in Tencent's UnknownParameter shape", () => {
    const result = checkRequest(received({ body: '{"JobId":7,"Extra":true,"Jobld":"x"}' }), {
      description: fixtureService,
      keys,
      nowSeconds: NOW,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "UnknownParameter",
      message:
        "Unknown parameter error. The parameter `Extra` is not recognized. " +
        "The parameter `Jobld` is not recognized.",
      signatureValid: true,
    });
  });

  it("with allowUnknownFields: unknown parameters pass, known ones are still checked", () => {
    const context = {
      description: fixtureService,
      keys,
      nowSeconds: NOW,
      allowUnknownFields: true,
    };
    expect(checkRequest(received({ body: '{"JobId":"a","NewerField":1}' }), context).ok).toBe(true);
    const invalid = checkRequest(received({ body: '{"JobId":7,"NewerField":1}' }), context);
    expect(invalid).toMatchObject({ ok: false, code: "InvalidParameter" });
    expect(invalid.ok ? "" : invalid.message).not.toContain("NewerField");
  });

  it("honours a custom timestamp window", () => {
    const context = {
      description: fixtureService,
      keys,
      nowSeconds: NOW,
      timestampWindowSeconds: 10,
    };
    expect(checkRequest(received({ timestamp: NOW - 10 }), context).ok).toBe(true);
    const late = checkRequest(received({ timestamp: NOW - 11 }), context);
    expect(late.ok ? "ok" : late.code).toBe("AuthFailure.SignatureExpire");
  });

  it("treats an empty body as an empty object", () => {
    const result = checkRequest(received({ body: "" }), {
      description: fixtureService,
      keys,
      nowSeconds: NOW,
    });
    // The fixture validator requires JobId, so an empty object is invalid, but it got past JSON parsing.
    expect(result.ok ? "ok" : result.message).toContain("JobId: expected string");
  });
});
