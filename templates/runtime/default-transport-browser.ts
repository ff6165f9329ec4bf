/**
 * Browser build's replacement for `default-transport.ts`: fetch (the global one, or the `fetch`
 * option). A browser sends through its own proxy settings and connection pool, which a page
 * cannot change, so the node-only `proxy` and `agent` options are refused rather than ignored.
 */
import { ConfigurationError } from "./errors.js";
import { createFetchTransport } from "./transport-fetch.js";
import type { HttpAgent, Transport } from "./transport.js";

export interface DefaultTransportOptions {
  readonly proxy?: string;
  readonly agent?: HttpAgent;
  readonly fetch?: typeof fetch;
}

export function createDefaultTransport(options: DefaultTransportOptions = {}): Transport {
  if (options.proxy !== undefined || options.agent !== undefined) {
    throw new ConfigurationError(
      "proxy and agent work in Node only: a browser uses its own proxy settings (pass a custom fetch to change how requests go out)",
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new ConfigurationError(
      `fetch must be a function such as globalThis.fetch, got ${typeof options.fetch}`,
    );
  }
  return createFetchTransport(options.fetch);
}
