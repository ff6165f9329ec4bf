/**
 * Transport over node:http / node:https with keep-alive agents, so that consecutive calls reuse
 * one TLS connection instead of paying a handshake each time.
 */
import * as http from "node:http";
import * as https from "node:https";
import { NetworkError } from "./errors.js";
import type { HttpRequest, HttpResponse, Transport } from "./transport.js";

export interface NodeTransportOptions {
  /** Maximum sockets per host (default 64). */
  readonly maxSockets?: number;
  /** Idle keep-alive sockets are closed after this many milliseconds (default 15000). */
  readonly keepAliveMsecs?: number;
}

export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 64,
    keepAliveMsecs: options.keepAliveMsecs ?? 15_000,
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  function send(request: HttpRequest): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      const url = new URL(request.url);
      const isHttps = url.protocol === "https:";
      const requestOptions: https.RequestOptions = {
        method: request.method,
        hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port === "" ? undefined : Number(url.port),
        path: url.pathname + url.search,
        headers: { ...request.headers, "Content-Length": Buffer.byteLength(request.body) },
        agent: isHttps ? httpsAgent : httpAgent,
      };
      if (request.signal !== undefined) requestOptions.signal = request.signal;
      const req = (isHttps ? https : http).request(requestOptions, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => reject(toNetworkError(error)));
        res.on("aborted", () => reject(toNetworkError(new Error("response aborted"))));
        res.on("end", () => {
          const headers: Record<string, string | undefined> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            headers[name] = Array.isArray(value) ? value.join(", ") : value;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
      });
      req.on("error", (error) => reject(toNetworkError(error)));
      req.end(request.body);
    });
  }

  return {
    send,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
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
