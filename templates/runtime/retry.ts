/**
 * Which failures are worth retrying, and how long to wait between attempts.
 *
 * Transient: connection failures and timeouts, HTTP 5xx, `RequestLimitExceeded` and its
 * sub-codes, and `InternalError` (the common error page's only server-side transient code).
 * Never retried: validation errors, auth failures, other client errors, aborted calls.
 *
 * `standardRetry` is the policy `ServiceClient` installs; a bare client (`CoreClient`) retries
 * only when given one, so an app that never retries does not bundle this policy.
 */
import type { TencentCloudError } from "./errors.js";

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_BASE_DELAY_MS = 100;
export const DEFAULT_MAX_DELAY_MS = 20_000;

/** Whether a Tencent error code (with its HTTP status) is transient. */
export function isTransientCode(code: string, httpStatus?: number): boolean {
  if (httpStatus !== undefined && httpStatus >= 500) return true;
  return (
    code === "RequestLimitExceeded" ||
    code.startsWith("RequestLimitExceeded.") ||
    code === "InternalError"
  );
}

/**
 * Decides whether a failed attempt is retried: the delay in milliseconds before the next
 * attempt, or undefined to throw `error`. `attempt` counts from 1. `CoreClient` calls the one in
 * its `features.retry`; `standardRetry` makes one.
 */
export type RetryStrategy = (
  error: TencentCloudError,
  attempt: number,
  callMaxAttempts: number | undefined,
) => number | undefined;

export interface BackoffPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter: a uniformly random delay in [0, min(max, base * 2^(n-1)))
 * before retry n (n >= 1). `random` returns a number in [0, 1).
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export interface RetryOptions {
  /** Attempts per call including the first (default 3); a call's own `maxAttempts` wins. */
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Random numbers in [0, 1) for jitter (default Math.random). */
  readonly random?: () => number;
}

/** Retries retryable errors up to `maxAttempts` attempts, with full-jitter backoff between. */
export function standardRetry(options: RetryOptions = {}): RetryStrategy {
  const policy: BackoffPolicy = {
    baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
  };
  const random = options.random ?? Math.random;
  return (error, attempt, callMaxAttempts) => {
    const limit = Math.max(
      1,
      Math.floor(callMaxAttempts ?? options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    );
    if (!error.retryable || attempt >= limit) return undefined;
    return backoffDelay(attempt, policy, random);
  };
}
