/**
 * Issue 6 end to end: the generated DtsClient (generated/dts) against the generated mock server,
 * which checks every request's signature, with the mock's own fault injection: dropped
 * connections, HTTP 500s, slow responses, throttling and a skewed server clock. Also: no
 * secret in any error or log line, and the request id on results and errors.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AuthFailureError,
  DtsClient,
  NetworkError,
  RequestAbortedError,
  TencentCloudError,
  TimeoutError,
  UnexpectedResponseError,
  type ClientOptions,
  type ModifyMigrateJobRequest,
} from "../../generated/dts/src/v20180330/index.js";
import {
  MOCK_CREDENTIALS,
  startDtsMock,
  type MockServer,
} from "../../generated/dts/src/mock/index.js";

const request: ModifyMigrateJobRequest = {
  JobId: "dts-1kl0iy0v",
  JobName: "userdts",
  DstInfo: { Region: "ap-guangzhou", ReadOnly: 0 },
};
let mock: MockServer;
const logLines: string[] = [];
const thrown: unknown[] = [];

beforeAll(async () => {
  mock = await startDtsMock();
});
const DELAY_MS = 300;
/** Lets a delayed request the client gave up on reach the mock's record before the next test. */
const delayedRequestsLand = () => new Promise((resolve) => setTimeout(resolve, DELAY_MS + 50));
afterEach(() => mock.reset());
afterAll(async () => {
  await mock.close();
});

/** A client for the mock: real clock, backoff without waiting, every log line kept. */
function client(options: Partial<ClientOptions> = {}): DtsClient {
  const keep =
    (level: string) =>
    (message: string, data?: Readonly<Record<string, unknown>>): void => {
      logLines.push(`${level} ${message} ${JSON.stringify(data)}`);
    };
  return new DtsClient({
    region: "ap-guangzhou",
    credentials: { ...MOCK_CREDENTIALS },
    endpoint: mock.url,
    rateLimit: false,
    clock: { now: () => Date.now(), sleep: () => Promise.resolve() },
    logger: { debug: keep("debug"), info: keep("info"), warn: keep("warn") },
    ...options,
  });
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  thrown.push(error);
  return error;
}

describe("transient faults are retried (3 attempts by default)", () => {
  it.each([
    { fault: { kind: "drop" } as const, name: "a dropped connection" },
    { fault: { kind: "http-status", status: 500 } as const, name: "an HTTP 500" },
    { fault: { kind: "throttle" } as const, name: "RequestLimitExceeded" },
  ])("$name, then success", async ({ fault }) => {
    mock.injectFault(fault);
    const dts = client();
    const result = await dts.modifyMigrateJob(request);
    dts.close();
    expect(typeof result.RequestId).toBe("string");
    expect(mock.requests.map((r) => r.fault?.kind)).toEqual([fault.kind, undefined]);
    expect(mock.lastRequest()?.signatureValid).toBe(true);
  });

  it.each([
    { fault: { kind: "drop" } as const, want: NetworkError },
    { fault: { kind: "http-status", status: 503 } as const, want: UnexpectedResponseError },
    { fault: { kind: "throttle" } as const, want: TencentCloudError },
  ])("$fault.kind three times: gives up, retryable, attempts 3", async ({ fault, want }) => {
    for (let i = 0; i < 3; i++) mock.injectFault(fault);
    const dts = client();
    const error = await failure(dts.modifyMigrateJob(request));
    dts.close();
    expect(error).toBeInstanceOf(want);
    expect(error).toMatchObject({ retryable: true, attempts: 3 });
    expect(mock.requests).toHaveLength(3);
  });

  it("a slow response times out (per call) and the retry succeeds", async () => {
    mock.injectFault({ kind: "delay", ms: DELAY_MS });
    const dts = client();
    const result = await dts.modifyMigrateJob(request, { timeout: 100 });
    await delayedRequestsLand();
    dts.close();
    expect(typeof result.RequestId).toBe("string");
    expect(mock.requests.map((r) => r.fault?.kind).sort()).toEqual(["delay", undefined]);
  });

  it("a slow response with maxAttempts 1 is a TimeoutError after one attempt", async () => {
    mock.injectFault({ kind: "delay", ms: DELAY_MS });
    const dts = client({ timeout: 100, maxAttempts: 1 });
    const error = await failure(dts.modifyMigrateJob(request));
    await delayedRequestsLand();
    dts.close();
    expect(error).toBeInstanceOf(TimeoutError);
    expect(mock.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: "RequestTimeout", attempts: 1, retryable: true });
  });
});

describe("never retried", () => {
  it("an auth failure (the mock rejects a wrong key) fails at once with its request id", async () => {
    const dts = client({
      credentials: { secretId: MOCK_CREDENTIALS.secretId, secretKey: "wrong-DO-NOT-LEAK" },
    });
    const error = await failure(dts.modifyMigrateJob(request));
    dts.close();
    expect(error).toBeInstanceOf(AuthFailureError);
    expect(error).toMatchObject({ retryable: false, attempts: 1 });
    expect((error as TencentCloudError).requestId).toBe(mock.lastRequest()?.requestId);
    expect(mock.requests).toHaveLength(1);
  });

  it("a cancelled call during a slow response sends nothing more", async () => {
    mock.injectFault({ kind: "delay", ms: DELAY_MS });
    const controller = new AbortController();
    const dts = client();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(dts.modifyMigrateJob(request, { signal: controller.signal }));
    await delayedRequestsLand();
    dts.close();
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(mock.requests).toHaveLength(1);
  });
});

describe("clock skew", () => {
  it("a server clock 10 minutes ahead: SignatureExpire, offset learnt from Date, one retry", async () => {
    mock.setClock(() => Date.now() + 600_000);
    const dts = client({ maxAttempts: 1 });
    const result = await dts.modifyMigrateJob(request);
    expect(dts.clockOffsetMs).toBeGreaterThan(590_000);
    await dts.modifyMigrateJob(request); // the offset is kept: no second SignatureExpire
    dts.close();
    mock.setClock(() => Date.now());
    expect(result.RequestId).toBeDefined();
    expect(mock.requests.map((r) => r.errorCode)).toEqual([
      "AuthFailure.SignatureExpire",
      undefined,
      undefined,
    ]);
  });
});

describe("rate limiting against the mock", () => {
  it("is on by default: the 21st call within a second waits for a token", async () => {
    let now = Date.now();
    const waits: number[] = [];
    const dts = client({
      rateLimit: undefined,
      clock: {
        now: () => now,
        sleep: (ms) => {
          waits.push(ms);
          now += ms;
          return Promise.resolve();
        },
      },
    });
    await Promise.all(Array.from({ length: 21 }, () => dts.modifyMigrateJob(request)));
    dts.close();
    expect(waits.length).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(21);
  });
});

describe("secrets", () => {
  it("never appear in an error or a log line produced above", () => {
    expect(thrown.length).toBeGreaterThan(5);
    const texts = [
      ...logLines,
      ...thrown.flatMap((e) => [
        String(e),
        JSON.stringify(e),
        (e as Error).message,
        (e as Error).stack ?? "",
      ]),
    ];
    for (const text of texts) {
      expect(text).not.toContain(MOCK_CREDENTIALS.secretKey);
      expect(text).not.toContain("wrong-DO-NOT-LEAK");
      expect(text).not.toContain("TC3-HMAC-SHA256 Credential");
    }
  });
});
