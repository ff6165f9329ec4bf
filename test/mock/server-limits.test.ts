/**
 * Issue 10, finding 12: the mock's memory stays bounded and its header lookups cannot reach
 * Object.prototype. It keeps only the latest `maxRecordedRequests` exchanges (100 by default),
 * answers a body over `maxBodyBytes` with RequestSizeLimitExceeded without buffering it (and
 * closes the connection of an endless one), answers `SignedHeaders=constructor` with
 * AuthFailure.SignatureFailure rather than InternalError, and requires application/json.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MOCK_CREDENTIALS,
  startMockServer,
  type MockServer,
} from "../../templates/mock/mock-api.js";
import { errorCodeOf, fixtureService, sendSigned } from "./fixture-service.js";

const NOW_MS = Date.UTC(2026, 10, 27, 12, 0, 0);
const NOW = NOW_MS / 1000;

interface RawAnswer {
  status: number;
  code: string | undefined;
  /** Body bytes the client handed to its socket before the exchange ended. */
  written: number;
  /** true when the client stopped at its own cap: nobody closed the connection. */
  capReached: boolean;
}

/**
 * Posts a chunked body (no Content-Length) of `total` bytes, or an endless one until the
 * connection closes (bounded by `cap`), with the mock's default headers (not signed: the size
 * check comes first).
 */
function postChunked(url: string, total: number | "endless", cap = 256 * 1024 * 1024) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise<RawAnswer>((resolve, reject) => {
    const answer: RawAnswer = { status: 0, code: undefined, written: 0, capReached: false };
    let answered = false;
    let closed = false;
    const finish = (): void => {
      if (answered && closed) resolve(answer);
    };
    const req = httpRequest(url, {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      answer.status = res.statusCode ?? 0;
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => {
        const json = JSON.parse(Buffer.concat(parts).toString("utf8")) as {
          Response?: { Error?: { Code?: string } };
        };
        answer.code = json.Response?.Error?.Code;
        answered = true;
        finish();
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The mock closing an endless upload is the expected end; anything else is a failure.
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    req.on("close", () => {
      closed = true;
      if (!answered) {
        answered = true; // a reset may beat the answer; the test then sees status 0
      }
      finish();
    });
    const pour = async (): Promise<void> => {
      const limit = total === "endless" ? cap : total;
      while (!req.destroyed && answer.written < limit) {
        const piece = chunk.subarray(0, Math.min(chunk.length, limit - answer.written));
        const flushed = req.write(piece);
        answer.written += piece.length;
        if (!flushed) {
          await new Promise<void>((go) => {
            const done = (): void => {
              req.off("drain", done);
              req.off("close", done);
              go();
            };
            req.on("drain", done);
            req.on("close", done);
          });
        }
      }
      if (total === "endless" && answer.written >= cap) answer.capReached = true;
      if (!req.destroyed) req.end();
    };
    void pour();
  });
}

describe("the mock's request history", () => {
  it("keeps the last 100 requests by default", async () => {
    const mock = await startMockServer(fixtureService, { now: () => NOW_MS });
    try {
      for (let i = 1; i <= 103; i++) {
        await sendSigned({ url: mock.url, timestamp: NOW, body: `{"JobId":"dts-${i}"}` });
      }
      expect(mock.requests).toHaveLength(100);
      expect(mock.requests[0]?.body).toEqual({ JobId: "dts-4" });
      expect(mock.lastRequest()?.body).toEqual({ JobId: "dts-103" });
    } finally {
      await mock.close();
    }
  });

  it.each([
    [3, ["dts-3", "dts-4", "dts-5"]],
    [1, ["dts-5"]],
    [0, []],
  ])("keeps the last %i when told to", async (maxRecordedRequests, want) => {
    const mock = await startMockServer(fixtureService, { now: () => NOW_MS, maxRecordedRequests });
    try {
      for (let i = 1; i <= 5; i++) {
        const answer = await sendSigned({
          url: mock.url,
          timestamp: NOW,
          body: `{"JobId":"dts-${i}"}`,
        });
        expect(errorCodeOf(answer)).toBeUndefined();
      }
      expect(mock.requests.map((r) => r.body?.["JobId"])).toEqual(want);
    } finally {
      await mock.close();
    }
  });

  it.each([-1, 1.5, Number.NaN])("refuses maxRecordedRequests %s", async (maxRecordedRequests) => {
    await expect(startMockServer(fixtureService, { maxRecordedRequests })).rejects.toThrow(
      /maxRecordedRequests/,
    );
  });
});

describe("the mock's body limit", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer(fixtureService, { now: () => NOW_MS, maxBodyBytes: 1024 * 1024 });
  });
  afterAll(() => mock.close());

  it("answers a Content-Length over the limit with RequestSizeLimitExceeded", async () => {
    const body = JSON.stringify({ JobId: "x".repeat(2 * 1024 * 1024) });
    const result = await sendSigned({ url: mock.url, timestamp: NOW, body });
    expect(result.status).toBe(200);
    expect(errorCodeOf(result)).toBe("RequestSizeLimitExceeded");
    expect(result.text).toContain("1048576 bytes");
    expect(mock.lastRequest()?.rawBody.length).toBe(0);
  });

  it("answers a chunked body over the limit the same way, keeping none of it", async () => {
    const answer = await postChunked(mock.url, 3 * 1024 * 1024);
    expect(answer).toMatchObject({ status: 200, code: "RequestSizeLimitExceeded" });
    expect(mock.lastRequest()?.errorCode).toBe("RequestSizeLimitExceeded");
    expect(mock.lastRequest()?.rawBody.length).toBe(0);
  });

  it("closes the connection of an endless body long before the client's own cap", async () => {
    const answer = await postChunked(mock.url, "endless");
    // The answer may or may not beat the connection's reset; the close is what bounds memory.
    expect(answer.capReached).toBe(false);
    expect(answer.written).toBeGreaterThan(1024 * 1024);
    expect(answer.written).toBeLessThan(256 * 1024 * 1024);
    expect(mock.lastRequest()?.errorCode).toBe("RequestSizeLimitExceeded");
  });

  it("still answers a body just under the limit normally", async () => {
    const body = JSON.stringify({ JobId: "dts-1", Limit: 1 }).replace("}", `${" ".repeat(4096)}}`);
    const result = await sendSigned({ url: mock.url, timestamp: NOW, body });
    expect(errorCodeOf(result)).toBeUndefined();
  });
});

describe("the mock's header checks over HTTP", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer(fixtureService, { now: () => NOW_MS });
  });
  afterAll(() => mock.close());

  it("answers SignedHeaders=constructor with AuthFailure.SignatureFailure, not InternalError", async () => {
    const date = new Date(NOW_MS).toISOString().slice(0, 10);
    const authorization =
      `TC3-HMAC-SHA256 Credential=${MOCK_CREDENTIALS.secretId}/${date}/dts/tc3_request, ` +
      `SignedHeaders=constructor;content-type;host, Signature=${"0".repeat(64)}`;
    const answer = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(mock.url, {
        method: "POST",
        headers: {
          host: "dts.tencentcloudapi.com",
          "content-type": "application/json",
          authorization,
          "x-tc-action": "DescribeMigrateJobs",
          "x-tc-version": "2018-03-30",
          "x-tc-timestamp": String(NOW),
        },
      });
      req.on("response", (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
      });
      req.on("error", reject);
      req.end('{"JobId":"dts-1"}');
    });
    expect(JSON.parse(answer)).toMatchObject({
      Response: { Error: { Code: "AuthFailure.SignatureFailure" } },
    });
    expect(mock.lastRequest()?.signatureValid).toBe(false);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "answers Content-Type %s with UnsupportedProtocol in Tencent's error shape",
    async (contentType) => {
      const result = await sendSigned({ url: mock.url, timestamp: NOW, contentType });
      expect(result.status).toBe(200);
      expect(errorCodeOf(result)).toBe("UnsupportedProtocol");
      expect(result.json).toMatchObject({
        Response: { Error: { Message: expect.stringContaining("application/json") } },
      });
    },
  );

  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "APPLICATION/JSON;charset=UTF-8",
  ])("accepts Content-Type %s", async (contentType) => {
    const result = await sendSigned({ url: mock.url, timestamp: NOW, contentType });
    expect(errorCodeOf(result)).toBeUndefined();
  });
});
