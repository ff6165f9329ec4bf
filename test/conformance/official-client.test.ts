/**
 * Conformance with Tencent's official Node SDK (tencentcloud-sdk-nodejs): its DTS client is
 * accepted by our mock server, and our client puts the same signed headers and body bytes on the
 * wire as it does for the same request and timestamp.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ServiceClient, type OperationDescriptor } from "../../templates/runtime/client.js";
import { systemClock } from "../../templates/runtime/clock.js";
import {
  createMockTransport,
  MOCK_CREDENTIALS,
  startMockServer,
  type MockServer,
  type RecordedRequest,
} from "../../templates/mock/mock-api.js";
import {
  dtsMockDescription,
  isExampleRequest,
  modifyMigrateJobExample,
  modifyMigrateJobExampleResponse,
} from "./dts-mock-fixture.js";
import { officialDtsClient } from "./official-client.js";

// 2026-11-27T12:34:56Z, pinned for both clients and the mock.
const FIXED_MS = Date.UTC(2026, 10, 27, 12, 34, 56);

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(dtsMockDescription, { now: () => FIXED_MS });
});
afterAll(() => mock.close());
afterEach(() => {
  vi.useRealTimers();
  mock.reset();
});

function official() {
  return officialDtsClient({ mockPort: mock.port, ...MOCK_CREDENTIALS });
}

/** Our runtime client for DTS with the clock pinned, delivering to the mock over HTTP. */
function ours(): ServiceClient {
  return new ServiceClient(
    {
      service: "dts",
      version: "2018-03-30",
      host: "dts.tencentcloudapi.com",
      financeHostTemplate: "dts.{region}.tencentcloudapi.com",
      errors: { codes: {}, categories: {} },
    },
    {
      region: "ap-guangzhou",
      credentials: { ...MOCK_CREDENTIALS },
      transport: createMockTransport(mock.url),
      clock: { now: () => FIXED_MS, sleep: systemClock.sleep },
      rateLimit: false,
      maxAttempts: 1,
    },
  );
}

// The request validator is the mock's job here; the operation accepts anything it is given.
const modifyMigrateJob = {
  action: "ModifyMigrateJob",
  request: {
    name: "ModifyMigrateJobRequest",
    validate: (value: unknown) => ({ ok: true as const, value }),
    is: (_value: unknown): _value is unknown => true,
  },
} as unknown as OperationDescriptor<object, Record<string, unknown>>;

function pinDate(): void {
  vi.useFakeTimers({ toFake: ["Date"], now: FIXED_MS });
}

describe("official DTS client against the mock", () => {
  it("gets a successful ModifyMigrateJob response with the example output", async () => {
    pinDate();
    const response = await official().ModifyMigrateJob(modifyMigrateJobExample);
    expect(response).toEqual(modifyMigrateJobExampleResponse);
    const recorded = mock.lastRequest();
    expect(recorded?.signatureValid).toBe(true);
    expect(recorded?.errorCode).toBeUndefined();
    expect(recorded?.headers["host"]).toBe("dts.tencentcloudapi.com");
    expect(isExampleRequest(recorded?.body)).toBe(true);
  });

  it("is rejected with AuthFailure.SignatureFailure when signing with another key", async () => {
    pinDate();
    const client = officialDtsClient({
      mockPort: mock.port,
      secretId: MOCK_CREDENTIALS.secretId,
      secretKey: "not-the-mock-key",
    });
    await expect(client.ModifyMigrateJob(modifyMigrateJobExample)).rejects.toMatchObject({
      code: "AuthFailure.SignatureFailure",
    });
    expect(mock.lastRequest()?.signatureValid).toBe(false);
  });

  it("is rejected with AuthFailure.SignatureExpire when its clock is 10 minutes behind", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: FIXED_MS - 10 * 60 * 1000 });
    await expect(official().ModifyMigrateJob(modifyMigrateJobExample)).rejects.toMatchObject({
      code: "AuthFailure.SignatureExpire",
    });
  });
});

/** The headers both clients sign or that carry the call, as the mock received them. */
function wireView(recorded: RecordedRequest | undefined) {
  if (recorded === undefined) throw new Error("the mock received nothing");
  const h = recorded.headers;
  return {
    authorization: h["authorization"],
    "content-type": h["content-type"],
    host: h["host"],
    "x-tc-action": h["x-tc-action"],
    "x-tc-version": h["x-tc-version"],
    "x-tc-timestamp": h["x-tc-timestamp"],
    "x-tc-region": h["x-tc-region"],
    body: recorded.rawBody.toString("hex"),
  };
}

const requests: { name: string; request: object }[] = [
  { name: "the page's example", request: modifyMigrateJobExample },
  { name: "only the required JobId", request: { JobId: "dts-1" } },
  {
    name: "unicode, separators and escapes in strings",
    request: { JobId: "dts-ü", JobName: '迁移任务 ✓ \u2028 \u00ad "q" \\ \n 😀' },
  },
  {
    name: "nested objects and large numbers",
    request: {
      JobId: "dts-2",
      MigrateOption: { RunMode: 2, ExpectTime: "2026-11-27 12:00:00", Big: 9007199254740991 },
      DstInfo: { Region: "ap-guangzhou", ReadOnly: 1, Deep: { A: { B: { C: [1, 2.5, -3e-7] } } } },
    },
  },
  { name: "empty nested object", request: { JobId: "dts-3", SrcInfo: {} } },
];

describe("our client and the official client on the wire", () => {
  it.each(requests)(
    "send the same signed headers and body bytes for $name",
    async ({ request }) => {
      pinDate();
      await official().ModifyMigrateJob(request);
      const theirs = mock.lastRequest();
      expect(theirs?.signatureValid).toBe(true);

      const client = ours();
      try {
        await client.send(modifyMigrateJob, request);
      } finally {
        client.close();
      }
      const mine = mock.lastRequest();
      expect(mine?.signatureValid).toBe(true);
      expect(mine).not.toBe(theirs);
      expect(wireView(mine)).toEqual(wireView(theirs));
      expect(theirs?.headers["authorization"]).toContain("SignedHeaders=content-type;host,");
    },
  );
});
