/**
 * The checks behind each example test, one call per test: connect a client to a mock on the
 * pinned clock, send an example and compare what comes back with the documented output, answer a
 * documented error code and compare the class thrown. They throw (vitest's `expect`) on the first
 * difference. `test-version-examples.ts` declares the tests that call them.
 */
import { expect } from "vitest";
import type {
  ActionExamples,
  ErrorCase,
  ErrorCases,
  JsonObject,
  SentExample,
} from "./example-data.js";
import { expectedValue } from "./expected-value.js";

/** 2026-01-01T00:00:00Z: the clock of the client and the mock in every example test. */
export const PINNED_MS = 1_767_225_600_000;

/** What the checks need of a request the mock recorded. */
export interface RecordedCall {
  readonly action: string | undefined;
  readonly signatureValid: boolean | undefined;
  readonly body: { readonly [key: string]: unknown } | undefined;
  readonly requestId: string;
}

/** What the checks need of the package's mock server. */
export interface ExampleMock {
  readonly url: string;
  lastRequest(): RecordedCall | undefined;
  failNext(action: string, code: string, options?: { readonly times?: number }): void;
  close(): Promise<void>;
}

export interface ExampleMockOptions<ApiVersion extends string> {
  readonly now: () => number;
  readonly allowUnknownFields?: boolean;
  /** The API version to serve. */
  readonly version: ApiVersion;
}

/** The client options every example test uses: the mock's endpoint, pinned clock, no retries. */
export interface ExampleClientConfig {
  readonly region: string;
  readonly credentials: { readonly secretId: string; readonly secretKey: string };
  readonly endpoint: string;
  readonly clock: { readonly now: () => number; readonly sleep: () => Promise<void> };
  readonly rateLimit: false;
  readonly maxAttempts: number;
}

/** One version of a package, as its example test file hands it over. */
export interface VersionUnderTest<ApiVersion extends string> {
  /** The version's entry module: operations, error classes and TencentCloudError, by name. */
  readonly api: object;
  readonly Client: new (config: ExampleClientConfig) => { close(): void };
  /** The package's mock starter, asked for `apiVersion`. */
  readonly startMock: (options: ExampleMockOptions<ApiVersion>) => Promise<ExampleMock>;
  /** The API version under test, e.g. "2018-03-30". */
  readonly apiVersion: ApiVersion;
  readonly credentials: { readonly secretId: string; readonly secretKey: string };
  readonly actions: readonly ActionExamples[];
}

/** A client talking to a mock, both on the pinned clock. */
export interface Connection {
  readonly api: object;
  readonly mock: ExampleMock;
  readonly client: { close(): void };
}

export async function connect<ApiVersion extends string>(
  version: VersionUnderTest<ApiVersion>,
  allowUnknownFields: boolean,
): Promise<Connection> {
  const mock = await version.startMock({
    now: () => PINNED_MS,
    version: version.apiVersion,
    ...(allowUnknownFields ? { allowUnknownFields: true } : {}),
  });
  const client = new version.Client({
    region: "ap-guangzhou",
    credentials: { ...version.credentials },
    endpoint: mock.url,
    clock: { now: () => PINNED_MS, sleep: () => Promise.resolve() },
    rateLimit: false,
    maxAttempts: 1,
  });
  return { api: version.api, mock, client };
}

export async function disconnect({ mock, client }: Connection): Promise<void> {
  client.close();
  await mock.close();
}

/**
 * Sends the example through the operation's validator, the client, real HTTP and the mock (which
 * must have received exactly the request, correctly signed), and compares the client's result
 * with the documented output, or its error with the documented error.
 */
export async function checkExample(
  { api, mock, client }: Connection,
  action: ActionExamples,
  example: SentExample,
): Promise<void> {
  const withData = example.allowUnknownFields === true;
  const request = example.request;
  const checked = operationOf(api, action.operation).request.validate(request);
  const issues = checked.ok ? [] : checked.issues;
  expect(withData ? issues.filter((issue) => issue.unknownKey !== true) : issues).toEqual([]);
  const options = withData ? [{ allowUnknownFields: true } as const] : [];
  const outcome = await methodOf(client, action.method)(request, ...options).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  const received = mock.lastRequest();
  expect(received?.action).toBe(action.action);
  expect(received?.signatureValid).toBe(true);
  expect(received?.body).toEqual(request);
  const expected = example.expected;
  if (expected.kind === "error") {
    const error = "error" in outcome ? outcome.error : undefined;
    expect(error).toBeInstanceOf(classOf(api, "TencentCloudError"));
    expect(error).toMatchObject({ code: expected.code, message: expected.message });
    return;
  }
  if ("error" in outcome) throw outcome.error;
  const result = outcome.result as { readonly RequestId?: unknown };
  if (expected.kind === "empty") {
    expect(result.RequestId).toBe(received?.requestId);
    return;
  }
  // The documented output, as the client must return it (no digit of the page lost).
  const documented = expectedValue(expected.responseJson);
  expect(result).toEqual(
    expected.addsRequestId ? withRequestId(documented, received?.requestId) : documented,
  );
}

/**
 * Makes the mock answer `errorCase.code` and checks that the client throws the code's class,
 * which is also its category's class and a TencentCloudError, with the documented message.
 */
export async function checkErrorCase(
  { api, mock, client }: Connection,
  action: ActionExamples,
  errorCases: ErrorCases,
  errorCase: ErrorCase,
): Promise<void> {
  const { code, message } = errorCase;
  // The client corrects its clock and retries once after AuthFailure.SignatureExpire.
  mock.failNext(action.action, code, { times: code === "AuthFailure.SignatureExpire" ? 2 : 1 });
  const error: unknown = await methodOf(
    client,
    action.method,
  )(errorCases.request).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect((error as object | undefined)?.constructor).toBe(classOf(api, errorCase.className));
  expect(error).toBeInstanceOf(classOf(api, errorCase.categoryClassName));
  expect(error).toBeInstanceOf(classOf(api, "TencentCloudError"));
  expect(error).toMatchObject({ code, message, requestId: mock.lastRequest()?.requestId });
}

/** The documented output with the RequestId the mock added (the page's output has none). */
function withRequestId(documented: unknown, requestId: string | undefined): object {
  const copy: { [key: string]: unknown } = {};
  // Own keys as they are, `__proto__` included (an assignment would set the prototype).
  for (const [key, value] of Object.entries(documented as object)) {
    Object.defineProperty(copy, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  copy["RequestId"] = requestId;
  return copy;
}

interface Operation {
  readonly request: {
    validate(
      value: unknown,
    ):
      | { readonly ok: true }
      | { readonly ok: false; readonly issues: readonly { readonly unknownKey?: boolean }[] };
  };
}

type Method = (
  request: JsonObject,
  options?: { readonly allowUnknownFields: true },
) => Promise<unknown>;

type AnyClass = abstract new (...args: never[]) => unknown;

/** A member the data names; a name that is not there is the data's mistake, said plainly. */
function member(from: object, name: string, what: string): unknown {
  if (!(name in from))
    throw new Error(`the example data names ${what} ${name}, which is not there`);
  return (from as { readonly [key: string]: unknown })[name];
}

function operationOf(api: object, name: string): Operation {
  const found = member(api, name, "the operation");
  if (typeof found !== "object" || found === null || !("request" in found)) {
    throw new Error(`${name} is not an operation`);
  }
  return found as Operation;
}

function methodOf(client: object, name: string): Method {
  const found = member(client, name, "the client method");
  if (typeof found !== "function") throw new Error(`${name} is not a client method`);
  return (found as Method).bind(client);
}

function classOf(api: object, name: string): AnyClass {
  const found = member(api, name, "the class");
  if (typeof found !== "function") throw new Error(`${name} is not a class`);
  return found as AnyClass;
}
