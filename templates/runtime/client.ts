/**
 * The client core every generated service client extends: validate, rate-limit, sign, send,
 * parse, map errors, retry.
 *
 * Generated code:
 *   export class DtsClient extends ServiceClient { constructor(o: ClientOptions) { super(dtsV20180330, o) } ... }
 *   export function modifyMigrateJob(client, request, options?) { return client.send(op, request, options) }
 */
import { systemClock, type Clock } from "./clock.js";
import { credentialSource, type CredentialProvider, type Credentials } from "./credentials.js";
import { defaultCredentialChain } from "./default-credentials.js";
import { createDefaultTransport } from "./default-transport.js";
import { assertValidRegion, resolveEndpoint, type ResolvedEndpoint } from "./endpoint.js";
import {
  createServiceError,
  NetworkError,
  RequestAbortedError,
  TencentCloudError,
  TransportError,
  UnexpectedResponseError,
  ValidationError,
  withAttempts,
  type ErrorClass,
  type ErrorRegistry,
} from "./errors.js";
import { parseResponseBody, serializeRequestBody } from "./json.js";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.js";
import {
  backoffDelay,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_DELAY_MS,
  isTransientCode,
} from "./retry.js";
import { signTc3 } from "./signer.js";
import type { HttpResponse, Transport } from "./transport.js";
import type { Validator } from "./validation.js";

export type { Credentials, CredentialProvider, ExpiringCredentials } from "./credentials.js";
export type { Clock } from "./clock.js";
export type { Transport, HttpRequest, HttpResponse } from "./transport.js";
export type { RateLimitOptions } from "./rate-limit.js";

/** What the generated code knows about one service version. */
export interface ServiceDescriptor {
  /** Service name used in the credential scope, e.g. "dts". */
  readonly service: string;
  /** API version, e.g. "2018-03-30". */
  readonly version: string;
  /** Default host, e.g. "dts.tencentcloudapi.com". */
  readonly host: string;
  /** Host in finance regions, e.g. "dts.{region}.tencentcloudapi.com". */
  readonly financeHostTemplate?: string;
  readonly errors: ErrorRegistry;
}

/** What the generated code knows about one action. */
export interface OperationDescriptor<Req, Res> {
  readonly action: string;
  readonly request: Validator<Req>;
  /** Documented rate limit (requests per second). */
  readonly rateLimitPerSecond?: number;
  /** Carries the response type only; never set. */
  readonly __response?: Res;
}

/** Log lines the client writes; never contain secrets, tokens or Authorization headers. */
export interface Logger {
  debug?(message: string, data?: Readonly<Record<string, unknown>>): void;
  info?(message: string, data?: Readonly<Record<string, unknown>>): void;
  warn?(message: string, data?: Readonly<Record<string, unknown>>): void;
}

export interface RequestEvent {
  readonly action: string;
  readonly attempt: number;
  readonly url: string;
  /** Request headers without Authorization and X-TC-Token. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface ResponseEvent {
  readonly action: string;
  readonly attempt: number;
  readonly status?: number;
  readonly requestId?: string;
  readonly durationMs: number;
  /** Set when the attempt failed. */
  readonly error?: TencentCloudError;
}

export interface ClientHooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
}

export interface ClientOptions {
  /** Region name, e.g. "ap-guangzhou". */
  region: string;
  /** Keys or an async provider; defaults to the environment, then ~/.tencentcloud/credentials. */
  credentials?: Credentials | CredentialProvider;
  /** Host ("dts.tencentcloudapi.com") or, on loopback, a URL ("http://127.0.0.1:8080"). */
  endpoint?: string;
  language?: "zh-CN" | "en-US";
  /** Per-attempt timeout in milliseconds (default 60000). */
  timeout?: number;
  /** Attempts per call including the first (default 3); 1 disables retries. */
  maxAttempts?: number;
  /** `false` turns rate limiting off; otherwise overrides the documented per-action rates. */
  rateLimit?: false | RateLimitOptions;
  logger?: Logger;
  hooks?: ClientHooks;
  /** Backoff before retry n is random in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  retryBackoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Advanced/testing: the HTTP transport (default: keep-alive node:http(s)). */
  transport?: Transport;
  /** Advanced/testing: time source and sleep. */
  clock?: Clock;
  /** Advanced/testing: random numbers in [0, 1) for jitter. */
  random?: () => number;
  /** Advanced/testing: environment for the default credential chain (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Advanced/testing: path of the profile file for the default credential chain. */
  profilePath?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds for this call. */
  timeout?: number;
  maxAttempts?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const CONTENT_TYPE = "application/json";
const SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";

export class ServiceClient {
  readonly descriptor: ServiceDescriptor;
  readonly region: string;
  readonly endpoint: ResolvedEndpoint;
  readonly #options: ClientOptions;
  readonly #credentials: () => Promise<Credentials>;
  readonly #transport: Transport;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #limiter: RateLimiter | undefined;
  /** Static keys from the options, used without a promise hop per request. */
  readonly #staticCredentials: Credentials | undefined;
  /** Whether a logger or a response hook wants to hear about each attempt. */
  readonly #observed: boolean;
  /** Server time minus local time, learnt from AuthFailure.SignatureExpire responses. */
  #clockOffsetMs = 0;

  constructor(descriptor: ServiceDescriptor, options: ClientOptions) {
    assertValidRegion(options.region);
    this.descriptor = descriptor;
    this.region = options.region;
    this.endpoint = resolveEndpoint({
      defaultHost: descriptor.host,
      service: descriptor.service,
      financeHostTemplate: descriptor.financeHostTemplate,
      region: options.region,
      endpoint: options.endpoint,
    });
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#transport = options.transport ?? createDefaultTransport();
    const chain = defaultCredentialChain({
      ...(options.env !== undefined && { env: options.env }),
      ...(options.profilePath !== undefined && { profilePath: options.profilePath }),
    });
    this.#credentials = credentialSource(options.credentials, chain, () => this.#clock.now());
    this.#staticCredentials =
      typeof options.credentials === "object" ? options.credentials : undefined;
    this.#observed = options.hooks?.onResponse !== undefined || options.logger?.debug !== undefined;
    this.#limiter =
      options.rateLimit === false
        ? undefined
        : new RateLimiter(options.rateLimit ?? {}, this.#clock);
  }

  /** Server time offset currently applied to request timestamps, in milliseconds. */
  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }

  /** Closes pooled connections. */
  close(): void {
    this.#transport.close?.();
  }

  /** Validates, signs and sends one call; resolves with the `Response` content. */
  async send<Req, Res>(
    operation: OperationDescriptor<Req, Res>,
    request: Req,
    options: CallOptions = {},
  ): Promise<Res> {
    const { action } = operation;
    const checked = operation.request.validate(request);
    if (!checked.ok) throw new ValidationError(checked.issues, action);
    const body = serializeRequestBody(request);
    const maxAttempts = Math.max(
      1,
      Math.floor(options.maxAttempts ?? this.#options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    );
    const signal = options.signal;
    let skewRetried = false;
    for (let attempt = 1; ; attempt++) {
      let error: TencentCloudError;
      try {
        throwIfAborted(signal, action, attempt - 1);
        if (this.#limiter !== undefined) {
          await this.#waitForToken(this.#limiter, operation, signal, action, attempt);
        }
        return (await this.#attempt(action, body, attempt, options)) as Res;
      } catch (caught) {
        if (!(caught instanceof TencentCloudError)) throw caught;
        error = caught;
      }
      if (error instanceof RequestAbortedError) throw error; // attempts set where it fired
      if (error.code === SIGNATURE_EXPIRE && !skewRetried && this.#learnClockOffset(error)) {
        skewRetried = true;
        attempt--; // the skew retry does not count against maxAttempts
        continue;
      }
      if (!error.retryable || attempt >= maxAttempts) throw withAttempts(error, attempt);
      const policy = {
        baseDelayMs: this.#options.retryBackoff?.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
        maxDelayMs: this.#options.retryBackoff?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
      };
      const delay = backoffDelay(attempt, policy, this.#random);
      this.#options.logger?.info?.("retrying", {
        action,
        attempt,
        code: error.code,
        requestId: error.requestId,
        delayMs: delay,
      });
      try {
        await this.#clock.sleep(delay, signal);
      } catch {
        throw abortedError(action, attempt);
      }
    }
  }

  async #waitForToken(
    limiter: RateLimiter,
    operation: OperationDescriptor<unknown, unknown>,
    signal: AbortSignal | undefined,
    action: string,
    attempt: number,
  ): Promise<void> {
    try {
      await limiter.take(action, operation.rateLimitPerSecond, signal);
    } catch {
      throw abortedError(action, attempt - 1);
    }
  }

  async #attempt(
    action: string,
    body: string,
    attempt: number,
    options: CallOptions,
  ): Promise<unknown> {
    const credentials = this.#staticCredentials ?? (await this.#credentials());
    const timestamp = Math.floor((this.#clock.now() + this.#clockOffsetMs) / 1000);
    const headers: Record<string, string> = {
      Host: this.endpoint.hostHeader,
      "Content-Type": CONTENT_TYPE,
      "X-TC-Action": action,
      "X-TC-Version": this.descriptor.version,
      "X-TC-Timestamp": String(timestamp),
      "X-TC-Region": this.region,
    };
    if (this.#options.language !== undefined) headers["X-TC-Language"] = this.#options.language;
    // A browser build's signer (signer-browser.ts, over WebCrypto) returns a promise; the Node
    // signer returns the result itself, which is used without an await (one promise hop fewer).
    const signing = signTc3({
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
      service: this.descriptor.service,
      host: this.endpoint.signedHost,
      timestamp,
      contentType: CONTENT_TYPE,
      payload: body,
    });
    const signed = signing instanceof Promise ? await signing : signing;
    this.#options.hooks?.onRequest?.({
      action,
      attempt,
      url: this.endpoint.url,
      headers: { ...headers },
      body,
    });
    this.#options.logger?.debug?.("request", { action, attempt, url: this.endpoint.url });
    headers["Authorization"] = signed.authorization;
    if (credentials.token !== undefined && credentials.token !== "") {
      headers["X-TC-Token"] = credentials.token;
    }

    const timeoutMs = options.timeout ?? this.#options.timeout ?? DEFAULT_TIMEOUT_MS;
    const started = this.#clock.now();
    let response: HttpResponse | undefined;
    try {
      response = await this.#transport.send(
        options.signal === undefined
          ? { url: this.endpoint.url, method: "POST", headers, body, timeoutMs }
          : {
              url: this.endpoint.url,
              method: "POST",
              headers,
              body,
              timeoutMs,
              signal: options.signal,
            },
      );
      const result = this.#interpret(action, response);
      if (this.#observed) this.#report(action, attempt, started, response, undefined);
      return result;
    } catch (caught) {
      let error = caught;
      if (options.signal?.aborted) error = abortedError(action, attempt);
      else if (caught instanceof TransportError && caught.action === undefined) {
        error = rebuild(caught, action);
      } else if (!(caught instanceof TencentCloudError)) {
        error = new NetworkError({
          code: "NetworkError",
          message: `${action}: ${caught instanceof Error ? caught.message : "request failed"}`,
          action,
          retryable: true,
          cause: caught,
        });
      }
      if (error instanceof TencentCloudError && this.#observed) {
        this.#report(action, attempt, started, response, error);
      }
      throw error;
    }
  }

  #report(
    action: string,
    attempt: number,
    started: number,
    response: HttpResponse | undefined,
    error: TencentCloudError | undefined,
  ): void {
    const event: ResponseEvent = {
      action,
      attempt,
      durationMs: this.#clock.now() - started,
      ...(response !== undefined && { status: response.status }),
      ...(error?.requestId !== undefined && { requestId: error.requestId }),
      ...(error !== undefined && { error }),
    };
    this.#options.hooks?.onResponse?.(event);
    this.#options.logger?.debug?.("response", {
      action,
      attempt,
      status: event.status,
      durationMs: event.durationMs,
      code: error?.code,
      requestId: error?.requestId,
    });
  }

  /** Turns an HTTP response into the `Response` content or a thrown error. */
  #interpret(action: string, response: HttpResponse): unknown {
    let parsed: unknown;
    try {
      parsed = parseResponseBody(response.body);
    } catch {
      parsed = undefined;
    }
    const content =
      typeof parsed === "object" && parsed !== null
        ? (parsed as { Response?: unknown }).Response
        : undefined;
    if (typeof content !== "object" || content === null) {
      throw new UnexpectedResponseError({
        code: `HttpStatus${response.status}`,
        message: `${action}: unexpected HTTP ${response.status} response without a Tencent Cloud "Response" body`,
        action,
        httpStatus: response.status,
        retryable: response.status >= 500 || response.status === 429,
      });
    }
    const record = content as {
      Error?: { Code?: unknown; Message?: unknown };
      RequestId?: unknown;
    };
    const requestId = typeof record.RequestId === "string" ? record.RequestId : undefined;
    if (record.Error !== undefined) {
      const code = typeof record.Error.Code === "string" ? record.Error.Code : "UnknownError";
      const message = typeof record.Error.Message === "string" ? record.Error.Message : code;
      const error = createServiceError(this.descriptor.errors, {
        code,
        message,
        action,
        httpStatus: response.status,
        retryable: isTransientCode(code, response.status),
        ...(requestId !== undefined && { requestId }),
      });
      if (code === SIGNATURE_EXPIRE) serverDates.set(error, response.headers["date"]);
      throw error;
    }
    if (response.status >= 300) {
      throw new UnexpectedResponseError({
        code: `HttpStatus${response.status}`,
        message: `${action}: HTTP ${response.status}`,
        action,
        httpStatus: response.status,
        retryable: response.status >= 500,
        ...(requestId !== undefined && { requestId }),
      });
    }
    return content;
  }

  /** Sets the clock offset from the server's Date header; false when there is none. */
  #learnClockOffset(error: TencentCloudError): boolean {
    const date = serverDates.get(error);
    const serverTime = date === undefined ? NaN : Date.parse(date);
    if (Number.isNaN(serverTime)) return false;
    this.#clockOffsetMs = serverTime - this.#clock.now();
    this.#options.logger?.warn?.("clock skew corrected", {
      action: error.action,
      offsetMs: this.#clockOffsetMs,
    });
    return true;
  }
}

// The Date header of a SignatureExpire response, kept beside the error rather than on it.
const serverDates = new WeakMap<TencentCloudError, string | undefined>();

function abortedError(action: string, attempts: number): RequestAbortedError {
  return new RequestAbortedError({
    code: "RequestAborted",
    message: `${action}: the call was aborted`,
    action,
    attempts,
  });
}

function throwIfAborted(signal: AbortSignal | undefined, action: string, attempts: number): void {
  if (signal?.aborted) throw abortedError(action, attempts);
}

function rebuild(error: TencentCloudError, action: string): TencentCloudError {
  const Class = error.constructor as ErrorClass;
  return new Class({
    code: error.code,
    message: `${action}: ${error.message}`,
    action,
    retryable: error.retryable,
    ...(error.httpStatus !== undefined && { httpStatus: error.httpStatus }),
    ...(error.cause !== undefined && { cause: error.cause }),
  });
}
