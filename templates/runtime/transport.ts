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
import { TimeoutError } from "./errors.js";

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
   * after `request.timeoutMs` it rejects with `timeoutError`.
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
