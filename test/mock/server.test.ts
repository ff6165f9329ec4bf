import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../templates/mock/mock-api.js";
import { errorCodeOf, fixtureService, sendSigned } from "./fixture-service.js";

const NOW_MS = Date.UTC(2026, 10, 27, 12, 0, 0);
const NOW = NOW_MS / 1000;

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(fixtureService, { now: () => NOW_MS });
});
afterAll(() => mock.close());
afterEach(() => {
  mock.reset();
  mock.setClock(() => NOW_MS);
});

describe("mock server over HTTP", () => {
  it("listens on 127.0.0.1 with a free port", () => {
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
  });

  it("answers a valid request with the example whose request equals the body", async () => {
    const result = await sendSigned({
      url: mock.url,
      timestamp: NOW,
      body: '{"JobId":"dts-2","Limit":5}',
    });
    expect(result.json).toEqual({ Response: { TotalCount: 2, RequestId: "req-second" } });
    const recorded = mock.lastRequest();
    expect(recorded?.signatureValid).toBe(true);
    expect(recorded?.body).toEqual({ JobId: "dts-2", Limit: 5 });
    expect(recorded?.rawBody.toString("utf8")).toBe('{"JobId":"dts-2","Limit":5}');
    expect(recorded?.headers["x-tc-action"]).toBe("DescribeMigrateJobs");
  });

  it("accepts its own address as the host when the signature covers it", async () => {
    const result = await sendSigned({ url: mock.url, timestamp: NOW, host: "127.0.0.1" });
    expect(errorCodeOf(result)).toBeUndefined();
    const other = await sendSigned({ url: mock.url, timestamp: NOW, host: "example.com" });
    expect(errorCodeOf(other)).toBe("InvalidParameter");
  });

  it("answers a valid request matching no example with the first example", async () => {
    const result = await sendSigned({ url: mock.url, timestamp: NOW, body: '{"JobId":"dts-9"}' });
    expect(result.json).toEqual({ Response: { TotalCount: 1, RequestId: "req-first" } });
  });

  it("answers an action without examples with just a RequestId", async () => {
    const result = await sendSigned({ url: mock.url, timestamp: NOW, action: "ModifyMigrateJob" });
    const response = (result.json as { Response: Record<string, unknown> }).Response;
    expect(Object.keys(response)).toEqual(["RequestId"]);
    expect(response["RequestId"]).toBe(mock.lastRequest()?.requestId);
  });

  it("rejects a body changed by one byte after signing with AuthFailure.SignatureFailure", async () => {
    const body = '{"JobId":"dts-1"}';
    const tampered = body.replace("1", "2");
    expect(Buffer.byteLength(tampered)).toBe(Buffer.byteLength(body));
    const result = await sendSigned({ url: mock.url, timestamp: NOW, body, sentBody: tampered });
    expect(errorCodeOf(result)).toBe("AuthFailure.SignatureFailure");
    expect(mock.lastRequest()?.signatureValid).toBe(false);
    expect(mock.lastRequest()?.rawBody.toString("utf8")).toBe(tampered);
  });

  it("answers errors in Tencent's shape with the recorded request id", async () => {
    const result = await sendSigned({ url: mock.url, timestamp: NOW - 3600 });
    expect(result.status).toBe(200);
    const recorded = mock.lastRequest();
    expect(result.json).toEqual({
      Response: {
        Error: { Code: "AuthFailure.SignatureExpire", Message: expect.any(String) },
        RequestId: recorded?.requestId,
      },
    });
    expect(recorded?.errorCode).toBe("AuthFailure.SignatureExpire");
  });

  it.each([
    { name: "unknown action", call: { action: "Nope" }, want: "InvalidAction" },
    { name: "invalid body", call: { body: '{"JobId":1}' }, want: "InvalidParameter" },
    { name: "wrong key", call: { secretKey: "x" }, want: "AuthFailure.SignatureFailure" },
  ])("answers $name with $want", async ({ call, want }) => {
    const result = await sendSigned({ url: mock.url, timestamp: NOW, ...call });
    expect(errorCodeOf(result)).toBe(want);
  });

  it("answers the next valid request with a documented error code on demand, once", async () => {
    mock.failNext("DescribeMigrateJobs", "ResourceNotFound.JobNotExist");
    const failed = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(failed.json).toEqual({
      Response: {
        Error: {
          Code: "ResourceNotFound.JobNotExist",
          Message: "The migration task does not exist.",
        },
        RequestId: mock.lastRequest()?.requestId,
      },
    });
    expect(mock.lastRequest()?.signatureValid).toBe(true);
    const next = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(errorCodeOf(next)).toBeUndefined();
  });

  it("repeats a failure as many times as asked", async () => {
    mock.failNext("DescribeMigrateJobs", "InternalError", { times: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push(errorCodeOf(await sendSigned({ url: mock.url, timestamp: NOW })));
    expect(codes).toEqual(["InternalError", "InternalError", undefined]);
  });

  it("does not spend a queued failure on an invalid request", async () => {
    mock.failNext("DescribeMigrateJobs", "InternalError", { message: "boom" });
    const bad = await sendSigned({ url: mock.url, timestamp: NOW, secretKey: "x" });
    expect(errorCodeOf(bad)).toBe("AuthFailure.SignatureFailure");
    const good = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(good.json).toMatchObject({
      Response: { Error: { Code: "InternalError", Message: "boom" } },
    });
  });

  it("refuses to fail with an undocumented code or for an unknown action", () => {
    expect(() => mock.failNext("DescribeMigrateJobs", "ResourceNotFound.Nope")).toThrow(
      /not a documented/,
    );
    expect(() => mock.failNext("Nope", "InternalError")).toThrow(/no action/);
  });

  it("follows its injected clock for the timestamp window and the Date header", async () => {
    mock.setClock(() => NOW_MS + 10 * 60 * 1000);
    const result = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(errorCodeOf(result)).toBe("AuthFailure.SignatureExpire");
    expect(result.headers["date"]).toBe(new Date(NOW_MS + 10 * 60 * 1000).toUTCString());
  });
});

describe("mock server faults", () => {
  it("drops the connection", async () => {
    mock.injectFault({ kind: "drop" });
    await expect(sendSigned({ url: mock.url, timestamp: NOW })).rejects.toThrow();
    expect(mock.lastRequest()?.fault).toEqual({ kind: "drop" });
    const after = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(errorCodeOf(after)).toBeUndefined();
  });

  it("answers HTTP 500", async () => {
    mock.injectFault({ kind: "http-status" });
    const result = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(result.status).toBe(500);
  });

  it("throttles", async () => {
    mock.injectFault({ kind: "throttle" });
    const result = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(errorCodeOf(result)).toBe("RequestLimitExceeded");
  });

  it("skews the server clock for one request", async () => {
    mock.injectFault({ kind: "skew-clock", seconds: 3600 });
    const skewed = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(errorCodeOf(skewed)).toBe("AuthFailure.SignatureExpire");
    expect(skewed.headers["date"]).toBe(new Date(NOW_MS + 3600 * 1000).toUTCString());
    const normal = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(errorCodeOf(normal)).toBeUndefined();
  });

  it("delays, then answers normally", async () => {
    mock.injectFault({ kind: "delay", ms: 5 });
    const result = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(errorCodeOf(result)).toBeUndefined();
    expect(mock.lastRequest()?.fault).toEqual({ kind: "delay", ms: 5 });
  });

  it("applies an action-scoped fault only to that action", async () => {
    mock.injectFault({ kind: "throttle" }, { action: "ModifyMigrateJob" });
    const other = await sendSigned({ url: mock.url, timestamp: NOW });
    expect(errorCodeOf(other)).toBeUndefined();
    const target = await sendSigned({ url: mock.url, timestamp: NOW, action: "ModifyMigrateJob" });
    expect(errorCodeOf(target)).toBe("RequestLimitExceeded");
  });

  it("rejects bodies over the size limit with RequestSizeLimitExceeded", async () => {
    const small = await startMockServer(fixtureService, { maxBodyBytes: 16, now: () => NOW_MS });
    try {
      const result = await sendSigned({
        url: small.url,
        timestamp: NOW,
        body: JSON.stringify({ JobId: "x".repeat(64) }),
      });
      expect(result.status).toBe(200);
      expect(errorCodeOf(result)).toBe("RequestSizeLimitExceeded");
      expect(small.lastRequest()?.rawBody.length).toBe(0);
    } finally {
      await small.close();
    }
  });
});

describe("mock server credentials", () => {
  it("accepts any of several key pairs and rejects the default one then", async () => {
    const pairs = [
      { secretId: "AKIDone", secretKey: "key-one" },
      { secretId: "AKIDtwo", secretKey: "key-two" },
    ];
    const multi = await startMockServer(fixtureService, { credentials: pairs, now: () => NOW_MS });
    try {
      for (const pair of pairs) {
        const ok = await sendSigned({ url: multi.url, timestamp: NOW, ...pair });
        expect(errorCodeOf(ok)).toBeUndefined();
      }
      const other = await sendSigned({ url: multi.url, timestamp: NOW });
      expect(errorCodeOf(other)).toBe("AuthFailure.SecretIdNotFound");
    } finally {
      await multi.close();
    }
  });
});
