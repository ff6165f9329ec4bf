import { describe, expect, it } from "vitest";
import { backoffDelay, isTransientCode } from "../../templates/runtime/retry.js";

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
