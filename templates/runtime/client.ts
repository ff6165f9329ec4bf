/**
 * The client with the documented defaults, which every generated service client class extends:
 * the bare `CoreClient` (validate, sign, send, parse) plus the service's error classes, retries
 * (3 attempts, full-jitter backoff), the documented per-action rate limits, the default
 * credential chain (environment, then the profile file), and what the environment says:
 * TENCENTCLOUD_REGION when `region` is not given, TENCENTCLOUD_SDK_DEBUG=1 for a stderr logger
 * when `logger` is not given.
 *
 * Generated code:
 *   export class DtsClient extends ServiceClient { constructor(o: ClientOptions) {
 * super(dtsV20180330, o) } ... }
 *   export function createBareDtsClient(o: CoreClientOptions, f?: ClientFeatures) { return new
 * CoreClient(dtsV20180330Core, o, f) }
 *   export function modifyMigrateJob(client, request, options?) { return client.send(op, request,
 * options) }
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
import { debugEnabled, debugLogger } from "./debug-logger.js";
import { defaultCredentialChain, processEnvironment } from "./default-credentials.js";
import { assertValidRegion } from "./endpoint.js";
import { ConfigurationError, type ErrorRegistry } from "./errors.js";
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
} from "./client-core.js";
export type { RetryStrategy } from "./retry.js";
export type { ExtraFields } from "./request-body.js";
export type { Credentials, CredentialProvider, ExpiringCredentials } from "./credentials.js";
export type { Clock } from "./clock.js";
export type { Transport, HttpRequest, HttpResponse, HttpAgent } from "./transport.js";
export type { RateLimitOptions } from "./rate-limit.js";

/** What the generated code knows about one service version. */
export interface ServiceDescriptor extends CoreDescriptor {
  readonly errors: ErrorRegistry;
}

export interface ClientOptions extends Omit<CoreClientOptions, "region"> {
  /**
   * Region name, e.g. "ap-guangzhou"; default: the TENCENTCLOUD_REGION environment variable.
   * Neither is a `ConfigurationError`.
   */
  region?: string;
  /** Attempts per call including the first (default 3); 1 disables retries. */
  maxAttempts?: number;
  /** `false` turns rate limiting off; otherwise overrides the documented per-action rates. */
  rateLimit?: false | RateLimitOptions;
  /** Backoff before retry n is random in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  retryBackoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Advanced/testing: random numbers in [0, 1) for jitter. */
  random?: () => number;
  /**
   * Advanced/testing: the environment read for TENCENTCLOUD_REGION, TENCENTCLOUD_SDK_DEBUG and the
   * default credential chain (default process.env; none in a browser).
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Advanced/testing: the only profile file the default credential chain reads. */
  profilePath?: string;
}

export class ServiceClient extends CoreClient {
  constructor(descriptor: ServiceDescriptor, options: ClientOptions) {
    const core = withEnvironmentDefaults(descriptor, options);
    super(descriptor, core, documentedFeatures(descriptor, options));
    core.logger?.debug?.("client", {
      service: descriptor.service,
      version: descriptor.version,
      region: core.region,
      regionFrom: options.region === undefined ? "TENCENTCLOUD_REGION" : "options",
      endpoint: this.endpoint.url,
      credentials:
        options.credentials === undefined
          ? "default chain"
          : typeof options.credentials === "function"
            ? "provider"
            : "options",
    });
  }
}

/**
 * The options with what the environment supplies: the region from TENCENTCLOUD_REGION, and a
 * stderr logger under TENCENTCLOUD_SDK_DEBUG. The environment is read only for what the options
 * leave out; a missing region is a `ConfigurationError` that says where one can come from.
 */
function withEnvironmentDefaults(
  descriptor: ServiceDescriptor,
  options: ClientOptions,
): CoreClientOptions {
  // From JavaScript anything may arrive here; say so instead of failing on a property read.
  if (typeof options !== "object" || options === null) {
    throw new ConfigurationError(
      `${descriptor.service} client: expected an options object such as { region: "ap-guangzhou" }, got ${options === null ? "null" : typeof options}`,
    );
  }
  if (options.region !== undefined && options.logger !== undefined) {
    return options as CoreClientOptions;
  }
  const env = options.env ?? processEnvironment();
  const region = options.region ?? env["TENCENTCLOUD_REGION"];
  assertValidRegion(region, ", or set TENCENTCLOUD_REGION");
  const logger =
    options.logger ?? (debugEnabled(env) ? debugLogger(descriptor.service) : undefined);
  return { ...options, region, ...(logger !== undefined && { logger }) };
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
