/**
 * Transport over the global `fetch`, for browsers and runtimes without node:http. Connection
 * reuse is left to the platform.
 *
 * Redirects are never followed (`redirect: "manual"`): a 3xx answer, or the opaque redirect a
 * browser reports instead, rejects with `redirectError`, so the signed body and X-TC-Token never
 * reach another origin. The body is read as a stream with a byte counter and the read is cancelled
 * (which closes the connection) once it passes the request's `maxResponseBytes`; a Content-Length
 * over the limit is refused before reading.
 */
import { NetworkError, TencentCloudError } from "./errors.js";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  redirectError,
  responseTooLargeError,
  timeoutError,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from "./transport.js";

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
      const init: RequestInit = {
        method: request.method,
        headers,
        body: request.body,
        redirect: "manual",
      };
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
    const limit = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const refusal = refuse(response, headers, limit);
    if (refusal !== undefined) {
      await cancelQuietly(response.body);
      throw refusal;
    }
    let body: string;
    try {
      body = await readLimited(response.body, limit);
    } catch (error) {
      throw error instanceof TencentCloudError ? error : toNetworkError(error);
    }
    return { status: response.status, headers, body };
  }
  return { send };
}

/** The error for an answer that must not be read at all: a redirect, or an announced oversize. */
function refuse(
  response: Response,
  headers: Readonly<Record<string, string | undefined>>,
  limit: number,
): TencentCloudError | undefined {
  if (response.type === "opaqueredirect") return redirectError(0, undefined);
  if (response.status >= 300 && response.status < 400) {
    return redirectError(response.status, headers["location"]);
  }
  const announced = Number(headers["content-length"] ?? 0);
  if (announced > limit) return responseTooLargeError(limit, announced);
  return undefined;
}

/** The body as UTF-8 text, read chunk by chunk with only a byte count per chunk. */
async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<string> {
  if (stream === null) return "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Cancelling the body stream aborts the underlying request and closes its connection.
      await reader.cancel().catch(() => undefined);
      throw responseTooLargeError(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(joined);
}

async function cancelQuietly(stream: ReadableStream<Uint8Array> | null): Promise<void> {
  await stream?.cancel().catch(() => undefined);
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
