/**
 * The `headers` client option: extra headers sent with every request (a tracing id, an API
 * gateway's key). They are checked once, when the client is built, so a call pays only a copy.
 *
 * Refused with `ConfigurationError`: the headers the client writes and signs itself (Host,
 * Content-Type, Authorization, every X-TC-* header), the ones the transport owns
 * (Content-Length, Transfer-Encoding, Connection, Proxy-Authorization), and any name or value
 * that is not a legal header (a newline in a value would forge a second header line).
 */
import { ConfigurationError } from "./errors.js";

/** RFC 9110 token: what a header name may consist of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Control characters other than tab, and anything past Latin-1, cannot travel in a value. */
const BAD_VALUE_CHARACTER = /(?!\t)\p{Cc}|[\u0100-\u{10ffff}]/u;
const RESERVED = new Set([
  "authorization",
  "host",
  "content-type",
  "content-length",
  "transfer-encoding",
  "connection",
  "proxy-authorization",
]);

/** The option checked, as name/value pairs; undefined when there is nothing to add. */
export function customHeadersOf(
  option: unknown,
): readonly (readonly [string, string])[] | undefined {
  if (option === undefined) return undefined;
  if (typeof option !== "object" || option === null || Array.isArray(option)) {
    throw new ConfigurationError(
      `headers must be an object of header names to string values, got ${Array.isArray(option) ? "an array" : typeof option}`,
    );
  }
  const pairs: (readonly [string, string])[] = [];
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(option)) {
    const shownName = JSON.stringify(name.slice(0, 64));
    if (!HEADER_NAME.test(name)) {
      throw new ConfigurationError(`headers: ${shownName} is not a valid header name`);
    }
    const lower = name.toLowerCase();
    if (RESERVED.has(lower) || lower.startsWith("x-tc-")) {
      throw new ConfigurationError(
        `headers: ${shownName} is set by the client itself (it is signed or describes the body); custom headers cannot replace Host, Content-Type, Content-Length, Authorization or X-TC-*`,
      );
    }
    // The value is not shown: a custom header may well carry a key.
    if (typeof value !== "string") {
      throw new ConfigurationError(`headers: the value of ${shownName} must be a string`);
    }
    if (BAD_VALUE_CHARACTER.test(value)) {
      throw new ConfigurationError(
        `headers: the value of ${shownName} contains a control character or a character past U+00FF, which a header cannot carry`,
      );
    }
    if (seen.has(lower)) {
      throw new ConfigurationError(`headers: ${shownName} is given twice (names ignore case)`);
    }
    seen.add(lower);
    pairs.push([name, value]);
  }
  return pairs.length === 0 ? undefined : pairs;
}
