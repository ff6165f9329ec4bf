/**
 * The HTTP boundary of the client: one request in, one complete response out.
 *
 * Implementations: `transport-node.ts` (node:http/node:https keep-alive agents) and
 * `transport-fetch.ts` (fetch, for browsers and other runtimes). `default-transport.ts` picks
 * one; a platform build swaps that file. Transports know nothing about signing, retries or
 * timeouts: the client passes one AbortSignal that covers both the caller's cancellation and
 * the timeout, and maps whatever a transport throws after it fired.
 */

export interface HttpRequest {
  /** Absolute URL, e.g. "https://dts.tencentcloudapi.com/". */
  readonly url: string;
  readonly method: "POST" | "GET";
  /** Header names as they go on the wire. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly signal?: AbortSignal;
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
   * `request.signal` fires it may reject with anything (the client decides what to report).
   */
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Releases pooled connections. */
  close?(): void;
}
