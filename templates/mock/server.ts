/**
 * A mock Tencent Cloud API server on node:http. It checks every request as the real service does
 * (see check-request.ts), answers with the action's documented example output or Tencent's error
 * shape, records the latest exchanges for tests to inspect, and lets tests queue documented error
 * codes (`failNext`) and transport faults (`injectFault`).
 *
 * Its memory stays bounded whatever clients send: it keeps the last `maxRecordedRequests`
 * exchanges (100 by default), never buffers more than `maxBodyBytes` of a body (an oversized one
 * is answered with RequestSizeLimitExceeded; the rest is read and dropped, and the connection of
 * an endless one is closed), and headers are read from objects without a prototype.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkRequest, type ReceivedRequest } from "./check-request.js";
import { corsHeaders, isPreflight, preflightHeaders, type CorsOrigins } from "./cors.js";
import { takeFault, type MockFault, type QueuedFault } from "./faults.js";
import type { MockServiceDescription } from "./mock-description.js";
import { pickExample } from "./pick-example.js";
import {
  BUILT_IN_ERROR_MESSAGES,
  tencentErrorBody,
  tencentSuccessBody,
  tencentSuccessBodyFromText,
} from "./tencent-error-body.js";

/** The key pair a mock accepts when none is given. Not a real credential. */
export const MOCK_CREDENTIALS = {
  secretId: "AKIDmockmockmockmockmockmockmockmock",
  secretKey: "mockSecretKeymockSecretKeymockSecr",
} as const;

/** Tencent Cloud's limit for a TC3-signed POST body: 10 MiB. */
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * How much of an oversized body, in multiples of the limit, is read and dropped after the answer
 * before the connection is closed instead. Closing with unread bytes makes the kernel reset the
 * connection, which can destroy the answer before the client reads it; reading a bounded amount
 * first lets a client that sent a few times too much still get RequestSizeLimitExceeded.
 */
const DISCARD_BUDGET_PER_LIMIT = 4;
/** Exchanges `requests` keeps unless told otherwise. */
const DEFAULT_MAX_RECORDED_REQUESTS = 100;

/** Hostnames that name the mock on this machine, accepted in the Host header. */
const MOCK_OWN_HOSTS = ["127.0.0.1", "localhost"];
/** The address the mock listens on unless told otherwise: this machine only. */
const DEFAULT_HOST = "127.0.0.1";
/** Addresses that mean "every interface". */
const WILDCARD_HOSTS = ["0.0.0.0", "::"];

export interface MockCredentials {
  readonly secretId: string;
  readonly secretKey: string;
}

export interface MockServerOptions {
  /** Key pairs whose signatures are accepted; defaults to `MOCK_CREDENTIALS`. */
  readonly credentials?: MockCredentials | readonly MockCredentials[];
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /**
   * Address to listen on: "127.0.0.1" by default (this machine only). "0.0.0.0" (or "::") listens
   * on every interface, as a mock in a container must to be reached by another container
   * (`http://mock:8080` in docker-compose); the mock then accepts any Host header, since it
   * cannot know the names clients use (the signature still covers the host). Any other address
   * is accepted in the Host header besides 127.0.0.1 and localhost.
   */
  readonly host?: string;
  /**
   * Origins a browser page may call the mock from (CORS, see cors.ts): "*" (the default) allows
   * any; a list allows only those (e.g. ["http://localhost:5173"]).
   */
  readonly corsOrigins?: CorsOrigins;
  /** The server clock in milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: () => number;
  /** Allowed distance between X-TC-Timestamp and the server clock; 300 s by default. */
  readonly timestampWindowSeconds?: number;
  /**
   * Largest accepted body, in bytes; 10 MiB by default, Tencent's limit for TC3-signed POSTs.
   * A bigger one is answered with `RequestSizeLimitExceeded` in Tencent's error shape.
   */
  readonly maxBodyBytes?: number;
  /**
   * How many of the latest exchanges `requests` keeps (100 by default); older ones are dropped
   * so that a long-running mock does not grow. 0 records nothing.
   */
  readonly maxRecordedRequests?: number;
  /**
   * Accept request fields the pages do not list, as a service that knows newer fields than its
   * docs would (known fields are still checked). Without it such a field is answered with
   * `UnknownParameter`, as the real service answers a field it does not know.
   */
  readonly allowUnknownFields?: boolean;
}

/** One request the mock received and what it answered. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Headers as received, keyed by lowercase name (repeated headers joined with ", "). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body bytes exactly as received. */
  readonly rawBody: Buffer;
  readonly bodyText: string;
  /** The parsed body when it was a JSON object and the request got that far. */
  readonly body: { readonly [key: string]: unknown } | undefined;
  readonly action: string | undefined;
  /** true/false once the signature was checked; undefined when the check stopped before it. */
  readonly signatureValid: boolean | undefined;
  /** The fault applied to this request, if any. */
  readonly fault: MockFault | undefined;
  readonly status: number;
  /** The error code answered, when the answer was an error. */
  readonly errorCode: string | undefined;
  readonly requestId: string;
  readonly responseBody: string;
}

export interface FailNextOptions {
  /** Message to answer with; defaults to the code's documented description. */
  readonly message?: string;
  /** How many consecutive valid requests get this answer (default 1). */
  readonly times?: number;
}

export interface MockServer {
  /** e.g. "http://127.0.0.1:53211"; for a mock on every interface, its loopback URL. */
  readonly url: string;
  readonly port: number;
  readonly description: MockServiceDescription;
  /** The latest requests (at most `maxRecordedRequests`, default 100), oldest first. */
  readonly requests: readonly RecordedRequest[];
  lastRequest(): RecordedRequest | undefined;
  /**
   * Answers the next valid request for `action` with a documented error code (the action's own
   * codes, the common codes, or one the mock raises itself). Throws for any other code.
   */
  failNext(action: string, code: string, options?: FailNextOptions): void;
  /** Queues a fault for the next request (for `action` only, when given). */
  injectFault(fault: MockFault, options?: { readonly action?: string }): void;
  /** Replaces the server clock (milliseconds since the epoch). */
  setClock(now: () => number): void;
  /** Forgets recorded requests and queued failures and faults. */
  reset(): void;
  close(): Promise<void>;
}

interface QueuedFailure {
  readonly action: string;
  readonly code: string;
  readonly message: string;
}

export async function startMockServer(
  description: MockServiceDescription,
  options: MockServerOptions = {},
): Promise<MockServer> {
  const credentials = options.credentials ?? MOCK_CREDENTIALS;
  const keys = new Map<string, string>(
    (Array.isArray(credentials) ? credentials : [credentials as MockCredentials]).map((c) => [
      c.secretId,
      c.secretKey,
    ]),
  );
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRecordedRequests = options.maxRecordedRequests ?? DEFAULT_MAX_RECORDED_REQUESTS;
  if (!Number.isSafeInteger(maxRecordedRequests) || maxRecordedRequests < 0) {
    throw new RangeError(
      `maxRecordedRequests must be a whole number of requests, 0 or more; got ${String(maxRecordedRequests)}`,
    );
  }
  let now = options.now ?? Date.now;
  const requests: RecordedRequest[] = [];
  let failures: QueuedFailure[] = [];
  let faults: QueuedFault[] = [];
  let requestCounter = 0;

  const documentedMessage = (action: string, code: string): string | undefined => {
    const own = description.actions.find((a) => a.name === action);
    const documented = [...(own?.errors ?? []), ...(description.commonErrors ?? [])].find(
      (e) => e.code === code,
    );
    if (documented !== undefined) return documented.description;
    return Object.hasOwn(BUILT_IN_ERROR_MESSAGES, code)
      ? (BUILT_IN_ERROR_MESSAGES as Readonly<Record<string, string>>)[code]
      : undefined;
  };

  const host = options.host ?? DEFAULT_HOST;
  const anyHost = WILDCARD_HOSTS.includes(host);
  const ownHosts = [...MOCK_OWN_HOSTS, host.includes(":") ? `[${host}]` : host.toLowerCase()];
  const corsOrigins = options.corsOrigins ?? "*";

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(corsHeaders(req.headers.origin, corsOrigins))) {
      res.setHeader(name, value);
    }
    if (isPreflight(req)) {
      // Not an API call: answered without checks and not recorded.
      res.writeHead(204, preflightHeaders(req)).end();
      req.resume();
      return;
    }
    const rawBody = await readBody(req, maxBodyBytes);
    const headers = lowercaseHeaders(req);
    const action = headers["x-tc-action"];
    const requestId = nextRequestId(++requestCounter);
    const fault = takeFault(faults, action);
    const record = (r: {
      status: number;
      responseBody: string;
      errorCode?: string;
      signatureValid?: boolean;
      body?: { readonly [key: string]: unknown };
    }): void => {
      if (maxRecordedRequests === 0) return;
      if (requests.length >= maxRecordedRequests) requests.shift();
      requests.push({
        method: req.method ?? "",
        url: req.url ?? "/",
        headers,
        rawBody: rawBody ?? Buffer.alloc(0),
        bodyText: (rawBody ?? Buffer.alloc(0)).toString("utf8"),
        body: r.body,
        action,
        signatureValid: r.signatureValid,
        fault,
        status: r.status,
        errorCode: r.errorCode,
        requestId,
        responseBody: r.responseBody,
      });
    };

    if (rawBody === undefined) {
      const body = tencentErrorBody(
        "RequestSizeLimitExceeded",
        `${BUILT_IN_ERROR_MESSAGES.RequestSizeLimitExceeded} The limit is ${maxBodyBytes} bytes.`,
        requestId,
      );
      record({ status: 200, responseBody: body, errorCode: "RequestSizeLimitExceeded" });
      res
        .writeHead(200, { "content-type": "application/json", "x-tc-requestid": requestId })
        .end(body);
      discardAtMost(req, DISCARD_BUDGET_PER_LIMIT * maxBodyBytes);
      return;
    }
    let skewSeconds = 0;
    if (fault?.kind === "drop") {
      record({ status: 0, responseBody: "" });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "http-status") {
      const body = fault.body ?? "Internal Server Error";
      record({ status: fault.status ?? 500, responseBody: body });
      res.writeHead(fault.status ?? 500, { "content-type": "text/plain" }).end(body);
      return;
    }
    if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === "skew-clock") skewSeconds = fault.seconds;

    const nowMs = now() + skewSeconds * 1000;
    const sendJson = (body: string): void => {
      res
        .writeHead(200, {
          "content-type": "application/json",
          date: new Date(nowMs).toUTCString(),
          "x-tc-requestid": requestId,
        })
        .end(body);
    };
    if (fault?.kind === "throttle") {
      const body = tencentErrorBody(
        "RequestLimitExceeded",
        BUILT_IN_ERROR_MESSAGES.RequestLimitExceeded,
        requestId,
      );
      record({ status: 200, responseBody: body, errorCode: "RequestLimitExceeded" });
      sendJson(body);
      return;
    }

    const received: ReceivedRequest = {
      method: req.method ?? "",
      url: req.url ?? "/",
      headers,
      bodyText: rawBody.toString("utf8"),
    };
    const checked = checkRequest(received, {
      description,
      keys,
      nowSeconds: Math.floor(nowMs / 1000),
      ownHosts,
      anyHost,
      allowUnknownFields: options.allowUnknownFields === true,
      ...(options.timestampWindowSeconds === undefined
        ? {}
        : { timestampWindowSeconds: options.timestampWindowSeconds }),
    });
    if (!checked.ok) {
      const body = tencentErrorBody(checked.code, checked.message, requestId);
      record({
        status: 200,
        responseBody: body,
        errorCode: checked.code,
        ...(checked.signatureValid === undefined ? {} : { signatureValid: checked.signatureValid }),
      });
      sendJson(body);
      return;
    }
    const failureIndex = failures.findIndex((f) => f.action === checked.action.name);
    const failure = failureIndex === -1 ? undefined : failures.splice(failureIndex, 1)[0];
    if (failure !== undefined) {
      const body = tencentErrorBody(failure.code, failure.message, requestId);
      record({
        status: 200,
        responseBody: body,
        errorCode: failure.code,
        signatureValid: true,
        body: checked.body,
      });
      sendJson(body);
      return;
    }
    const example = pickExample(checked.action.examples, checked.body);
    const body =
      typeof example?.responseJson === "string"
        ? tencentSuccessBodyFromText(example.responseJson, requestId)
        : tencentSuccessBody(example?.response ?? null, requestId);
    record({ status: 200, responseBody: body, signatureValid: true, body: checked.body });
    sendJson(body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        const message = error instanceof Error ? error.message : String(error);
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(tencentErrorBody("InternalError", message, nextRequestId(++requestCounter)));
      }
    });
  });
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    description,
    get requests() {
      return requests;
    },
    lastRequest: () => requests[requests.length - 1],
    failNext(action, code, failOptions = {}) {
      if (!description.actions.some((a) => a.name === action)) {
        throw new Error(`The mock of ${description.service} has no action "${action}".`);
      }
      const documented = documentedMessage(action, code);
      if (documented === undefined) {
        throw new Error(`"${code}" is not a documented error code of ${action}.`);
      }
      const message = failOptions.message ?? documented;
      for (let i = 0; i < (failOptions.times ?? 1); i++) failures.push({ action, code, message });
    },
    injectFault(fault, faultOptions = {}) {
      faults.push({ fault, action: faultOptions.action });
    },
    setClock(clock) {
      now = clock;
    },
    reset() {
      requests.length = 0;
      failures = [];
      faults = [];
    },
    close: () => close(server),
  };
}

/**
 * Deterministic, UUID-shaped request ids: the n-th request of a server gets the same id every run.
 */
function nextRequestId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** The received headers in an object without a prototype (no name can reach Object.prototype). */
function lowercaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/**
 * The body bytes, or undefined once it is larger than `limit` (announced by Content-Length, or
 * counted as it arrives). Past the limit nothing more is kept and the request is paused, not
 * destroyed, so that the answer can still be written.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.off("end", onEnd);
      req.pause();
      chunks.length = 0;
      resolve(undefined);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    req.on("data", onData);
    req.on("end", onEnd);
    // Kept for the life of the request: a client reset while the rest is discarded errors again.
    req.on("error", reject);
  });
}

/**
 * Reads and drops the rest of an oversized body after the answer, so that a client still writing
 * it receives the answer rather than a reset; once `limit` bytes have been dropped (an endless
 * body), the connection is closed instead.
 */
function discardAtMost(req: IncomingMessage, limit: number): void {
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) req.socket.destroy();
  });
  req.resume();
}

/** The host part of the mock's URL: the loopback address for a wildcard, IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}
