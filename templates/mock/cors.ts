/**
 * CORS for the mock, so that a browser page (a browser test, a dev server on another port) can
 * call it: every answer carries Access-Control-Allow-Origin and exposes the headers the client
 * reads (X-TC-RequestId, Date), and an OPTIONS preflight is answered with the methods and the
 * headers a signed call sends (Authorization, Content-Type and the X-TC-* headers, plus any other
 * header the browser asks for: the client may add custom headers).
 *
 * By default any origin may call the mock: it holds no data and accepts test keys only. Give
 * `corsOrigins` (tcgen mock --cors-origin) to allow only some origins, as a stricter browser
 * test wants; another origin then gets no Access-Control-Allow-Origin and its browser refuses.
 */
import type { IncomingMessage } from "node:http";

export type CorsOrigins = "*" | readonly string[];

/** Headers a signed call sends, allowed in every preflight answer. */
const SIGNED_CALL_HEADERS = [
  "Authorization",
  "Content-Type",
  "X-TC-Action",
  "X-TC-Version",
  "X-TC-Timestamp",
  "X-TC-Region",
  "X-TC-Language",
  "X-TC-Token",
  "X-TC-RequestClient",
];

/** Response headers a browser script may read besides the safelisted ones. */
const EXPOSED_HEADERS = "X-TC-RequestId, Date";

/** A header name as HTTP allows it (RFC 9110 token); anything else asked for is ignored. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Headers added to every answer for a request from `origin` (none without an Origin header). */
export function corsHeaders(
  origin: string | undefined,
  allowed: CorsOrigins,
): Record<string, string> {
  if (origin === undefined) return {};
  if (allowed === "*") {
    return { "access-control-allow-origin": "*", "access-control-expose-headers": EXPOSED_HEADERS };
  }
  // A per-origin answer: caches must not reuse it for another origin.
  if (!allowed.includes(origin)) return { vary: "Origin" };
  return {
    "access-control-allow-origin": origin,
    "access-control-expose-headers": EXPOSED_HEADERS,
    vary: "Origin",
  };
}

/** Whether a request is a CORS preflight (OPTIONS with Access-Control-Request-Method). */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
}

/** The headers of a preflight answer (204), on top of `corsHeaders`. */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const asked = (req.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => HEADER_NAME.test(name));
  const known = new Set(SIGNED_CALL_HEADERS.map((name) => name.toLowerCase()));
  const extra = asked.filter((name) => !known.has(name.toLowerCase()));
  return {
    "access-control-allow-methods": "POST, GET, OPTIONS",
    "access-control-allow-headers": [...SIGNED_CALL_HEADERS, ...extra].join(", "),
    "access-control-max-age": "600",
  };
}
