/**
 * The node transport's `proxy` option: an HTTP proxy such as "http://proxy.corp:3128" (optionally
 * "http://user:password@proxy.corp:3128", sent as Proxy-Authorization: Basic).
 *
 * - https targets (every Tencent Cloud endpoint) go through a CONNECT tunnel: the proxy sees only
 *   the target host and port, and TLS runs end to end inside the tunnel, so the proxy never sees
 *   the signed request, the Authorization header or the session token.
 * - plain http targets (a local mock) are sent to the proxy with the absolute URL as the path.
 *
 * Node-only: a browser build swaps transport-node.ts, the only importer of this file. The proxy's
 * credentials never appear in an error message.
 */
import type * as http from "node:http";
import type * as https from "node:https";
import type * as net from "node:net";
import type { Duplex } from "node:stream";
import type * as tls from "node:tls";
import { ConfigurationError } from "./errors.js";

export interface ProxyTarget {
  readonly hostname: string;
  readonly port: number;
  /** `Basic ...` from the URL's user info, when it has one. */
  readonly authorization: string | undefined;
  /** The proxy URL without its user info, for messages. */
  readonly shown: string;
}

/**
 * Checks the `proxy` option: an absolute http:// URL of a host, with an optional port and user
 * info.
 */
export function parseProxy(proxy: unknown): ProxyTarget {
  if (typeof proxy !== "string") {
    throw new ConfigurationError(
      `proxy must be a URL string such as "http://proxy:3128", got ${typeof proxy}`,
    );
  }
  let url: URL;
  try {
    url = new URL(proxy);
  } catch {
    throw new ConfigurationError(`proxy is not a URL; expected e.g. "http://proxy:3128"`);
  }
  const shown = `${url.protocol}//${url.host}`;
  if (url.protocol !== "http:") {
    throw new ConfigurationError(
      `proxy ${JSON.stringify(shown)}: only http:// proxies are supported (https targets are tunnelled through CONNECT, so TLS still runs end to end)`,
    );
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    throw new ConfigurationError(
      `proxy ${JSON.stringify(shown)}: must be a host, with no path or query`,
    );
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return {
    hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port === "" ? 80 : Number(url.port),
    authorization:
      user === "" && password === ""
        ? undefined
        : `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
    shown,
  };
}

type Callback = (error: Error | null, stream: Duplex) => void;

/**
 * An https.Agent whose connections are CONNECT tunnels through `proxy`. Node's Agent accepts a
 * `createConnection` that answers through its callback, so pooling and keep-alive work as for
 * direct connections (one tunnel per pooled socket).
 */
export function createTunnelAgent(
  httpModule: typeof http,
  httpsModule: typeof https,
  tlsModule: typeof tls,
  proxy: ProxyTarget,
  agentOptions: https.AgentOptions,
): https.Agent {
  class TunnelAgent extends httpsModule.Agent {
    override createConnection(requestOptions: http.RequestOptions, callback?: Callback): undefined {
      // An https.Agent hands its createConnection the TLS options of the request.
      const options = requestOptions as tls.ConnectionOptions;
      const host = options.host ?? "localhost";
      const port = options.port ?? 443;
      const authority = `${host.includes(":") ? `[${host}]` : host}:${port}`;
      const headers: Record<string, string> = { Host: authority };
      if (proxy.authorization !== undefined) headers["Proxy-Authorization"] = proxy.authorization;
      const connect = httpModule.request({
        hostname: proxy.hostname,
        port: proxy.port,
        method: "CONNECT",
        path: authority,
        headers,
        agent: false,
      });
      let settled = false;
      const settle = (error: Error | null, socket?: Duplex): void => {
        if (settled) return;
        settled = true;
        // Node's Agent reads only the error when there is one.
        callback?.(error, socket as Duplex);
      };
      connect.once("connect", (res: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          settle(
            new Error(
              `the proxy ${proxy.shown} answered HTTP ${res.statusCode ?? 0} to CONNECT ${authority}`,
            ),
          );
          return;
        }
        if (head.length > 0) socket.unshift(head);
        const servername = options.servername ?? (isIpAddress(host) ? undefined : host);
        settle(
          null,
          tlsModule.connect({
            ...options,
            socket,
            ...(servername !== undefined && { servername }),
          }),
        );
      });
      connect.once("error", (error: Error) =>
        settle(new Error(`the proxy ${proxy.shown} could not be reached: ${error.message}`)),
      );
      connect.end();
      return undefined;
    }
  }
  return new TunnelAgent(agentOptions);
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(":");
}
