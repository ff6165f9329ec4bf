/**
 * The transport a client uses when none is given. Node builds use keep-alive node:http(s)
 * agents (through `proxy` or your own `agent` when the options name one), or the `fetch` you
 * pass; a browser build replaces this file with one that always uses fetch.
 */
import { ConfigurationError } from "./errors.js";
import { createFetchTransport } from "./transport-fetch.js";
import { createNodeTransport } from "./transport-node.js";
import type { HttpAgent, Transport } from "./transport.js";

/** The client options that choose the default transport. */
export interface DefaultTransportOptions {
  readonly proxy?: string;
  readonly agent?: HttpAgent;
  readonly fetch?: typeof fetch;
}

export function createDefaultTransport(options: DefaultTransportOptions = {}): Transport {
  const { proxy, agent } = options;
  if (options.fetch === undefined) {
    return proxy === undefined && agent === undefined
      ? createNodeTransport()
      : createNodeTransport({
          ...(proxy !== undefined && { proxy }),
          ...(agent !== undefined && { agent }),
        });
  }
  if (typeof options.fetch !== "function") {
    throw new ConfigurationError(
      `fetch must be a function such as globalThis.fetch, got ${typeof options.fetch}`,
    );
  }
  if (proxy !== undefined || agent !== undefined) {
    throw new ConfigurationError(
      "fetch cannot be combined with proxy or agent, which configure the node:http transport; configure the proxy in your fetch instead",
    );
  }
  return createFetchTransport(options.fetch);
}
