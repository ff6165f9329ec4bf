import { describe, expect, it } from "vitest";
import { TencentCloudError } from "../../templates/runtime/errors.js";
import { backoffDelay, isTransientCode, standardRetry } from "../../templates/runtime/retry.js";

describe("isTransientCode", () => {
  it.each([
    { code: "RequestLimitExceeded", status: 200, want: true },
    { code: "RequestLimitExceeded.UinLimitExceeded", status: 200, want: true },
    { code: "InternalError", status: 200, want: true },
    { code: "AnyCode", status: 502, want: true },
    { code: "InternalError.DBError", status: 200, want: false },
    { code: "AuthFailure.SignatureFailure", status: 200, want: false },
    { code: "AuthFailure.SignatureExpire", status: 200, want: false },
    { code: "InvalidParameter", status: 200, want: false },
    { code: "ResourceNotFound.JobNotExist", status: 200, want: false },
    { code: "RequestLimitExceededX", status: 200, want: false },
  ])("$code (HTTP $status) -> $want", ({ code, status, want }) => {
    expect(isTransientCode(code, status)).toBe(want);
  });
});

describe("backoffDelay (full jitter)", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
  it.each([
    { retry: 1, random: 0.999999, want: 99 },
    { retry: 2, random: 0.5, want: 100 },
    { retry: 3, random: 0.5, want: 200 },
    { retry: 4, random: 0.999999, want: 799 },
    { retry: 5, random: 0.999999, want: 999 }, // capped at maxDelayMs
    { retry: 30, random: 0.5, want: 500 },
    { retry: 3, random: 0, want: 0 },
  ])("retry $retry with random $random -> $want ms", ({ retry, random, want }) => {
    expect(backoffDelay(retry, policy, () => random)).toBe(want);
  });
});

describe("standardRetry: the delay before the next attempt, or undefined to give up", () => {
  const retryable = new TencentCloudError({ code: "InternalError", message: "m", retryable: true });
  const final = new TencentCloudError({ code: "InvalidParameter", message: "m" });
  const half = () => 0.5;
  it.each([
    { name: "retryable, attempt 1 of 3", error: retryable, attempt: 1, call: undefined, want: 50 },
    { name: "retryable, attempt 2 of 3", error: retryable, attempt: 2, call: undefined, want: 100 },
    {
      name: "retryable, attempt 3 of 3",
      error: retryable,
      attempt: 3,
      call: undefined,
      want: undefined,
    },
    { name: "not retryable", error: final, attempt: 1, call: undefined, want: undefined },
    { name: "call asks for 1 attempt", error: retryable, attempt: 1, call: 1, want: undefined },
    { name: "call asks for 5 attempts", error: retryable, attempt: 4, call: 5, want: 400 },
    { name: "call asks for 0 (means 1)", error: retryable, attempt: 1, call: 0, want: undefined },
  ])("$name -> $want", ({ error, attempt, call, want }) => {
    const retry = standardRetry({ random: half });
    expect(retry(error, attempt, call)).toBe(want);
  });

  it("takes maxAttempts and the backoff bounds from its options", () => {
    const retry = standardRetry({ maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 15, random: half });
    expect(retry(retryable, 1, undefined)).toBe(5);
    expect(retry(retryable, 2, undefined)).toBeUndefined();
    const wide = standardRetry({ maxAttempts: 9, baseDelayMs: 10, maxDelayMs: 15, random: half });
    expect(wide(retryable, 5, undefined)).toBe(7); // ceiling capped at 15
  });
});
