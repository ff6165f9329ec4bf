/**
 * Issue 10, finding 9: a response body is read only up to `maxResponseBytes` (default 32 MiB) by
 * both transports. Past it, or when Content-Length announces more, the call fails with a
 * catchable `ResponseTooLargeError` (not retried) and the connection is closed: the server below
 * pours an endless body and sees its socket closed long before its own cap.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceClient } from "../../templates/runtime/client.js";
import { ConfigurationError, ResponseTooLargeError } from "../../templates/runtime/errors.js";
import { createFetchTransport } from "../../templates/runtime/transport-fetch.js";
import { createNodeTransport } from "../../templates/runtime/transport-node.js";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  type HttpRequest,
  type Transport,
} from "../../templates/runtime/transport.js";
import { dtsDescriptor, modifyMigrateJob, SECRET_ID, SECRET_KEY } from "./client-harness.js";

/** The server stops pouring after this many bytes even if nobody closes the connection. */
const POUR_CAP = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

interface Exchange {
  readonly url: string;
  /** Body bytes the server handed to its socket. */
  written: number;
  /** true once the server reached POUR_CAP without the client closing. */
  capReached: boolean;
  /** Resolves when the connection carrying the response is closed. */
  readonly closed: Promise<void>;
}

let server: Server;
let base: string;
const exchanges: Exchange[] = [];

/** Writes `CHUNK`s while the connection is open, waiting for drain: bounded by POUR_CAP. */
async function pourEndless(res: ServerResponse, exchange: Exchange): Promise<void> {
  res.write('{"Response":{"Padding":"');
  while (!res.destroyed) {
    if (exchange.written >= POUR_CAP) {
      exchange.capReached = true;
      res.end('"}}');
      return;
    }
    const flushed = res.write(CHUNK);
    exchange.written += CHUNK.length;
    if (!flushed) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off("drain", done);
          res.off("close", done);
          resolve();
        };
        res.on("drain", done);
        res.on("close", done);
      });
    }
  }
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://x");
  const exchange: Exchange = {
    url: url.pathname,
    written: 0,
    capReached: false,
    closed: new Promise((resolve) => res.socket!.once("close", () => resolve())),
  };
  exchanges.push(exchange);
  req.resume();
  req.on("end", () => {
    if (url.pathname === "/endless") {
      // Chunked: no Content-Length, so only counting the bytes can stop it.
      res.writeHead(200, { "content-type": "application/json" });
      void pourEndless(res, exchange);
      return;
    }
    if (url.pathname === "/announced") {
      // Announces 600 MiB, sends a little, then waits for the client to give up.
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(600 * 1024 * 1024),
      });
      res.write('{"Response":');
      exchange.written = 12;
      return;
    }
    if (url.pathname === "/exact") {
      // A JSON body of exactly `n` bytes.
      const n = Number(url.searchParams.get("n"));
      const frame = '{"Response":{"RequestId":"r","Padding":""}}';
      const body = frame.replace('""', `"${" ".repeat(n - frame.length)}"`);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
      exchange.written = Buffer.byteLength(body);
      return;
    }
    res.writeHead(404).end();
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function request(path: string, maxResponseBytes?: number): HttpRequest {
  return {
    url: `${base}${path}`,
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
    timeoutMs: 30_000,
    ...(maxResponseBytes !== undefined && { maxResponseBytes }),
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

const transports: [string, () => Transport][] = [
  ["node", () => createNodeTransport()],
  ["fetch", () => createFetchTransport()],
];

describe.each(transports)("the %s transport", (_name, create) => {
  let transport: Transport;
  beforeAll(() => {
    transport = create();
  });
  afterAll(() => transport.close?.());

  it("stops an endless body at maxResponseBytes and closes the connection", async () => {
    const error = await rejection(transport.send(request("/endless", 1024 * 1024)));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: "ResponseTooLarge", retryable: false });
    expect((error as Error).message).toContain("1048576 bytes");
    const exchange = exchanges.at(-1)!;
    await exchange.closed;
    expect(exchange.capReached).toBe(false);
    expect(exchange.written).toBeLessThan(POUR_CAP);
  });

  it("stops an endless body at the 32 MiB default when the request sets no limit", async () => {
    const error = await rejection(transport.send(request("/endless")));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toContain(`${DEFAULT_MAX_RESPONSE_BYTES} bytes`);
    const exchange = exchanges.at(-1)!;
    await exchange.closed;
    expect(exchange.capReached).toBe(false);
    expect(exchange.written).toBeGreaterThan(DEFAULT_MAX_RESPONSE_BYTES);
  });

  it("refuses a Content-Length over the limit before reading the body", async () => {
    const error = await rejection(transport.send(request("/announced")));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toContain(`${600 * 1024 * 1024} bytes, over the limit`);
    await exchanges.at(-1)!.closed;
  });

  it("reads a body of exactly the limit and refuses one byte more", async () => {
    const limit = 100_000;
    const fits = await transport.send(request(`/exact?n=${limit}`, limit));
    expect(Buffer.byteLength(fits.body)).toBe(limit);
    expect(JSON.parse(fits.body)).toMatchObject({ Response: { RequestId: "r" } });
    const error = await rejection(transport.send(request(`/exact?n=${limit + 1}`, limit)));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });
});

describe.each(transports)("a client over the %s transport", (_name, create) => {
  it("fails the call with ResponseTooLargeError once, without retrying", async () => {
    const before = exchanges.length;
    const inner = create();
    const client = new ServiceClient(dtsDescriptor, {
      region: "ap-guangzhou",
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      endpoint: base,
      rateLimit: false,
      maxResponseBytes: 256 * 1024,
      // The client posts to "/"; this server pours its endless body on /endless.
      transport: {
        send: (r) => inner.send({ ...r, url: `${base}/endless` }),
        close: () => inner.close?.(),
      },
    });
    try {
      const error = await rejection(client.send(modifyMigrateJob, { JobId: "dts-1" }));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toMatchObject({ action: "ModifyMigrateJob", attempts: 1, retryable: false });
      expect(exchanges.length - before).toBe(1);
      await exchanges.at(-1)!.closed;
    } finally {
      client.close();
    }
  });
});

describe("the maxResponseBytes option", () => {
  it.each([0, -1, 1.5, Number.NaN, Infinity])("refuses %s with ConfigurationError", (value) => {
    expect(
      () =>
        new ServiceClient(dtsDescriptor, {
          region: "ap-guangzhou",
          credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
          maxResponseBytes: value,
        }),
    ).toThrow(ConfigurationError);
  });
});
