/**
 * The bare client every generated client builds on: validate, sign, send, parse. Everything
 * else is a feature installed by whoever constructs it, so that an app bundles only what it uses:
 *
 * - `errors`: the service's error classes by code (without: every API error is a
 *   `TencentCloudError` carrying the code);
 * - `retry`: a retry policy such as `standardRetry()` (without: one attempt per call);
 * - `rateLimiter`: such as `new RateLimiter({})` (without: calls are not limited);
 * - `defaultCredentials`: asked when the options carry no `credentials` (without: the options
 *   must carry them).
 *
 * `ServiceClient` (client.ts) installs the documented defaults; the generated `DtsClient` extends
 * it. The generated `createBare<Service>Client(options, features?)` builds a bare one.
 *
 * Both carry the escape hatches for docs that trail the service: `validate: false` and
 * `allowUnknownFields: true` (client or call options), `extraFields` (call option; see
 * request-body.ts), and `request(action, params)` for actions no page documents.
 */
import { systemClock, type Clock } from "./clock.js";
import { credentialSource, type CredentialProvider, type Credentials } from "./credentials.js";
import { customHeadersOf } from "./custom-headers.js";
import { createDefaultTransport } from "./default-transport.js";
import { assertValidRegion, resolveEndpoint, type ResolvedEndpoint } from "./endpoint.js";
import {
  ConfigurationError,
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
import { interpretResponse, serverDateOf, SIGNATURE_EXPIRE } from "./interpret-response.js";
import { serializeRequestBody } from "./json.js";
import { checkedRequestBody, type BodyRules, type ExtraFields } from "./request-body.js";
import type { RetryStrategy } from "./retry.js";
import { signTc3 } from "./signer.js";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  type HttpAgent,
  type HttpResponse,
  type Transport,
} from "./transport.js";
import { describeReceived, isJsonObject, makeIssue, type Validator } from "./validation.js";

/** Where one service version's requests go. */
export interface CoreDescriptor {
  /** Service name used in the credential scope, e.g. "dts". */
  readonly service: string;
  /** API version, e.g. "2018-03-30". */
  readonly version: string;
  /** Default host, e.g. "dts.tencentcloudapi.com". */
  readonly host: string;
  /** Host in finance regions, e.g. "dts.{region}.tencentcloudapi.com". */
  readonly financeHostTemplate?: string;
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
  /** The response's RequestId, on success and on a service error (quote it to Tencent support). */
  readonly requestId?: string;
  readonly durationMs: number;
  /** Set when the attempt failed. */
  readonly error?: TencentCloudError;
}

/**
 * Called synchronously around every attempt, for tracing and metrics; keep them small and keep
 * them from throwing (they run inside the call).
 */
export interface ClientHooks {
  /**
   * Before each attempt is sent: action, attempt, URL, headers (no Authorization, no X-TC-Token),
   * body.
   */
  onRequest?(event: RequestEvent): void;
  /** After each attempt: status, duration, request id, and the error when it failed. */
  onResponse?(event: ResponseEvent): void;
}

/** Options every client takes. */
export interface CoreClientOptions {
  /** Region name, e.g. "ap-guangzhou". `ServiceClient` also reads TENCENTCLOUD_REGION. */
  region: string;
  /**
   * Keys or an async provider. `ServiceClient` falls back to the environment, then the profile
   * file.
   */
  credentials?: Credentials | CredentialProvider;
  /** Host ("dts.tencentcloudapi.com") or, on loopback, a URL ("http://127.0.0.1:8080"). */
  endpoint?: string;
  /**
   * Language of the service's error messages and of some response texts, sent as X-TC-Language
   * (default: the service's, usually zh-CN).
   */
  language?: "zh-CN" | "en-US";
  /** Per-attempt timeout in milliseconds (default 60000). */
  timeout?: number;
  /**
   * Largest response body read, in bytes (default 32 MiB). A larger one (or a Content-Length
   * announcing one) fails the call with `ResponseTooLargeError`, not retried, and the transport
   * closes the connection instead of reading on.
   */
  maxResponseBytes?: number;
  /**
   * Where log lines go (default: none; `ServiceClient` logs to stderr when
   * TENCENTCLOUD_SDK_DEBUG=1).
   * `debug`: each request and response (action, attempt, status, duration, error code, request
   * id); `info`: each retry; `warn`: each clock-skew correction. Never keys, tokens or headers.
   */
  logger?: Logger;
  /** Tracing and metrics callbacks around every attempt; see `ClientHooks`. */
  hooks?: ClientHooks;
  /**
   * Headers added to every request, e.g. `{ "X-Trace-Id": id }`. Not signed. Host, Content-Type,
   * Content-Length, Authorization and X-TC-* (which the client writes and signs) are refused with
   * `ConfigurationError`, as are names and values no header can carry. `onRequest` sees them.
   */
  headers?: Readonly<Record<string, string>>;
  /**
   * Node only: an HTTP proxy for the default transport, e.g. "http://proxy.corp:3128" (https goes
   * through a CONNECT tunnel, TLS end to end). A browser uses its own proxy settings and refuses
   * this option.
   */
  proxy?: string;
  /** Node only: your own `http.Agent` / `https.Agent` for the default transport. */
  agent?: HttpAgent;
  /**
   * A fetch implementation (e.g. undici's, or one with a proxy dispatcher): the client then sends
   * through the fetch transport with it, in Node as in a browser.
   */
  fetch?: typeof fetch;
  /**
   * Host names besides loopback to which plain http and a port are allowed, for tests only: e.g.
   * `["mock"]` for a mock server in a docker-compose service at "http://mock:8080". Never needed
   * against Tencent Cloud.
   */
  allowInsecureHttp?: readonly string[];
  /**
   * The HTTP transport (default: keep-alive node:http(s) in Node, fetch in a browser), e.g.
   * `createNodeTransport({ maxSockets: 16 })`. Replaces `proxy`, `agent` and `fetch`.
   */
  transport?: Transport;
  /** Advanced/testing: time source and sleep. */
  clock?: Clock;
  /**
   * `false` sends every request unchecked (default true). For when the docs are wrong about a
   * type, or when validation costs too much on a hot path; the service still checks each call.
   * A call's own `validate` wins.
   */
  validate?: boolean;
  /**
   * `true` sends request fields the docs do not list as given (default false: such a field is a
   * `ValidationError`, which catches typos). Known fields are still validated. A call's own
   * `allowUnknownFields` wins. To send a newer field with the request type kept exact, use the
   * call option `extraFields` instead.
   */
  allowUnknownFields?: boolean;
}

/** Options of any call, including `request()` calls of actions no page documents. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds for this call. */
  timeout?: number;
  /**
   * Attempts for this call, read by the client's retry policy (a bare client without one makes
   * one).
   */
  maxAttempts?: number;
}

/** Options of a call of a documented action. */
export interface CallOptions extends RequestOptions {
  /** `false` sends this request unchecked; overrides the client's `validate`. */
  validate?: boolean;
  /** `true` sends fields the docs do not list as given; overrides the client's option. */
  allowUnknownFields?: boolean;
  /**
   * Fields newer than the docs, added to the request body after it is validated, e.g.
   * `{ extraFields: { NewFlag: true } }`. Not validated; a documented field here is a
   * `ValidationError` (it belongs in the request, where it is typed and validated).
   */
  extraFields?: ExtraFields;
}

/** Waits for a token for `action` before each attempt (e.g. `RateLimiter`). */
export interface RequestRateLimiter {
  take(action: string, documentedRate: number | undefined, signal?: AbortSignal): Promise<void>;
}

/** Optional behaviour installed into a client; see the module comment. */
export interface ClientFeatures {
  readonly errors?: ErrorRegistry;
  readonly retry?: RetryStrategy;
  readonly rateLimiter?: RequestRateLimiter;
  readonly defaultCredentials?: CredentialProvider;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const CONTENT_TYPE = "application/json";
/** Shared by calls that pass no options, rather than a fresh `{}` per call. */
const NO_CALL_OPTIONS: CallOptions = Object.freeze({});
/** An action name as it goes into the X-TC-Action header: what every Tencent action looks like. */
const ACTION_NAME = /^[A-Z][A-Za-z0-9]*$/;

export class CoreClient {
  readonly descriptor: CoreDescriptor;
  readonly region: string;
  readonly endpoint: ResolvedEndpoint;
  readonly #options: CoreClientOptions;
  /** The client's own body rules: a call without overrides uses this object as it is. */
  readonly #bodyRulesOfClient: BodyRules;
  readonly #features: ClientFeatures;
  readonly #credentials: () => Promise<Credentials>;
  readonly #transport: Transport;
  readonly #clock: Clock;
  readonly #maxResponseBytes: number;
  /** The `headers` option checked, as pairs; undefined (nothing to copy) when not given. */
  readonly #customHeaders: readonly (readonly [string, string])[] | undefined;
  /** Static keys from the options, used without a promise hop per request. */
  readonly #staticCredentials: Credentials | undefined;
  /** Whether a logger or a response hook wants to hear about each attempt. */
  readonly #observed: boolean;
  /** Server time minus local time, learnt from AuthFailure.SignatureExpire responses. */
  #clockOffsetMs = 0;

  constructor(
    descriptor: CoreDescriptor,
    options: CoreClientOptions,
    features: ClientFeatures = {},
  ) {
    assertValidRegion(options.region);
    this.descriptor = descriptor;
    this.region = options.region;
    this.endpoint = resolveEndpoint({
      defaultHost: descriptor.host,
      service: descriptor.service,
      financeHostTemplate: descriptor.financeHostTemplate,
      region: options.region,
      endpoint: options.endpoint,
      allowInsecureHttp: options.allowInsecureHttp,
    });
    this.#options = options;
    this.#bodyRulesOfClient = {
      validate: options.validate ?? true,
      allowUnknownFields: options.allowUnknownFields ?? false,
      extraFields: undefined,
    };
    this.#features = features;
    this.#clock = options.clock ?? systemClock;
    this.#maxResponseBytes = responseLimitOf(options.maxResponseBytes);
    this.#transport = transportOf(options);
    this.#customHeaders = customHeadersOf(options.headers);
    this.#credentials = credentialSource(options.credentials, features.defaultCredentials, () =>
      this.#clock.now(),
    );
    this.#staticCredentials =
      typeof options.credentials === "object" ? options.credentials : undefined;
    this.#observed = options.hooks?.onResponse !== undefined || options.logger?.debug !== undefined;
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
  send<Req, Res>(
    operation: OperationDescriptor<Req, Res>,
    request: Req,
    options: CallOptions = NO_CALL_OPTIONS,
  ): Promise<Res> {
    const { action } = operation;
    let body: string;
    try {
      body = checkedRequestBody(action, operation.request, request, this.#bodyRules(options));
    } catch (error) {
      return Promise.reject(error);
    }
    // Not async, and no await: one promise per call fewer (e2e 0.78x -> see bench/RESULTS.md).
    return this.#sendBody(action, body, operation.rateLimitPerSecond, options) as Promise<Res>;
  }

  /** The client's own body rules, unless the call overrides one. */
  #bodyRules(options: CallOptions): BodyRules {
    const rules = this.#bodyRulesOfClient;
    if (
      options.validate === undefined &&
      options.allowUnknownFields === undefined &&
      options.extraFields === undefined
    ) {
      return rules;
    }
    return {
      validate: options.validate ?? rules.validate,
      allowUnknownFields: options.allowUnknownFields ?? rules.allowUnknownFields,
      extraFields: options.extraFields,
    };
  }

  /**
   * Calls an action no page documents (like the official SDK's CommonClient): `params` is sent
   * as given, unchecked, and signed, retried, rate-limited (at the client's `perAction` or
   * `requestsPerSecond` rate; no documented rate is known) and its error codes mapped to the
   * client's error classes like a generated call. Resolves with the `Response` content, typed
   * as the caller says (`unknown` by default). `action` must look like an action name
   * ("DescribeThings"), since it is sent in a header.
   */
  async request<T = unknown>(
    action: string,
    params: { readonly [name: string]: unknown } = {},
    options: RequestOptions = NO_CALL_OPTIONS,
  ): Promise<T> {
    if (typeof action !== "string" || !ACTION_NAME.test(action)) {
      throw new ConfigurationError(
        `request(): the action must be a name such as "DescribeInstances" (a capital letter, then letters and digits), got ${describeReceived(action)}`,
      );
    }
    if (!isJsonObject(params)) {
      throw new ValidationError(
        [makeIssue([], "object (the action's parameters)", params)],
        action,
      );
    }
    return (await this.#sendBody(action, serializeRequestBody(params), undefined, options)) as T;
  }

  /**
   * Sends a serialized body with retries and rate limiting; resolves with the `Response` content.
   */
  async #sendBody(
    action: string,
    body: string,
    documentedRate: number | undefined,
    options: RequestOptions,
  ): Promise<unknown> {
    const { retry, rateLimiter } = this.#features;
    const signal = options.signal;
    let skewRetried = false;
    for (let attempt = 1; ; attempt++) {
      let error: TencentCloudError;
      try {
        if (signal?.aborted) throw abortedError(action, attempt - 1);
        if (rateLimiter !== undefined) {
          try {
            await rateLimiter.take(action, documentedRate, signal);
          } catch {
            throw abortedError(action, attempt - 1);
          }
        }
        return await this.#attempt(action, body, attempt, options);
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
      const delay = retry?.(error, attempt, options.maxAttempts);
      if (delay === undefined) throw withAttempts(error, attempt);
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

  async #attempt(
    action: string,
    body: string,
    attempt: number,
    options: RequestOptions,
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
    if (this.#customHeaders !== undefined) {
      for (const [name, value] of this.#customHeaders) headers[name] = value;
    }
    // The Node signer returns the result itself; a browser build's (over WebCrypto) a promise.
    const signed = await signTc3({
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
      service: this.descriptor.service,
      host: this.endpoint.signedHost,
      timestamp,
      contentType: CONTENT_TYPE,
      payload: body,
    });
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
    // Durations are reported only to an observer; unobserved calls skip the clock read.
    const started = this.#observed ? this.#clock.now() : 0;
    let response: HttpResponse | undefined;
    try {
      const maxResponseBytes = this.#maxResponseBytes;
      response = await this.#transport.send(
        options.signal === undefined
          ? { url: this.endpoint.url, method: "POST", headers, body, timeoutMs, maxResponseBytes }
          : {
              url: this.endpoint.url,
              method: "POST",
              headers,
              body,
              timeoutMs,
              maxResponseBytes,
              signal: options.signal,
            },
      );
      const result = interpretResponse(action, response, this.#features.errors);
      if (this.#observed) {
        this.#report(action, attempt, started, response, undefined, requestIdOf(result));
      }
      return result;
    } catch (caught) {
      let error = caught;
      if (options.signal?.aborted) error = abortedError(action, attempt);
      else if (
        caught instanceof TencentCloudError &&
        caught.action === undefined &&
        (caught instanceof TransportError || caught instanceof UnexpectedResponseError)
      ) {
        // A transport's own errors (network, timeout, body limit, refused redirect) name no action.
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
        this.#report(action, attempt, started, response, error, error.requestId);
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
    requestId: string | undefined,
  ): void {
    const event: ResponseEvent = {
      action,
      attempt,
      durationMs: this.#clock.now() - started,
      ...(response !== undefined && { status: response.status }),
      ...(requestId !== undefined && { requestId }),
      ...(error !== undefined && { error }),
    };
    this.#options.hooks?.onResponse?.(event);
    this.#options.logger?.debug?.("response", {
      action,
      attempt,
      status: event.status,
      durationMs: event.durationMs,
      code: error?.code,
      requestId,
    });
  }

  /** Sets the clock offset from the server's Date header; false when there is none. */
  #learnClockOffset(error: TencentCloudError): boolean {
    const date = serverDateOf(error);
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

/** The `RequestId` of a successful call's `Response` content, when it is a string. */
function requestIdOf(content: unknown): string | undefined {
  const id = (content as { RequestId?: unknown }).RequestId;
  return typeof id === "string" ? id : undefined;
}

/**
 * The transport the options ask for: `transport` as given, else the default one configured by
 * `proxy`, `agent` and `fetch`. Giving both is a `ConfigurationError`: the options would be
 * silently ignored.
 */
function transportOf(options: CoreClientOptions): Transport {
  const { proxy, agent, fetch } = options;
  const configured = proxy !== undefined || agent !== undefined || fetch !== undefined;
  if (options.transport !== undefined) {
    if (configured) {
      throw new ConfigurationError(
        "transport cannot be combined with proxy, agent or fetch, which configure the default transport: pass them to your transport instead (e.g. createNodeTransport({ proxy }))",
      );
    }
    return options.transport;
  }
  if (!configured) return createDefaultTransport();
  return createDefaultTransport({
    ...(proxy !== undefined && { proxy }),
    ...(agent !== undefined && { agent }),
    ...(fetch !== undefined && { fetch }),
  });
}

/**
 * The `maxResponseBytes` option checked: a positive whole number of bytes, else
 * ConfigurationError.
 */
function responseLimitOf(option: number | undefined): number {
  if (option === undefined) return DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(option) || option < 1) {
    throw new ConfigurationError(
      `maxResponseBytes must be a positive whole number of bytes, got ${String(option)}`,
    );
  }
  return option;
}

function abortedError(action: string, attempts: number): RequestAbortedError {
  return new RequestAbortedError({
    code: "RequestAborted",
    message: `${action}: the call was aborted`,
    action,
    attempts,
  });
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
