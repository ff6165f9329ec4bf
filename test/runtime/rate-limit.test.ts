import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateLimiter, TokenBucket } from "../../templates/runtime/rate-limit.js";
import {
  FakeClock,
  modifyMigrateJob,
  SECRET_ID,
  SECRET_KEY,
  testClient,
} from "./client-harness.js";
import { FakeTencentServer } from "./fake-tencent-server.js";

describe("TokenBucket", () => {
  it("allows a burst of `rate`, then one token per 1/rate seconds", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(4, clock);
    for (let i = 0; i < 4; i++) await bucket.take();
    expect(clock.sleeps).toEqual([]);
    await bucket.take();
    expect(clock.sleeps).toEqual([250]);
  });

  it("refills with elapsed time, up to capacity", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(10, clock);
    for (let i = 0; i < 10; i++) await bucket.take();
    clock.time += 10_000; // long idle: refills only to capacity
    for (let i = 0; i < 10; i++) await bucket.take();
    expect(clock.sleeps).toEqual([]);
    await bucket.take();
    expect(clock.sleeps).toEqual([100]);
  });

  it("serves concurrent callers in arrival order", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(1, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2]);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it("rejects when the signal fires while waiting", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(1, clock);
    await bucket.take();
    await expect(bucket.take(AbortSignal.abort())).rejects.toBeDefined();
  });
});

describe("RateLimiter", () => {
  it.each([
    { name: "documented rate", options: {}, documented: 2, calls: 3, want: [500] },
    {
      name: "no documented rate: unlimited",
      options: {},
      documented: undefined,
      calls: 50,
      want: [],
    },
    {
      name: "global override",
      options: { requestsPerSecond: 1 },
      documented: 20,
      calls: 2,
      want: [1000],
    },
    {
      name: "per-action override",
      options: { perAction: { A: 4 }, requestsPerSecond: 1 },
      documented: 20,
      calls: 5,
      want: [250],
    },
  ])("$name", async ({ options, documented, calls, want }) => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(options, clock);
    for (let i = 0; i < calls; i++) await limiter.take("A", documented);
    expect(clock.sleeps).toEqual(want);
  });

  it("keeps one bucket per action", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({}, clock);
    await limiter.take("A", 1);
    await limiter.take("B", 1);
    expect(clock.sleeps).toEqual([]);
    await limiter.take("A", 1);
    expect(clock.sleeps).toEqual([1000]);
  });
});

describe("client rate limiting at the documented 20 requests per second", () => {
  let server: FakeTencentServer;
  let clock: FakeClock;
  beforeAll(async () => {
    server = await FakeTencentServer.start({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      now: () => clock.now(),
    });
  });
  beforeEach(() => {
    server.reset();
    clock = new FakeClock();
  });
  afterAll(() => server.close());

  it("is on by default and shared by all calls through one client", async () => {
    const client = testClient({ endpoint: server.endpoint, clock, rateLimit: undefined });
    await Promise.all(
      Array.from({ length: 22 }, () => client.send(modifyMigrateJob, { JobId: "j" })),
    );
    await client.send(modifyMigrateJob, { JobId: "j" });
    client.close();
    expect(server.received).toHaveLength(23);
    expect(clock.sleeps).toEqual([50, 50, 50]);
  });

  it("can be turned off with rateLimit: false", async () => {
    const client = testClient({ endpoint: server.endpoint, clock, rateLimit: false });
    await Promise.all(
      Array.from({ length: 30 }, () => client.send(modifyMigrateJob, { JobId: "j" })),
    );
    client.close();
    expect(server.received).toHaveLength(30);
    expect(clock.sleeps).toEqual([]);
  });

  it("is configurable per action", async () => {
    const client = testClient({
      endpoint: server.endpoint,
      clock,
      rateLimit: { perAction: { ModifyMigrateJob: 2 } },
    });
    for (let i = 0; i < 3; i++) await client.send(modifyMigrateJob, { JobId: "j" });
    client.close();
    expect(clock.sleeps).toEqual([500]);
  });
});
