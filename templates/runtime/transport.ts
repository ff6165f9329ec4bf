/**
 * The HTTP boundary of the client: one request in, one complete response out.
 *
 * Implementations: `transport-node.ts` (node:http/node:https keep-alive agents) and
 * `transport-fetch.ts` (fetch, for browsers and other runtimes). `default-transport.ts` picks
 * one; a platform build swaps that file. Transports know nothing about signing or retries. They
 * enforce the per-attempt deadline `timeoutMs` themselves (rejecting with `timeoutError`), and
 * watch `signal` only when the caller gave one: handing every request an AbortSignal made abort
 * listeners a tenth of the client's CPU on loopback. The client maps whatever a transport throws
 * after the caller's signal fired.
 */
import { ResponseTooLargeError, TimeoutError, UnexpectedResponseError } from "./errors.js";

/** Largest response body a transport reads when the request sets no limit: 32 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * A node:http `Agent` (or `https.Agent`), typed loosely so that the package's types need no
 * @types/node in a browser project; the node transport checks it has `addRequest`.
 */
export type HttpAgent = object;

export interface HttpRequest {
  /** Absolute URL, e.g. "https://dts.tencentcloudapi.com/". */
  readonly url: string;
  readonly method: "POST" | "GET";
  /** Header names as they go on the wire. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The caller's cancellation, when it gave one. */
  readonly signal?: AbortSignal;
  /** Reject with `timeoutError(timeoutMs)` when the complete response has not arrived by then. */
  readonly timeoutMs?: number;
  /**
   * Reject with `responseTooLargeError` and close the connection once the body (or its announced
   * Content-Length) passes this many bytes; `DEFAULT_MAX_RESPONSE_BYTES` when absent.
   */
  readonly maxResponseBytes?: number;
}

export interface HttpResponse {
  readonly status: number;
  /** Header values keyed by lowercase name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface Transport {
  /**
   * Sends one request. Rejects with a `NetworkError` when the connection fails or drops; after
   * `request.signal` fires it may reject with anything (the client decides what to report);
   * after `request.timeoutMs` it rejects with `timeoutError`; with `responseTooLargeError` when
   * the body passes `request.maxResponseBytes`; with `redirectError` on any 3xx answer (redirects
   * are never followed).
   */
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Releases pooled connections. */
  close?(): void;
}

/** What a transport rejects with when `timeoutMs` passes; the client adds the action name. */
export function timeoutError(timeoutMs: number): TimeoutError {
  return new TimeoutError({
    code: "RequestTimeout",
    message: `no response within ${timeoutMs} ms`,
    retryable: true,
  });
}

/** What a transport rejects with when a body passes `limit` bytes; the client adds the action. */
export function responseTooLargeError(limit: number, announced?: number): ResponseTooLargeError {
  const size = announced === undefined ? "more than" : `${announced} bytes, over`;
  return new ResponseTooLargeError({
    code: "ResponseTooLarge",
    message: `the response body is ${size} the limit of ${limit} bytes (maxResponseBytes); the connection was closed`,
    retryable: false,
  });
}

/**
 * What a transport rejects with on a 3xx answer. A Tencent Cloud endpoint never redirects, and
 * following one would send the signed body and the X-TC-Token session token to wherever the
 * Location header points, so no transport follows redirects. `status` is 0 when the platform hides
 * it (a browser's opaque redirect). Not retryable: the same request gets the same redirect.
 */
export function redirectError(
  status: number,
  location: string | undefined,
): UnexpectedResponseError {
  const answer = status === 0 ? "a redirect" : `HTTP ${status}`;
  const to = location === undefined ? "" : ` to ${JSON.stringify(location.slice(0, 200))}`;
  return new UnexpectedResponseError({
    code: "RedirectRefused",
    message: `the server answered ${answer}${to}; redirects are not followed, so the request and its credentials were not sent there`,
    retryable: false,
    ...(status !== 0 && { httpStatus: status }),
  });
}
