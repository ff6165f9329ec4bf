import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  createServiceError,
  NetworkError,
  RequestAbortedError,
  TencentCloudError,
  TimeoutError,
  TransportError,
  ValidationError,
  withAttempts,
  type ErrorRegistry,
} from "../../templates/runtime/errors.js";

// Shaped like the generated errors file of a service.
class ResourceNotFoundError extends TencentCloudError {}
class ResourceNotFoundJobNotExistError extends ResourceNotFoundError {}
class FailedOperationError extends TencentCloudError {}
const registry: ErrorRegistry = {
  codes: { "ResourceNotFound.JobNotExist": ResourceNotFoundJobNotExistError },
  categories: { ResourceNotFound: ResourceNotFoundError, FailedOperation: FailedOperationError },
};

describe("createServiceError", () => {
  it.each([
    { code: "ResourceNotFound.JobNotExist", want: ResourceNotFoundJobNotExistError },
    { code: "ResourceNotFound.Other", want: ResourceNotFoundError },
    { code: "ResourceNotFound", want: ResourceNotFoundError },
    { code: "FailedOperation.NotAllowOperation", want: FailedOperationError },
    { code: "Unheard.Of", want: TencentCloudError },
    { code: "toString", want: TencentCloudError },
    { code: "constructor.x", want: TencentCloudError },
  ])("$code -> $want.name", ({ code, want }) => {
    const error = createServiceError(registry, { code, message: "m", requestId: "r-1" });
    expect(error.constructor).toBe(want);
    expect(error.name).toBe(want.name);
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.requestId).toBe("r-1");
  });

  it("keeps the class chain for instanceof", () => {
    const error = createServiceError(registry, {
      code: "ResourceNotFound.JobNotExist",
      message: "job missing",
      action: "ModifyMigrateJob",
      httpStatus: 200,
    });
    expect(error).toBeInstanceOf(ResourceNotFoundJobNotExistError);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).not.toBeInstanceOf(FailedOperationError);
    expect(error.message).toBe("job missing");
    expect(error.action).toBe("ModifyMigrateJob");
    expect(error.httpStatus).toBe(200);
  });
});

describe("TencentCloudError", () => {
  it("defaults retryable to false and attempts to 1", () => {
    const error = new TencentCloudError({ code: "X", message: "m" });
    expect(error.retryable).toBe(false);
    expect(error.attempts).toBe(1);
    expect(withAttempts(error, 3).attempts).toBe(3);
  });

  it("toString and toJSON carry code, message and request id only", () => {
    const error = new ResourceNotFoundError({
      code: "ResourceNotFound",
      message: "gone",
      requestId: "req-9",
      action: "A",
      httpStatus: 200,
      cause: { secretKey: "do-not-print" },
    });
    expect(error.toString()).toBe(
      "ResourceNotFoundError [ResourceNotFound]: gone (RequestId req-9)",
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ResourceNotFoundError",
      code: "ResourceNotFound",
      message: "gone",
      requestId: "req-9",
      action: "A",
      httpStatus: 200,
      retryable: false,
      attempts: 1,
    });
  });

  it("transport errors sit under TransportError and TencentCloudError", () => {
    for (const Class of [NetworkError, TimeoutError, RequestAbortedError]) {
      const error = new Class({ code: "C", message: "m" });
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toBeInstanceOf(TencentCloudError);
      expect(error.name).toBe(Class.name);
    }
  });
});

describe("ValidationError", () => {
  it("lists every issue, one per line", () => {
    const issues = [
      {
        path: ["JobId"],
        expected: "string",
        received: "undefined",
        message: "JobId: expected string, received undefined",
      },
      {
        path: ["MigrateOption", "RunMode"],
        expected: "integer",
        received: '"1"',
        message: 'MigrateOption.RunMode: expected integer, received "1"',
      },
    ];
    const error = new ValidationError(issues, "ModifyMigrateJob");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ValidationError");
    expect(error.issues).toBe(issues);
    expect(error.message.split("\n")).toEqual([
      "ModifyMigrateJob request is invalid (2 issues):",
      "  JobId: expected string, received undefined",
      '  MigrateOption.RunMode: expected integer, received "1"',
    ]);
  });

  it("ConfigurationError has its own name", () => {
    expect(new ConfigurationError("x").name).toBe("ConfigurationError");
  });
});
