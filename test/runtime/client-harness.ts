/**
 * Shared set-up for client tests: a service descriptor shaped like the generated DTS one, a
 * hand-written validator in the shape of templates/runtime/validation.ts, a controllable
 * clock, and a collector that later proves no secret reached an error or a log line.
 */
import { inspect } from "node:util";
import { expect } from "vitest";
import type {
  ClientOptions,
  Logger,
  OperationDescriptor,
  ServiceDescriptor,
} from "../../templates/runtime/client.js";
import { ServiceClient } from "../../templates/runtime/client.js";
import type { Clock } from "../../templates/runtime/clock.js";
import { TencentCloudError, type ErrorRegistry } from "../../templates/runtime/errors.js";

export const SECRET_ID = "AKIDruntimeTest0001";
export const SECRET_KEY = "runtime-secret-key-DO-NOT-LEAK";
export const SESSION_TOKEN = "session-token-DO-NOT-LEAK";

export class ResourceNotFoundError extends TencentCloudError {}
export class ResourceNotFoundJobNotExistError extends ResourceNotFoundError {}
export class AuthFailureError extends TencentCloudError {}
export class RequestLimitExceededError extends TencentCloudError {}

const errors: ErrorRegistry = {
  codes: { "ResourceNotFound.JobNotExist": ResourceNotFoundJobNotExistError },
  categories: {
    ResourceNotFound: ResourceNotFoundError,
    AuthFailure: AuthFailureError,
    RequestLimitExceeded: RequestLimitExceededError,
  },
};

export const dtsDescriptor: ServiceDescriptor = {
  service: "dts",
  version: "2018-03-30",
  host: "dts.tencentcloudapi.com",
  financeHostTemplate: "dts.{region}.tencentcloudapi.com",
  errors,
};

export interface JobRequest {
  JobId: string;
  JobName?: string;
}
export interface JobResponse {
  RequestId: string;
  [key: string]: unknown;
}

interface Issue {
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly received: string;
  readonly message: string;
}
function describeValue(v: unknown): string {
  return v === undefined ? "undefined" : JSON.stringify(v);
}
/** Same shape as the generated validators: every issue at once, unknown keys included. */
export const jobRequestValidator = {
  name: "ModifyMigrateJobRequest",
  validate(value: unknown) {
    const issues: Issue[] = [];
    if (typeof value !== "object" || value === null) {
      issues.push({
        path: [],
        expected: "object",
        received: describeValue(value),
        message: "expected object",
      });
      return { ok: false as const, issues };
    }
    const record = value as Record<string, unknown>;
    if (typeof record["JobId"] !== "string") {
      const received = describeValue(record["JobId"]);
      issues.push({
        path: ["JobId"],
        expected: "string",
        received,
        message: `JobId: expected string, received ${received}`,
      });
    }
    if (record["JobName"] !== undefined && typeof record["JobName"] !== "string") {
      const received = describeValue(record["JobName"]);
      issues.push({
        path: ["JobName"],
        expected: "string",
        received,
        message: `JobName: expected string, received ${received}`,
      });
    }
    for (const key of Object.keys(record)) {
      if (key !== "JobId" && key !== "JobName") {
        issues.push({
          path: [key],
          expected: "no such key",
          received: describeValue(record[key]),
          message: `${key}: unknown key`,
        });
      }
    }
    return issues.length === 0
      ? { ok: true as const, value: value as JobRequest }
      : { ok: false as const, issues };
  },
  is(value: unknown): value is JobRequest {
    return this.validate(value).ok;
  },
};

export const modifyMigrateJob: OperationDescriptor<JobRequest, JobResponse> = {
  action: "ModifyMigrateJob",
  request: jobRequestValidator,
  rateLimitPerSecond: 20,
};

/** A clock whose sleeps return at once and move time forward. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public time: number = Date.UTC(2026, 10, 27, 12, 0, 0)) {}
  now = (): number => this.time;
  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.time += ms;
  };
}

/** Everything the tests saw come out of the client, to be searched for secrets. */
export const seen = { errors: [] as unknown[], logLines: [] as string[] };

export const capturingLogger: Logger = {
  debug: (m, d) => seen.logLines.push(`debug ${m} ${JSON.stringify(d)}`),
  info: (m, d) => seen.logLines.push(`info ${m} ${JSON.stringify(d)}`),
  warn: (m, d) => seen.logLines.push(`warn ${m} ${JSON.stringify(d)}`),
};

/** Awaits a rejection, records the error for the leak check, and returns it. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    seen.errors.push(error);
    return error;
  }
  throw new Error("expected the call to reject");
}

export function testClient(options: Partial<ClientOptions> & { endpoint: string }): ServiceClient {
  return new ServiceClient(dtsDescriptor, {
    region: "ap-guangzhou",
    credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    rateLimit: false,
    logger: capturingLogger,
    ...options,
  });
}

/** Fails when a secret, a token or an Authorization header appears in anything seen. */
export function expectNoSecretsLeaked(): void {
  const texts: string[] = [...seen.logLines];
  for (const error of seen.errors) {
    texts.push(String(error), JSON.stringify(error), inspect(error, { depth: 5 }));
    if (error instanceof Error) texts.push(error.message, error.stack ?? "");
  }
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(SESSION_TOKEN);
    expect(text).not.toContain("TC3-HMAC-SHA256");
    expect(text).not.toContain("Signature=");
  }
}
