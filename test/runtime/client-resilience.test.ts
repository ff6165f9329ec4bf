/** Retries, clock skew, timeouts and cancellation, against a local server with injected faults. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  NetworkError,
  RequestAbortedError,
  TencentCloudError,
  TimeoutError,
  UnexpectedResponseError,
} from "../../templates/runtime/errors.js";
import {
  AuthFailureError,
  expectNoSecretsLeaked,
  FakeClock,
  modifyMigrateJob,
  RequestLimitExceededError,
  rejectionOf,
  SECRET_ID,
  SECRET_KEY,
  testClient,
} from "./client-harness.js";
import { FakeTencentServer, type Behaviour } from "./fake-tencent-server.js";

let server: FakeTencentServer;
let clock: FakeClock;
let serverTime: number;
beforeAll(async () => {
  server = await FakeTencentServer.start({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    now: () => serverTime,
  });
});
beforeEach(() => {
  server.reset();
  clock = new FakeClock();
  serverTime = clock.time;
});
afterAll(async () => {
  await server.close();
  expectNoSecretsLeaked();
});

const request = { JobId: "dts-1" };
const half = () => 0.5;

describe("retries", () => {
  it.each<{ name: string; faults: Behaviour[] }>([
    { name: "HTTP 500 page", faults: [{ kind: "status", status: 500, body: "oops" }] },
    {
      name: "HTTP 503 twice",
      faults: [
        { kind: "status", status: 503, body: "" },
        { kind: "status", status: 503, body: "" },
      ],
    },
    { name: "dropped connection", faults: [{ kind: "drop" }] },
    { name: "throttling", faults: [{ kind: "error", code: "RequestLimitExceeded" }] },
    {
      name: "throttling sub-code",
      faults: [{ kind: "error", code: "RequestLimitExceeded.UinLimitExceeded" }],
    },
    { name: "InternalError", faults: [{ kind: "error", code: "InternalError" }] },
  ])("recovers from $name", async ({ faults }) => {
    server.next(...faults);
    const client = testClient({ endpoint: server.endpoint, clock, random: half });
    const result = await client.send(modifyMigrateJob, request);
    client.close();
    expect(result.RequestId).toMatch(/^req-/);
    expect(server.received).toHaveLength(faults.length + 1);
    // full jitter with random() = 0.5: half of 100 ms, then half of 200 ms
    expect(clock.sleeps).toEqual([50, 100].slice(0, faults.length));
    expect(server.received.every((r) => r.signature.ok)).toBe(true);
  });

  it("gives up after 3 attempts by default, marking the error retryable with attempts", async () => {
    server.next(
      ...Array.from({ length: 3 }, () => ({
        kind: "error" as const,
        code: "RequestLimitExceeded",
      })),
    );
    const client = testClient({ endpoint: server.endpoint, clock, random: half });
    const error = await rejectionOf(client.send(modifyMigrateJob, request));
    client.close();
    expect(error).toBeInstanceOf(RequestLimitExceededError);
    expect(error).toMatchObject({ code: "RequestLimitExceeded", retryable: true, attempts: 3 });
    expect(server.received).toHaveLength(3);
  });

  it("honours maxAttempts per client and per call", async () => {
    const faults = (n: number) =>
      Array.from({ length: n }, (): Behaviour => ({ kind: "status", status: 502, body: "" }));
    server.next(...faults(5));
    const client = testClient({ endpoint: server.endpoint, clock, random: half, maxAttempts: 5 });
    const error = await rejectionOf(client.send(modifyMigrateJob, request));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ httpStatus: 502, attempts: 5, retryable: true });
    expect(server.received).toHaveLength(5);

    server.received.length = 0;
    server.next(...faults(1));
    const once = await rejectionOf(client.send(modifyMigrateJob, request, { maxAttempts: 1 }));
    client.close();
    expect(once).toMatchObject({ attempts: 1, retryable: true });
    expect(server.received).toHaveLength(1);
  });

  it.each([
    { code: "AuthFailure.UnauthorizedOperation", Class: AuthFailureError },
    { code: "InvalidParameter", Class: TencentCloudError },
    { code: "InternalError.DBError", Class: TencentCloudError },
  ])("never retries $code", async ({ code, Class }) => {
    server.next({ kind: "error", code });
    const client = testClient({ endpoint: server.endpoint, clock });
    const error = await rejectionOf(client.send(modifyMigrateJob, request));
    client.close();
    expect(error).toBeInstanceOf(Class);
    expect(error).toMatchObject({ code, retryable: false, attempts: 1 });
    expect(server.received).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("reports a connection failure as a retryable NetworkError", async () => {
    const client = testClient({
      endpoint: "http://127.0.0.1:9",
      clock,
      random: half,
      maxAttempts: 2,
    });
    const error = await rejectionOf(client.send(modifyMigrateJob, request));
    client.close();
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      code: "NetworkError",
      retryable: true,
      attempts: 2,
      action: "ModifyMigrateJob",
    });
  });
});

describe("clock skew", () => {
  it("corrects the offset from the server Date header on SignatureExpire and retries once", async () => {
    serverTime = clock.time + 3_600_000; // the server is an hour ahead
    const client = testClient({ endpoint: server.endpoint, clock, maxAttempts: 1 });
    const result = await client.send(modifyMigrateJob, request);
    expect(result.RequestId).toMatch(/^req-/);
    expect(server.received).toHaveLength(2);
    expect(Number(server.received[0]!.headers["x-tc-timestamp"])).toBe(
      Math.floor(clock.time / 1000),
    );
    expect(Number(server.received[1]!.headers["x-tc-timestamp"])).toBe(
      Math.floor(serverTime / 1000),
    );
    expect(client.clockOffsetMs).toBe(3_600_000);

    // later calls use the learnt offset straight away
    server.received.length = 0;
    await client.send(modifyMigrateJob, request);
    client.close();
    expect(server.received).toHaveLength(1);
  });

  it("retries only once: a second SignatureExpire is thrown", async () => {
    const client = testClient({ endpoint: server.endpoint, clock });
    server.next(
      { kind: "error", code: "AuthFailure.SignatureExpire" },
      { kind: "error", code: "AuthFailure.SignatureExpire" },
    );
    const error = await rejectionOf(client.send(modifyMigrateJob, request));
    client.close();
    expect(error).toBeInstanceOf(AuthFailureError);
    expect(error).toMatchObject({ code: "AuthFailure.SignatureExpire", retryable: false });
    expect(server.received).toHaveLength(2);
  });
});

describe("timeouts and cancellation", () => {
  it("times out a slow response and retries it", async () => {
    server.next({ kind: "hang" });
    const client = testClient({ endpoint: server.endpoint, clock, random: half, timeout: 50 });
    const result = await client.send(modifyMigrateJob, request);
    client.close();
    expect(result.RequestId).toMatch(/^req-/);
    expect(server.received).toHaveLength(2);
  });

  it("a per-call timeout overrides the client's, and the error says so", async () => {
    server.next({ kind: "hang" });
    const client = testClient({ endpoint: server.endpoint, clock, timeout: 60_000 });
    const error = await rejectionOf(
      client.send(modifyMigrateJob, request, { timeout: 30, maxAttempts: 1 }),
    );
    client.close();
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      code: "RequestTimeout",
      retryable: true,
      attempts: 1,
      action: "ModifyMigrateJob",
    });
  });

  it("an already aborted signal sends nothing", async () => {
    const client = testClient({ endpoint: server.endpoint, clock });
    const error = await rejectionOf(
      client.send(modifyMigrateJob, request, { signal: AbortSignal.abort() }),
    );
    client.close();
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ retryable: false, attempts: 0 });
    expect(server.received).toHaveLength(0);
  });

  it("aborting an in-flight call rejects it and sends nothing more", async () => {
    const controller = new AbortController();
    server.next({ kind: "hang", onArrive: () => controller.abort() });
    const client = testClient({ endpoint: server.endpoint, clock });
    const error = await rejectionOf(
      client.send(modifyMigrateJob, request, { signal: controller.signal }),
    );
    client.close();
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ code: "RequestAborted", retryable: false, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it("aborting during the backoff stops the retries", async () => {
    server.next({ kind: "status", status: 500, body: "" });
    const controller = new AbortController();
    const client = testClient({
      endpoint: server.endpoint,
      clock: {
        now: clock.now,
        sleep: (_ms, signal) => {
          controller.abort();
          return Promise.reject(signal?.reason);
        },
      },
    });
    const error = await rejectionOf(
      client.send(modifyMigrateJob, request, { signal: controller.signal }),
    );
    client.close();
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.received).toHaveLength(1);
  });
});
