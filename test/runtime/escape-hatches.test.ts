/**
 * Issue 11 end to end: the escape hatches for docs that trail the service, with the generated
 * DtsClient (generated/dts) against the generated mock over real loopback HTTP. Two mocks: one
 * that answers an unlisted field with UnknownParameter as the real service does, one started with
 * its own `allowUnknownFields` (a service that knows fields newer than its docs).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ConfigurationError,
  DtsClient,
  InvalidActionError,
  InvalidParameterError,
  ResourceNotFoundJobNotExistError,
  TencentCloudError,
  UnknownParameterError,
  ValidationError,
  createBareDtsClient,
  dtsV20180330Errors,
  type ClientOptions,
  type ModifyMigrateJobRequest,
  type ModifyMigrateJobResponse,
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
/** The request with one more key; a cast, as a JavaScript caller (or one with a typo) would have it. */
const withKey = (key: string, value: unknown): ModifyMigrateJobRequest =>
  ({ ...request, [key]: value }) as ModifyMigrateJobRequest;

let strictMock: MockServer;
let lenientMock: MockServer;

beforeAll(async () => {
  strictMock = await startDtsMock();
  lenientMock = await startDtsMock({ allowUnknownFields: true });
});
afterEach(() => {
  strictMock.reset();
  lenientMock.reset();
});
afterAll(async () => {
  await strictMock.close();
  await lenientMock.close();
});

const clients: { close(): void }[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

/** A client for `mock`: no rate limit, retries without waiting. */
function client(mock: MockServer, options: Partial<ClientOptions> = {}): DtsClient {
  const dts = new DtsClient({
    region: "ap-guangzhou",
    credentials: { ...MOCK_CREDENTIALS },
    endpoint: mock.url,
    rateLimit: false,
    clock: { now: () => Date.now(), sleep: () => Promise.resolve() },
    ...options,
  });
  clients.push(dts);
  return dts;
}

function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error("the call succeeded");
    },
    (error: unknown) => error,
  );
}

describe("a field the docs do not list, by default", () => {
  it("is a ValidationError that says how to send newer fields; nothing is sent", async () => {
    const error = await failure(client(strictMock).modifyMigrateJob(withKey("JobNmae", "x")));
    expect(error).toBeInstanceOf(ValidationError);
    const { issues, message } = error as ValidationError;
    expect(issues).toMatchObject([{ path: ["JobNmae"], unknownKey: true }]);
    expect(message).toContain("extraFields");
    expect(message).toContain("allowUnknownFields: true");
    expect(strictMock.requests).toHaveLength(0);
  });

  it("the hint is absent when no issue is an unknown key", async () => {
    const error = await failure(client(strictMock).modifyMigrateJob(withKey("JobName", 5)));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).not.toContain("extraFields");
  });
});

describe("allowUnknownFields", () => {
  it("on the client: the unknown field is sent as given and the lenient mock answers", async () => {
    const result = await client(lenientMock, { allowUnknownFields: true }).modifyMigrateJob(
      withKey("NewerField", { Deep: [1, 2] }),
    );
    expect(typeof result.RequestId).toBe("string");
    expect(lenientMock.lastRequest()?.body).toEqual({ ...request, NewerField: { Deep: [1, 2] } });
  });

  it("sent to a service that does not know the field: UnknownParameterError from the server", async () => {
    const error = await failure(
      client(strictMock, { allowUnknownFields: true }).modifyMigrateJob(withKey("Nope", 1)),
    );
    expect(error).toBeInstanceOf(UnknownParameterError);
    expect(error).toMatchObject({ code: "UnknownParameter", attempts: 1 });
    expect((error as Error).message).toBe(
      "Unknown parameter error. The parameter `Nope` is not recognized.",
    );
  });

  it("known fields are still validated; other issues still throw", async () => {
    const dts = client(lenientMock, { allowUnknownFields: true });
    const error = await failure(
      dts.modifyMigrateJob({ ...withKey("NewerField", 1), JobName: 5 as unknown as string }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([["JobName"]]);
    expect(lenientMock.requests).toHaveLength(0);
  });

  it("per call, on a strict client", async () => {
    const dts = client(lenientMock);
    await dts.modifyMigrateJob(withKey("NewerField", true), { allowUnknownFields: true });
    expect(lenientMock.lastRequest()?.body).toMatchObject({ NewerField: true });
    // The next call without the option is strict again.
    expect(await failure(dts.modifyMigrateJob(withKey("NewerField", true)))).toBeInstanceOf(
      ValidationError,
    );
  });

  it("a call's false wins over the client's true", async () => {
    const dts = client(lenientMock, { allowUnknownFields: true });
    const error = await failure(
      dts.modifyMigrateJob(withKey("NewerField", true), { allowUnknownFields: false }),
    );
    expect(error).toBeInstanceOf(ValidationError);
  });

  it("a nested unknown field passes too, and the mock checks nested keys", async () => {
    const nested = { ...request, DstInfo: { Region: "ap-guangzhou", NewerFlag: 1 } };
    const strict = await failure(
      client(strictMock).modifyMigrateJob(nested, { allowUnknownFields: true }),
    );
    expect((strict as Error).message).toContain("`DstInfo.NewerFlag`");
    await client(lenientMock).modifyMigrateJob(nested, { allowUnknownFields: true });
    expect(lenientMock.lastRequest()?.body).toEqual(nested);
  });
});

describe("extraFields", () => {
  it("adds fields newer than the docs after validation, with no cast", async () => {
    const result = await client(lenientMock).modifyMigrateJob(request, {
      extraFields: { NewerField: "on", NewerCount: 3 },
    });
    expect(typeof result.RequestId).toBe("string");
    expect(lenientMock.lastRequest()?.body).toEqual({
      ...request,
      NewerField: "on",
      NewerCount: 3,
    });
  });

  it("the request type stays exact: an unknown key in it does not type-check", () => {
    const typo = {
      ...request,
      // @ts-expect-error JobNmae is not a field of ModifyMigrateJobRequest (checked by tsc)
      JobNmae: "x",
    } satisfies ModifyMigrateJobRequest;
    expect(typo.JobNmae).toBe("x");
  });

  it("a documented field in extraFields is a ValidationError saying to put it in the request", async () => {
    const error = await failure(
      client(lenientMock).modifyMigrateJob({ JobId: "dts-1" }, { extraFields: { JobName: 5 } }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain(
      "JobName in extraFields is a documented field of ModifyMigrateJobRequest; put it in the request",
    );
    expect(lenientMock.requests).toHaveLength(0);
  });

  it("a field both in the request and in extraFields is a ValidationError", async () => {
    const dts = client(lenientMock, { allowUnknownFields: true });
    const error = await failure(
      dts.modifyMigrateJob(withKey("NewerField", 1), { extraFields: { NewerField: 2 } }),
    );
    expect((error as ValidationError).message).toContain(
      "NewerField in extraFields is both in the request and in extraFields",
    );
    expect(lenientMock.requests).toHaveLength(0);
  });

  it("extraFields that are not an object are a ConfigurationError", async () => {
    const error = await failure(
      client(lenientMock).modifyMigrateJob(request, {
        extraFields: ["NewerField"] as unknown as { readonly [name: string]: unknown },
      }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
  });

  it("the strict mock answers an extra field with UnknownParameter, as the real service would", async () => {
    const error = await failure(
      client(strictMock).modifyMigrateJob(request, { extraFields: { NotYetThere: 1 } }),
    );
    expect(error).toBeInstanceOf(UnknownParameterError);
  });
});

describe("validate: false", () => {
  const wrongType = { JobId: 7 } as unknown as ModifyMigrateJobRequest;

  it("on the client: nothing is checked; the service's own answer comes back", async () => {
    const error = await failure(
      client(strictMock, { validate: false }).modifyMigrateJob(wrongType),
    );
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(strictMock.lastRequest()?.bodyText).toBe('{"JobId":7}');
  });

  it("per call; the client validates the next call again", async () => {
    const dts = client(lenientMock);
    await dts.modifyMigrateJob(withKey("NewerField", 1), { validate: false });
    expect(lenientMock.lastRequest()?.body).toMatchObject({ NewerField: 1 });
    expect(await failure(dts.modifyMigrateJob(wrongType))).toBeInstanceOf(ValidationError);
  });

  it("a call's true wins over the client's false", async () => {
    const dts = client(strictMock, { validate: false });
    expect(await failure(dts.modifyMigrateJob(wrongType, { validate: true }))).toBeInstanceOf(
      ValidationError,
    );
    expect(strictMock.requests).toHaveLength(0);
  });
});

describe("client.request: actions no page documents", () => {
  it("signs, sends and returns the Response content, typed as the caller says", async () => {
    const result = await client(strictMock).request<ModifyMigrateJobResponse>("ModifyMigrateJob", {
      JobId: "dts-1",
    });
    expect(typeof result.RequestId).toBe("string");
    const sent = strictMock.lastRequest();
    expect(sent?.signatureValid).toBe(true);
    expect(sent?.headers["x-tc-action"]).toBe("ModifyMigrateJob");
    expect(sent?.headers["x-tc-version"]).toBe("2018-03-30");
  });

  it("validates nothing: params are sent as given and the server decides", async () => {
    const error = await failure(client(strictMock).request("ModifyMigrateJob", { JobId: 7 }));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(strictMock.lastRequest()?.bodyText).toBe('{"JobId":7}');
  });

  it("maps error codes to the package's error classes", async () => {
    strictMock.failNext("ModifyMigrateJob", "ResourceNotFound.JobNotExist");
    const error = await failure(client(strictMock).request("ModifyMigrateJob", { JobId: "x" }));
    expect(error).toBeInstanceOf(ResourceNotFoundJobNotExistError);
    expect(error).toMatchObject({ action: "ModifyMigrateJob", retryable: false });
    const unknownAction = await failure(client(strictMock).request("DescribeNewThings", {}));
    expect(unknownAction).toBeInstanceOf(InvalidActionError);
  });

  it("retries a retryable error like a generated call", async () => {
    strictMock.injectFault({ kind: "throttle" });
    strictMock.injectFault({ kind: "http-status", status: 503 });
    const result = await client(strictMock).request("ModifyMigrateJob", { JobId: "x" });
    expect(result).toMatchObject({ RequestId: expect.any(String) });
    expect(strictMock.requests.map((r) => r.fault?.kind)).toEqual([
      "throttle",
      "http-status",
      undefined,
    ]);
  });

  it("is rate-limited at the client's configured rate (no documented one is known)", async () => {
    let now = Date.now();
    const waits: number[] = [];
    const dts = client(strictMock, {
      rateLimit: { perAction: { DescribeNewThings: 1 } },
      clock: {
        now: () => now,
        sleep: (ms) => {
          waits.push(ms);
          now += ms;
          return Promise.resolve();
        },
      },
    });
    await Promise.allSettled([
      dts.request("DescribeNewThings", {}),
      dts.request("DescribeNewThings", {}),
    ]);
    expect(waits).toEqual([1000]);
    expect(strictMock.requests).toHaveLength(2);
  });

  it.each(["describeThings", "Describe Things", "Describe\r\nX-Evil: 1", "", "Ação"])(
    "refuses the action name %j before sending anything",
    async (action) => {
      const error = await failure(client(strictMock).request(action, {}));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(strictMock.requests).toHaveLength(0);
    },
  );

  it("refuses params that are not an object", async () => {
    const error = await failure(
      client(strictMock).request("ModifyMigrateJob", [] as unknown as { [name: string]: unknown }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(strictMock.requests).toHaveLength(0);
  });

  it("works on the bare client, with the error classes it was given or without", async () => {
    const options = {
      region: "ap-guangzhou",
      credentials: { ...MOCK_CREDENTIALS },
      endpoint: strictMock.url,
    };
    const bare = createBareDtsClient(options, { errors: dtsV20180330Errors });
    const plain = createBareDtsClient(options);
    clients.push(bare, plain);
    expect(await bare.request("ModifyMigrateJob", { JobId: "x" })).toMatchObject({
      RequestId: expect.any(String),
    });
    strictMock.failNext("ModifyMigrateJob", "ResourceNotFound.JobNotExist", { times: 2 });
    const mapped = await failure(bare.request("ModifyMigrateJob", { JobId: "x" }));
    expect(mapped).toBeInstanceOf(ResourceNotFoundJobNotExistError);
    const unmapped = await failure(plain.request("ModifyMigrateJob", { JobId: "x" }));
    expect(unmapped?.constructor).toBe(TencentCloudError);
    expect(unmapped).toMatchObject({ code: "ResourceNotFound.JobNotExist" });
  });
});
