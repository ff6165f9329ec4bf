/**
 * The client with the documented defaults, which every generated service client class extends:
 * the bare `CoreClient` (validate, sign, send, parse) plus the service's error classes, retries
 * (3 attempts, full-jitter backoff), the documented per-action rate limits, and the default
 * credential chain (environment, then ~/.tencentcloud/credentials).
 *
 * Generated code:
 *   export class DtsClient extends ServiceClient { constructor(o: ClientOptions) { super(dtsV20180330, o) } ... }
 *   export function createBareDtsClient(o: CoreClientOptions, f?: ClientFeatures) { return new CoreClient(dtsV20180330Core, o, f) }
 *   export function modifyMigrateJob(client, request, options?) { return client.send(op, request, options) }
 *
 * Actions no page documents go through the inherited `request(action, params, options?)`.
 */
import { systemClock } from "./clock.js";
import {
  CoreClient,
  type ClientFeatures,
  type CoreClientOptions,
  type CoreDescriptor,
} from "./client-core.js";
import { defaultCredentialChain } from "./default-credentials.js";
import type { ErrorRegistry } from "./errors.js";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { standardRetry } from "./retry.js";

export {
  CoreClient,
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type ClientFeatures,
  type ClientHooks,
  type CoreClientOptions,
  type CoreDescriptor,
  type Logger,
  type OperationDescriptor,
  type RequestEvent,
  type RequestOptions,
  type RequestRateLimiter,
  type ResponseEvent,
  type RetryStrategy,
} from "./client-core.js";
export type { ExtraFields } from "./request-body.js";
export type { Credentials, CredentialProvider, ExpiringCredentials } from "./credentials.js";
export type { Clock } from "./clock.js";
export type { Transport, HttpRequest, HttpResponse } from "./transport.js";
export type { RateLimitOptions } from "./rate-limit.js";

/** What the generated code knows about one service version. */
export interface ServiceDescriptor extends CoreDescriptor {
  readonly errors: ErrorRegistry;
}

export interface ClientOptions extends CoreClientOptions {
  /** Attempts per call including the first (default 3); 1 disables retries. */
  maxAttempts?: number;
  /** `false` turns rate limiting off; otherwise overrides the documented per-action rates. */
  rateLimit?: false | RateLimitOptions;
  /** Backoff before retry n is random in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  retryBackoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Advanced/testing: random numbers in [0, 1) for jitter. */
  random?: () => number;
  /** Advanced/testing: environment for the default credential chain (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Advanced/testing: path of the profile file for the default credential chain. */
  profilePath?: string;
}

export class ServiceClient extends CoreClient {
  constructor(descriptor: ServiceDescriptor, options: ClientOptions) {
    super(descriptor, options, documentedFeatures(descriptor, options));
  }
}

/** The features the documentation promises for a service client, configured by its options. */
export function documentedFeatures(
  descriptor: ServiceDescriptor,
  options: ClientOptions,
): ClientFeatures {
  return {
    errors: descriptor.errors,
    retry: standardRetry({
      ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
      ...(options.retryBackoff?.baseDelayMs !== undefined && {
        baseDelayMs: options.retryBackoff.baseDelayMs,
      }),
      ...(options.retryBackoff?.maxDelayMs !== undefined && {
        maxDelayMs: options.retryBackoff.maxDelayMs,
      }),
      ...(options.random !== undefined && { random: options.random }),
    }),
    ...(options.rateLimit !== false && {
      rateLimiter: new RateLimiter(options.rateLimit ?? {}, options.clock ?? systemClock),
    }),
    defaultCredentials: defaultCredentialChain({
      ...(options.env !== undefined && { env: options.env }),
      ...(options.profilePath !== undefined && { profilePath: options.profilePath }),
    }),
  };
}
