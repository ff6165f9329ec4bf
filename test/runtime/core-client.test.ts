/**
 * The bare client (CoreClient): what it does with no features installed, and that each feature
 * installed by hand gives the behaviour ServiceClient has by default. Against a local server
 * that verifies every TC3 signature.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CoreClient, type ClientFeatures } from "../../templates/runtime/client-core.js";
import {
  ConfigurationError,
  TencentCloudError,
  ValidationError,
} from "../../templates/runtime/errors.js";
import { RateLimiter } from "../../templates/runtime/rate-limit.js";
import { standardRetry } from "../../templates/runtime/retry.js";
import {
  dtsDescriptor,
  FakeClock,
  modifyMigrateJob,
  rejectionOf,
  ResourceNotFoundJobNotExistError,
  SECRET_ID,
  SECRET_KEY,
} from "./client-harness.js";
import { FakeTencentServer } from "./fake-tencent-server.js";

let server: FakeTencentServer;
let clock: FakeClock;
beforeAll(async () => {
  server = await FakeTencentServer.start({ secretId: SECRET_ID, secretKey: SECRET_KEY });
});
beforeEach(() => {
  server.reset();
  clock = new FakeClock(Date.now());
});
afterAll(() => server.close());

// The hosts alone: a bare client is never handed the error registry unless asked.
const { errors: registry, ...hosts } = dtsDescriptor;

function bare(features?: ClientFeatures): CoreClient {
  return new CoreClient(
    hosts,
    {
      region: "ap-guangzhou",
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      endpoint: server.endpoint,
      clock,
    },
    features,
  );
}

describe("CoreClient with no features", () => {
  it("validates, signs and sends a call, and returns the Response content", async () => {
    const response = await bare().send(modifyMigrateJob, { JobId: "dts-1" });
    expect(response.RequestId).toMatch(/^req-/);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.signature.ok).toBe(true);
    expect(JSON.parse(server.received[0]?.body ?? "")).toEqual({ JobId: "dts-1" });
  });

  it("refuses an invalid request and sends nothing", async () => {
    const error = await rejectionOf(bare().send(modifyMigrateJob, { JobId: 1 } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(server.received).toHaveLength(0);
  });

  it("makes one attempt: a transient failure is thrown, marked retryable", async () => {
    server.next({ kind: "error", code: "InternalError" });
    const error = await rejectionOf(
      bare().send(modifyMigrateJob, { JobId: "dts-1" }, { maxAttempts: 5 }),
    );
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).toMatchObject({ code: "InternalError", retryable: true, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it("throws API errors as TencentCloudError with the code, message and request id", async () => {
    server.next({ kind: "error", code: "ResourceNotFound.JobNotExist", message: "gone" });
    const error = await rejectionOf(bare().send(modifyMigrateJob, { JobId: "dts-1" }));
    expect(error).not.toBeInstanceOf(ResourceNotFoundJobNotExistError);
    expect((error as TencentCloudError).constructor).toBe(TencentCloudError);
    expect(error).toMatchObject({ code: "ResourceNotFound.JobNotExist", message: "gone" });
    expect((error as TencentCloudError).requestId).toMatch(/^req-/);
  });

  it("does not limit the rate: 30 calls in the same instant all go out", async () => {
    const client = bare();
    await Promise.all(
      Array.from({ length: 30 }, () => client.send(modifyMigrateJob, { JobId: "dts-1" })),
    );
    expect(server.received).toHaveLength(30);
    expect(clock.sleeps).toEqual([]);
  });

  it("needs credentials in its options: without them it is not built", () => {
    expect(
      () => new CoreClient(hosts, { region: "ap-guangzhou", endpoint: server.endpoint }),
    ).toThrow(ConfigurationError);
  });
});

describe("CoreClient with features installed by hand", () => {
  it("errors: maps codes to the registered classes", async () => {
    server.next({ kind: "error", code: "ResourceNotFound.JobNotExist" });
    const error = await rejectionOf(
      bare({ errors: registry }).send(modifyMigrateJob, { JobId: "dts-1" }),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundJobNotExistError);
  });

  it("retry: standardRetry retries a transient failure after its backoff", async () => {
    server.next({ kind: "error", code: "InternalError" });
    const client = bare({ retry: standardRetry({ random: () => 0.5 }) });
    const response = await client.send(modifyMigrateJob, { JobId: "dts-1" });
    expect(response.RequestId).toMatch(/^req-/);
    expect(server.received).toHaveLength(2);
    expect(clock.sleeps).toEqual([50]);
  });

  it("rateLimiter: holds calls beyond the documented 20 per second", async () => {
    const client = bare({ rateLimiter: new RateLimiter({}, clock) });
    await Promise.all(
      Array.from({ length: 21 }, () => client.send(modifyMigrateJob, { JobId: "dts-1" })),
    );
    expect(server.received).toHaveLength(21);
    expect(clock.sleeps.length).toBeGreaterThan(0);
  });

  it("defaultCredentials: asked when the options carry none", async () => {
    const client = new CoreClient(
      hosts,
      { region: "ap-guangzhou", endpoint: server.endpoint, clock },
      { defaultCredentials: async () => ({ secretId: SECRET_ID, secretKey: SECRET_KEY }) },
    );
    await client.send(modifyMigrateJob, { JobId: "dts-1" });
    expect(server.received[0]?.signature.ok).toBe(true);
  });
});
