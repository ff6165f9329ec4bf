import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ServiceClient,
  type RequestEvent,
  type ResponseEvent,
} from "../../templates/runtime/client.js";
import {
  ConfigurationError,
  TencentCloudError,
  UnexpectedResponseError,
  ValidationError,
} from "../../templates/runtime/errors.js";
import { serializeRequestBody } from "../../templates/runtime/json.js";
import {
  AuthFailureError,
  dtsDescriptor,
  expectNoSecretsLeaked,
  FakeClock,
  modifyMigrateJob,
  rejectionOf,
  ResourceNotFoundError,
  ResourceNotFoundJobNotExistError,
  SECRET_ID,
  SECRET_KEY,
  SESSION_TOKEN,
  testClient,
  type JobRequest,
} from "./client-harness.js";
import { FakeTencentServer } from "./fake-tencent-server.js";

let server: FakeTencentServer;
let clock: FakeClock;
beforeAll(async () => {
  clock = new FakeClock();
  server = await FakeTencentServer.start({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    now: () => clock.now(),
  });
});
beforeEach(() => {
  server.reset();
});
afterAll(async () => {
  await server.close();
  expectNoSecretsLeaked();
});

const request: JobRequest = { JobId: "dts-r0ld3fhu", JobName: "迁移 job\u2028" };

describe("ServiceClient.send: a successful call", () => {
  it("signs, sends and returns the Response content with its RequestId", async () => {
    server.next({ kind: "ok", response: { Status: "created" } });
    const client = testClient({ endpoint: server.endpoint, clock });
    const result = await client.send(modifyMigrateJob, request);
    client.close();

    expect(result).toEqual({ Status: "created", RequestId: "req-1" });
    expect(server.received).toHaveLength(1);
    const sent = server.received[0]!;
    expect(sent.signature).toEqual({ ok: true, secretId: SECRET_ID, service: "dts" });
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe("/");
    expect(sent.body).toBe(serializeRequestBody(request));
    expect(sent.headers).toMatchObject({
      "content-type": "application/json",
      host: new URL(server.endpoint).host,
      "x-tc-action": "ModifyMigrateJob",
      "x-tc-version": "2018-03-30",
      "x-tc-region": "ap-guangzhou",
      "x-tc-timestamp": String(Math.floor(clock.now() / 1000)),
    });
    expect(sent.headers["authorization"]).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDruntimeTest0001\/2026-11-27\/dts\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );
    expect(sent.headers["x-tc-token"]).toBeUndefined();
    expect(sent.headers["x-tc-language"]).toBeUndefined();
  });

  it("sends X-TC-Token and X-TC-Language when set", async () => {
    const client = testClient({
      endpoint: server.endpoint,
      clock,
      language: "en-US",
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: SESSION_TOKEN },
    });
    await client.send(modifyMigrateJob, request);
    client.close();
    expect(server.received[0]!.headers).toMatchObject({
      "x-tc-token": SESSION_TOKEN,
      "x-tc-language": "en-US",
    });
    expect(server.received[0]!.signature.ok).toBe(true);
  });

  it("returns integers beyond 2^53 as decimal strings", async () => {
    server.next({
      kind: "ok",
      rawBody: '{"Response":{"Big":18446744073709551615,"Small":42,"RequestId":"$REQUEST_ID"}}',
    });
    const client = testClient({ endpoint: server.endpoint, clock });
    const result = await client.send(modifyMigrateJob, request);
    client.close();
    expect(result).toMatchObject({ Big: "18446744073709551615", Small: 42 });
  });

  it("calls the hooks without the Authorization header or token", async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const client = testClient({
      endpoint: server.endpoint,
      clock,
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: SESSION_TOKEN },
      hooks: { onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) },
    });
    const result = await client.send(modifyMigrateJob, request);
    client.close();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ action: "ModifyMigrateJob", attempt: 1 });
    expect(Object.keys(requests[0]!.headers).map((h) => h.toLowerCase())).not.toContain(
      "authorization",
    );
    expect(JSON.stringify(requests)).not.toContain(SESSION_TOKEN);
    expect(responses).toEqual([
      // The request id of a successful call too (issue 13), for logs and support tickets.
      {
        action: "ModifyMigrateJob",
        attempt: 1,
        status: 200,
        durationMs: 0,
        requestId: result.RequestId,
      },
    ]);
  });
});

describe("ServiceClient.send: failures", () => {
  it("throws a ValidationError listing every issue and sends nothing", async () => {
    const client = testClient({ endpoint: server.endpoint, clock });
    const bad = { JobName: 7, Extra: true } as unknown as JobRequest;
    const error = await rejectionOf(client.send(modifyMigrateJob, bad));
    client.close();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path.join("."))).toEqual([
      "JobId",
      "JobName",
      "Extra",
    ]);
    expect(server.received).toHaveLength(0);
  });

  it("maps a documented error code to its class", async () => {
    server.next({ kind: "error", code: "ResourceNotFound.JobNotExist", message: "job not found" });
    const client = testClient({ endpoint: server.endpoint, clock });
    const error = await rejectionOf(client.send(modifyMigrateJob, request));
    client.close();
    expect(error).toBeInstanceOf(ResourceNotFoundJobNotExistError);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).toMatchObject({
      code: "ResourceNotFound.JobNotExist",
      message: "job not found",
      requestId: expect.stringMatching(/^req-\d+$/),
      action: "ModifyMigrateJob",
      httpStatus: 200,
      retryable: false,
      attempts: 1,
    });
  });

  it("rejects with AuthFailure.SignatureFailure for a wrong key and does not retry", async () => {
    const client = testClient({
      endpoint: server.endpoint,
      clock,
      credentials: { secretId: SECRET_ID, secretKey: "wrong-key" },
    });
    const error = await rejectionOf(client.send(modifyMigrateJob, request));
    client.close();
    expect(error).toBeInstanceOf(AuthFailureError);
    expect(error).toMatchObject({
      code: "AuthFailure.SignatureFailure",
      retryable: false,
      attempts: 1,
    });
    expect(server.received).toHaveLength(1);
  });

  it("reports a non-Tencent 4xx body as UnexpectedResponseError without retrying", async () => {
    server.next({ kind: "status", status: 404, body: "<html>not found</html>" });
    const client = testClient({ endpoint: server.endpoint, clock });
    const error = await rejectionOf(client.send(modifyMigrateJob, request));
    client.close();
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ httpStatus: 404, retryable: false, attempts: 1 });
  });
});

describe("ServiceClient construction", () => {
  it.each(["ap-guangzhou.evil.com", "", "../x"])("rejects region %j", (region) => {
    expect(
      () =>
        new ServiceClient(dtsDescriptor, {
          region,
          credentials: { secretId: "a", secretKey: "b" },
        }),
    ).toThrow(ConfigurationError);
  });

  it.each([
    { region: "ap-guangzhou", want: "https://dts.tencentcloudapi.com/" },
    { region: "ap-shanghai-fsi", want: "https://dts.ap-shanghai-fsi.tencentcloudapi.com/" },
    { region: "ap-shenzhen-fsi", want: "https://dts.ap-shenzhen-fsi.tencentcloudapi.com/" },
  ])("region $region uses $want", ({ region, want }) => {
    const client = new ServiceClient(dtsDescriptor, {
      region,
      credentials: { secretId: "a", secretKey: "b" },
    });
    expect(client.endpoint.url).toBe(want);
    client.close();
  });

  it("rejects a hostile endpoint before anything is signed", () => {
    expect(
      () =>
        new ServiceClient(dtsDescriptor, {
          region: "ap-guangzhou",
          endpoint: "http://evil.example.com:8080/collect",
          credentials: { secretId: "a", secretKey: "b" },
        }),
    ).toThrow(ConfigurationError);
  });

  it("signs with the service name even when the endpoint's first label differs", async () => {
    const client = testClient({ endpoint: server.endpoint, clock });
    await client.send(modifyMigrateJob, request);
    client.close();
    expect(server.received[0]!.signature).toMatchObject({ ok: true, service: "dts" });
  });
});
