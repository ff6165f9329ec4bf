/**
 * Chooses which documented example answers a request: the first whose request equals the body,
 * else the first example (so any valid request gets a realistic answer).
 */
import { isDeepStrictEqual } from "node:util";
import type { MockExample } from "./mock-description.js";

export function pickExample(
  examples: readonly MockExample[],
  body: { readonly [key: string]: unknown },
): MockExample | undefined {
  return examples.find((e) => isDeepStrictEqual(e.request, body)) ?? examples[0];
}
