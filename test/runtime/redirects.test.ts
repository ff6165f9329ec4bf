/**
 * Issue 10, finding 10: neither transport follows a redirect. A server answering 301/302/307/308
 * with a Location on a second local server gets a `RedirectRefused` error back to the caller,
 * and the second server receives nothing: no body, no Authorization, no X-TC-Token.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ServiceClient } from "../../templates/runtime/client.js";
import { UnexpectedResponseError } from "../../templates/runtime/errors.js";
import { createFetchTransport } from "../../templates/runtime/transport-fetch.js";
import { createNodeTransport } from "../../templates/runtime/transport-node.js";
import type { Transport } from "../../templates/runtime/transport.js";
import {
  dtsDescriptor,
  modifyMigrateJob,
  SECRET_ID,
  SECRET_KEY,
  SESSION_TOKEN,
} from "./client-harness.js";

interface Local {
  server: Server;
  url: string;
  received: { url: string; headers: Record<string, unknown>; body: string }[];
}

async function startLocal(answer: (url: string) => [number, Record<string, string>, string]) {
  const local: Local = { server: createServer(), url: "", received: [] };
  local.server.on("request", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      local.received.push({
        url: req.url ?? "",
        headers: { ...req.headers },
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const [status, headers, body] = answer(req.url ?? "/");
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => local.server.listen(0, "127.0.0.1", resolve));
  local.url = `http://127.0.0.1:${(local.server.address() as AddressInfo).port}`;
  return local;
}

async function stop(local: Local): Promise<void> {
  local.server.closeAllConnections();
  await new Promise<void>((resolve) => local.server.close(() => resolve()));
}

let elsewhere: Local;
let origin: Local;
let redirectStatus = 301;

beforeAll(async () => {
  elsewhere = await startLocal(() => [
    200,
    { "content-type": "application/json" },
    '{"Response":{"RequestId":"from-elsewhere"}}',
  ]);
  // A Tencent-shaped body too, so that only the status can make the answer an error.
  origin = await startLocal((url) => [
    redirectStatus,
    { location: `${elsewhere.url}${url}`, "content-type": "application/json" },
    '{"Response":{"RequestId":"redirecting"}}',
  ]);
});
afterAll(async () => {
  await stop(origin);
  await stop(elsewhere);
});
beforeEach(() => {
  origin.received.length = 0;
  elsewhere.received.length = 0;
});

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

  it.each([301, 302, 307, 308])("refuses an HTTP %i redirect to another origin", async (status) => {
    redirectStatus = status;
    const error = await transport
      .send({
        url: `${origin.url}/`,
        method: "POST",
        headers: { "Content-Type": "application/json", "X-TC-Token": SESSION_TOKEN },
        body: '{"JobId":"dts-1"}',
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ code: "RedirectRefused", httpStatus: status, retryable: false });
    expect((error as Error).message).toContain(elsewhere.url);
    expect(origin.received).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
  });
});

describe.each(transports)("a client over the %s transport", (_name, create) => {
  it.each([301, 307])(
    "fails the call on HTTP %i once, without sending the token elsewhere",
    async (status) => {
      redirectStatus = status;
      const client = new ServiceClient(dtsDescriptor, {
        region: "ap-guangzhou",
        credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: SESSION_TOKEN },
        endpoint: origin.url,
        rateLimit: false,
        transport: create(),
      });
      try {
        const error = await client.send(modifyMigrateJob, { JobId: "dts-1" }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(UnexpectedResponseError);
        expect(error).toMatchObject({
          code: "RedirectRefused",
          action: "ModifyMigrateJob",
          attempts: 1,
        });
        expect(origin.received).toHaveLength(1);
        expect(origin.received[0]?.headers["x-tc-token"]).toBe(SESSION_TOKEN);
        expect(elsewhere.received).toEqual([]);
      } finally {
        client.close();
      }
    },
  );
});
