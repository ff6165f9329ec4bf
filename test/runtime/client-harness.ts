/**
 * Shared set-up for client tests: a service descriptor shaped like the generated DTS one, a
 * validator built with templates/runtime/validation.ts, a controllable
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
import { createValidator, type ValidationIssue } from "../../templates/runtime/validation.js";

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

function describeValue(v: unknown): string {
  return v === undefined ? "undefined" : JSON.stringify(v);
}
function issue(path: string, expected: string, value: unknown): ValidationIssue {
  const received = describeValue(value);
  return {
    path: [path],
    expected,
    received,
    message: `${path}: expected ${expected}, received ${received}`,
  };
}
/** Hand-written halves in the shape the generated validators have; reports unknown keys too. */
const jobRequestValidator = createValidator<JobRequest>(
  "ModifyMigrateJobRequest",
  (v) => {
    if (typeof v !== "object" || v === null) return false;
    const r = v as Record<string, unknown>;
    return (
      typeof r["JobId"] === "string" &&
      (r["JobName"] === undefined || typeof r["JobName"] === "string") &&
      Object.keys(r).every((k) => k === "JobId" || k === "JobName")
    );
  },
  (v, _path, issues) => {
    const r = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
    if (typeof r["JobId"] !== "string") issues.push(issue("JobId", "string", r["JobId"]));
    if (r["JobName"] !== undefined && typeof r["JobName"] !== "string") {
      issues.push(issue("JobName", "string", r["JobName"]));
    }
    for (const key of Object.keys(r)) {
      if (key !== "JobId" && key !== "JobName") issues.push(issue(key, "no such key", r[key]));
    }
  },
);

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
const seen = { errors: [] as unknown[], logLines: [] as string[] };

const capturingLogger: Logger = {
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
