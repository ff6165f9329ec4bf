/**
 * Transport over the global `fetch`, for browsers and runtimes without node:http. Connection
 * reuse is left to the platform.
 */
import { NetworkError } from "./errors.js";
import type { HttpRequest, HttpResponse, Transport } from "./transport.js";

export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch): Transport {
  async function send(request: HttpRequest): Promise<HttpResponse> {
    let response: Response;
    try {
      // Host and Content-Length are set by fetch itself (they are forbidden request headers).
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (name.toLowerCase() !== "host") headers[name] = value;
      }
      const init: RequestInit = { method: request.method, headers, body: request.body };
      if (request.signal !== undefined) init.signal = request.signal;
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
