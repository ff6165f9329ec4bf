/**
 * Browser build's replacement for `transport-node.ts`: a browser has no node:http, so the version
 * entry can export `createNodeTransport` to every platform while a browser bundle never reaches
 * node:http. Calling it there is a configuration mistake, reported as one; use
 * `createFetchTransport()` (the browser default) instead.
 */
import { ConfigurationError } from "./errors.js";
import type { Transport } from "./transport.js";

export interface NodeTransportOptions {
  /** Maximum sockets per host (default 64). */
  readonly maxSockets?: number;
  /** Idle keep-alive sockets are closed after this many milliseconds (default 15000). */
  readonly keepAliveMsecs?: number;
}

export function createNodeTransport(_options: NodeTransportOptions = {}): Transport {
  throw new ConfigurationError(
    "createNodeTransport needs node:http, which a browser build does not have: use createFetchTransport()",
  );
}
