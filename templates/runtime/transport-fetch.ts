/**
 * Transport over the global `fetch`, for browsers and runtimes without node:http. Connection
 * reuse is left to the platform.
 */
import { NetworkError } from "./errors.js";
import { timeoutError, type HttpRequest, type HttpResponse, type Transport } from "./transport.js";

export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch): Transport {
  async function send(request: HttpRequest): Promise<HttpResponse> {
    const deadline = request.timeoutMs === undefined ? undefined : new AbortController();
    const timer =
      deadline === undefined ? undefined : setTimeout(() => deadline.abort(), request.timeoutMs);
    try {
      return await exchange(request, deadline?.signal);
    } catch (error) {
      if (deadline?.signal.aborted && request.timeoutMs !== undefined) {
        throw timeoutError(request.timeoutMs);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async function exchange(
    request: HttpRequest,
    deadline: AbortSignal | undefined,
  ): Promise<HttpResponse> {
    let response: Response;
    try {
      // Host and Content-Length are set by fetch itself (they are forbidden request headers).
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (name.toLowerCase() !== "host") headers[name] = value;
      }
      const init: RequestInit = { method: request.method, headers, body: request.body };
      const signals = [request.signal, deadline].filter((s) => s !== undefined);
      if (signals.length === 1) init.signal = signals[0];
      else if (signals.length === 2) init.signal = AbortSignal.any(signals);
      response = await fetchImpl(request.url, init);
    } catch (error) {
      throw toNetworkError(error);
    }
    const headers: Record<string, string | undefined> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      throw toNetworkError(error);
    }
    return { status: response.status, headers, body };
  }
  return { send };
}

function toNetworkError(error: unknown): NetworkError {
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError({
    code: "NetworkError",
    message: `Network error: ${message}`,
    retryable: true,
    cause: error,
  });
}
