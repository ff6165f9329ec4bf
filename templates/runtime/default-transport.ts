/**
 * The transport a client uses when none is given. Node builds use keep-alive node:http(s)
 * agents; a browser build replaces this file with one that returns `createFetchTransport()`.
 */
import { createNodeTransport } from "./transport-node.js";
import type { Transport } from "./transport.js";

export function createDefaultTransport(): Transport {
  return createNodeTransport();
}
