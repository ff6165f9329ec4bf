/**
 * Browser build's replacement for `transport-node.ts`: a browser has no node:http, so the version
 * entry can export `createNodeTransport` to every platform while a browser bundle never reaches
 * node:http. Calling it there is a configuration mistake, reported as one; use
 * `createFetchTransport()` (the browser default) instead.
 */
import { ConfigurationError } from "./errors.js";
import type { HttpAgent, Transport } from "./transport.js";

export type { HttpAgent } from "./transport.js";

/** The same options as transport-node.ts, so that code type-checks for both platforms. */
export interface NodeTransportOptions {
  readonly maxSockets?: number;
  readonly keepAliveMsecs?: number;
  readonly proxy?: string;
  readonly agent?: HttpAgent;
  readonly ca?: string | readonly string[];
}

export function createNodeTransport(_options: NodeTransportOptions = {}): Transport {
  throw new ConfigurationError(
    "createNodeTransport needs node:http, which a browser build does not have: use createFetchTransport()",
  );
}
