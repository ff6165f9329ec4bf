/**
 * Browser build's replacement for `default-transport.ts`: the global fetch.
 */
import { createFetchTransport } from "./transport-fetch.js";
import type { Transport } from "./transport.js";

export function createDefaultTransport(): Transport {
  return createFetchTransport();
}
