/**
 * Error classes every generated package shares.
 *
 * Hierarchy (all with working `instanceof`; `name` is the concrete class name):
 *
 *   Error
 *   ├── TencentCloudError                 an API call failed; carries code, requestId, action, ...
 *   │   ├── <Category>Error               generated, one per code category ("ResourceNotFound")
 *   │   │   └── <Category><Sub>Error      generated, one per documented code
 *   │   ├── UnexpectedResponseError       the server answered without Tencent's JSON error shape
 *   │   └── TransportError                no usable answer arrived
 *   │       ├── NetworkError              connection refused/reset/dropped (retryable)
 *   │       ├── TimeoutError              no response within the timeout (retryable)
 *   │       ├── ResponseTooLargeError     the body passed maxResponseBytes (never retried)
 *   │       └── RequestAbortedError       the caller's AbortSignal fired (never retried)
 *   ├── ValidationError                   the request failed its validator; nothing was sent
 *   └── ConfigurationError                bad client options (region, endpoint, credentials)
 *
 * No error ever carries a secret key, session token or Authorization header: messages are built
 * only from codes, server messages, action names and request ids, and `toJSON` lists fields
 * explicitly.
 */
import type { ValidationIssue } from "./validation.js";

export interface TencentCloudErrorInit {
  /** Tencent error code, e.g. "ResourceNotFound.JobNotExist". */
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  readonly action?: string;
  readonly httpStatus?: number;
  /** Whether retrying the same call may succeed. Defaults to false. */
  readonly retryable?: boolean;
  /** Attempts made before this error was thrown. Defaults to 1. */
  readonly attempts?: number;
  readonly cause?: unknown;
}

export class TencentCloudError extends Error {
  readonly code: string;
  readonly requestId?: string;
  readonly action?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly attempts: number;

  constructor(init: TencentCloudErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.action !== undefined) this.action = init.action;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? false;
    this.attempts = init.attempts ?? 1;
  }

  override toString(): string {
    const id = this.requestId === undefined ? "" : ` (RequestId ${this.requestId})`;
    return `${this.name} [${this.code}]: ${this.message}${id}`;
  }

  /** Plain data for logs; lists its fields explicitly so nothing else can leak into it. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      requestId: this.requestId,
      action: this.action,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      attempts: this.attempts,
    };
  }
}

/** The server answered, but not with a `{"Response": ...}` body (e.g. an HTML 502 page). */
export class UnexpectedResponseError extends TencentCloudError {}

/** No usable answer arrived. */
export class TransportError extends TencentCloudError {}
/** The connection failed or was dropped. */
export class NetworkError extends TransportError {}
/** No complete response within the timeout. */
export class TimeoutError extends TransportError {}
/** The caller's AbortSignal fired; nothing more is sent. */
export class RequestAbortedError extends TransportError {}
/**
 * The response body passed the client's `maxResponseBytes` (or its Content-Length said it would);
 * the transport stopped reading and closed the connection. Not retryable: the same call would most
 * likely get the same oversized answer, and every retry would download up to the limit again.
 */
export class ResponseTooLargeError extends TransportError {}

/** Records how many attempts a call made; used by the retry loop just before it throws. */
export function withAttempts<E extends TencentCloudError>(error: E, attempts: number): E {
  (error as { attempts: number }).attempts = attempts;
  return error;
}

/** Bad client options: an invalid region or endpoint, or no credentials. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Said under a ValidationError for unknown keys: a typo, or a field the docs do not list yet. */
const NEWER_FIELDS_HINT =
  "A field newer than the docs can be sent with `allowUnknownFields: true` on the call or the " +
  "client (unknown fields are sent as given; known ones are still validated), or, at the top " +
  "level of the request, with the call option `extraFields: { Name: value }` (the request type " +
  "stays exact).";

/** The request did not pass its validator; nothing was sent. */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];
  readonly action?: string;

  constructor(issues: readonly ValidationIssue[], action?: string) {
    const heading =
      `${action === undefined ? "Request" : `${action} request`} is invalid ` +
      `(${issues.length} issue${issues.length === 1 ? "" : "s"}):`;
    const lines = [heading, ...issues.map((i) => `  ${i.message}`)];
    if (issues.some((i) => i.unknownKey === true)) lines.push(NEWER_FIELDS_HINT);
    super(lines.join("\n"));
    this.name = new.target.name;
    this.issues = issues;
    if (action !== undefined) this.action = action;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, action: this.action, issues: this.issues };
  }
}

export type ErrorClass = new (init: TencentCloudErrorInit) => TencentCloudError;

/** The generated error classes of one service version, looked up by code. */
export interface ErrorRegistry {
  /** Exact code ("ResourceNotFound.JobNotExist") to class. */
  readonly codes: Readonly<Record<string, ErrorClass>>;
  /** Category (text before the first ".") to class. */
  readonly categories: Readonly<Record<string, ErrorClass>>;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Builds the most specific error class for a code: exact code, else category, else base. */
export function createServiceError(
  registry: ErrorRegistry,
  init: TencentCloudErrorInit,
): TencentCloudError {
  if (hasOwn(registry.codes, init.code)) {
    const exact = registry.codes[init.code];
    if (exact !== undefined) return new exact(init);
  }
  const dot = init.code.indexOf(".");
  const category = dot === -1 ? init.code : init.code.slice(0, dot);
  if (hasOwn(registry.categories, category)) {
    const byCategory = registry.categories[category];
    if (byCategory !== undefined) return new byCategory(init);
  }
  return new TencentCloudError(init);
}
