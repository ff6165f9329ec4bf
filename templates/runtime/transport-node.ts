/**
 * Transport over node:http / node:https with keep-alive agents, so that consecutive calls reuse
 * one connection instead of paying a handshake each time.
 *
 * Per request it does as little as it can: the URL is parsed once per endpoint (a client sends
 * every call to one), the deadline is one timer, the caller's AbortSignal is watched only when
 * there is one, and node:https (which loads node:tls, a fifth of the start-up import time) is
 * imported only when the first https request is sent.
 */
import * as http from "node:http";
import type * as https from "node:https";
import { NetworkError } from "./errors.js";
import { timeoutError, type HttpRequest, type HttpResponse, type Transport } from "./transport.js";

export interface NodeTransportOptions {
  /** Maximum sockets per host (default 64). */
  readonly maxSockets?: number;
  /** Idle keep-alive sockets are closed after this many milliseconds (default 15000). */
  readonly keepAliveMsecs?: number;
}

/** Where requests to one URL go, worked out once. */
interface Target {
  readonly url: string;
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: number | undefined;
  readonly path: string;
}

type RequestFunction = typeof http.request;

export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 64,
    keepAliveMsecs: options.keepAliveMsecs ?? 15_000,
  };
  const httpAgent = new http.Agent(agentOptions);
  let httpsAgent: https.Agent | undefined;
  let httpsRequest: Promise<RequestFunction> | undefined;
  let lastTarget: Target | undefined;

  function secureRequest(): Promise<RequestFunction> {
    httpsRequest ??= import("node:https").then((module) => {
      httpsAgent = new module.Agent(agentOptions);
      return module.request;
    });
    return httpsRequest;
  }

  function send(request: HttpRequest): Promise<HttpResponse> {
    let target = lastTarget;
    if (target?.url !== request.url) target = lastTarget = parseTarget(request.url);
    if (!target.secure) return exchange(http.request, httpAgent, target, request);
    const resolved = target;
    return secureRequest().then((requestFn) =>
      exchange(requestFn, httpsAgent as http.Agent, resolved, request),
    );
  }

  return {
    send,
    close() {
      httpAgent.destroy();
      httpsAgent?.destroy();
    },
  };
}

function parseTarget(url: string): Target {
  const parsed = new URL(url);
  return {
    url,
    secure: parsed.protocol === "https:",
    hostname: parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname,
    port: parsed.port === "" ? undefined : Number(parsed.port),
    path: parsed.pathname + parsed.search,
  };
}

function exchange(
  requestFn: RequestFunction,
  agent: http.Agent,
  target: Target,
  request: HttpRequest,
): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { signal } = request;
    const onAbort = () => req.destroy(new Error("aborted"));
    const settle = () => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    // Set when the deadline passed: whatever the destroyed request reports then, this is why.
    let expired: Error | undefined;
    const fail = (error: Error) => {
      settle();
      reject(expired ?? (error instanceof NetworkError ? error : toNetworkError(error)));
    };
    // Host and the other headers go out as given; Content-Length is set by `end(body)` itself.
    const req = requestFn(
      {
        method: request.method,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        headers: request.headers,
        agent,
      },
      (res) => {
        // Raw chunks decoded once at the end: cheaper than a StringDecoder per response.
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        // A response cut short is destroyed with an "aborted" error, so "error" covers it.
        res.on("error", fail);
        res.on("end", () => {
          settle();
          const body =
            chunks.length === 1
              ? chunks[0]!.toString("utf8")
              : Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: responseHeaders(res), body });
        });
      },
    );
    req.on("error", fail);
    if (request.timeoutMs !== undefined) {
      const timeoutMs = request.timeoutMs;
      timer = setTimeout(() => {
        expired = timeoutError(timeoutMs);
        req.destroy(expired);
      }, timeoutMs);
    }
    if (signal !== undefined) {
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    }
    req.end(request.body);
  });
}

/** Node's header object, except that repeated headers (set-cookie) are joined into one string. */
function responseHeaders(res: http.IncomingMessage): Record<string, string | undefined> {
  const headers = res.headers as Record<string, string | string[] | undefined>;
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) headers[name] = value.join(", ");
  }
  return headers as Record<string, string | undefined>;
}

function toNetworkError(error: Error): NetworkError {
  const code = (error as { code?: unknown }).code;
  const detail = typeof code === "string" ? `${code}: ${error.message}` : error.message;
  return new NetworkError({
    code: "NetworkError",
    message: `Network error: ${detail}`,
    retryable: true,
    cause: error,
  });
}
