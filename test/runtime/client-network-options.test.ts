/**
 * The client's network options (issue 13): `headers` (sent on every request, the signed and
 * reserved ones refused), `allowInsecureHttp` (plain http to a named test host such as a
 * docker-compose "mock" service; never the default), `fetch` and `agent` as public options, and
 * the combinations that would silently ignore an option.
 */
import * as http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceClient, type ClientOptions } from "../../templates/runtime/client.js";
import { createDefaultTransport as browserDefaultTransport } from "../../templates/runtime/default-transport-browser.js";
import { ConfigurationError } from "../../templates/runtime/errors.js";
import type { HttpRequest, Transport } from "../../templates/runtime/transport.js";
import { dtsDescriptor, modifyMigrateJob, SECRET_ID, SECRET_KEY } from "./client-harness.js";
import { FakeTencentServer } from "./fake-tencent-server.js";

let server: FakeTencentServer;
beforeAll(async () => {
  server = await FakeTencentServer.start({ secretId: SECRET_ID, secretKey: SECRET_KEY });
});
afterAll(() => server.close());

function client(options: Partial<ClientOptions>): ServiceClient {
  return new ServiceClient(dtsDescriptor, {
    region: "ap-guangzhou",
    credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    rateLimit: false,
    maxAttempts: 1,
    env: {},
    ...options,
  });
}

function configurationError(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigurationError");
}

/** A transport that records what it was asked to send and answers like the service. */
function recordingTransport(sent: HttpRequest[]): Transport {
  return {
    send: async (request) => {
      sent.push(request);
      return { status: 200, headers: {}, body: '{"Response":{"RequestId":"rec-1"}}' };
    },
  };
}

describe("headers", () => {
  it("are sent with every request, keep the signature valid, and reach onRequest", async () => {
    server.reset();
    const seenByHook: Record<string, string>[] = [];
    const c = client({
      endpoint: server.endpoint,
      headers: { "X-Trace-Id": "trace-1", "X-Gateway-Key": "gw" },
      hooks: { onRequest: (e) => seenByHook.push({ ...e.headers }) },
    });
    await c.send(modifyMigrateJob, { JobId: "a" });
    await c.send(modifyMigrateJob, { JobId: "b" });
    c.close();
    expect(server.received).toHaveLength(2);
    for (const received of server.received) {
      expect(received.headers["x-trace-id"]).toBe("trace-1");
      expect(received.headers["x-gateway-key"]).toBe("gw");
      expect(received.signature.ok).toBe(true);
    }
    expect(seenByHook[0]).toMatchObject({ "X-Trace-Id": "trace-1" });
  });

  it.each([
    "Authorization",
    "host",
    "Content-Type",
    "content-length",
    "X-TC-Action",
    "x-tc-token",
    "X-TC-Foo",
  ])("refuse %s, which the client writes or signs itself", (name) => {
    expect(
      configurationError(() => client({ endpoint: server.endpoint, headers: { [name]: "x" } })),
    ).toContain("set by the client itself");
  });

  it("refuse names and values no header can carry, without showing the value", () => {
    expect(configurationError(() => client({ headers: { "Bad Name": "x" } }))).toContain(
      "not a valid header name",
    );
    const forged = configurationError(() =>
      client({ headers: { "X-A": "ok\r\nAuthorization: forged" } }),
    );
    expect(forged).toContain("control character");
    expect(forged).not.toContain("forged");
    expect(
      configurationError(() => client({ headers: { "X-A": 1 as unknown as string } })),
    ).toContain("must be a string");
    expect(configurationError(() => client({ headers: { "X-A": "1", "x-a": "2" } }))).toContain(
      "given twice",
    );
    expect(configurationError(() => client({ headers: "X-A: 1" as never }))).toContain(
      "must be an object",
    );
  });
});

describe("allowInsecureHttp", () => {
  it("is off by default: plain http to a non-loopback host is refused, naming the option", () => {
    expect(configurationError(() => client({ endpoint: "http://mock:8080" }))).toContain(
      "allowInsecureHttp",
    );
  });

  it('["mock"] lets a client send to http://mock:8080 (a docker-compose service), and only there', async () => {
    const sent: HttpRequest[] = [];
    const c = client({
      endpoint: "http://mock:8080",
      allowInsecureHttp: ["mock"],
      transport: recordingTransport(sent),
    });
    expect(c.endpoint).toEqual({
      url: "http://mock:8080/",
      hostHeader: "mock:8080",
      signedHost: "mock",
    });
    await c.send(modifyMigrateJob, { JobId: "a" });
    expect(sent[0]?.url).toBe("http://mock:8080/");
    expect(sent[0]?.headers["Host"]).toBe("mock:8080");
    expect(
      configurationError(() =>
        client({ endpoint: "http://other:8080", allowInsecureHttp: ["mock"] }),
      ),
    ).toContain("plain http is allowed only on loopback and the allowInsecureHttp hosts");
  });

  it("takes bare host names only", () => {
    for (const bad of [["http://mock"], ["mock:8080"], ["*"], [""], "mock", [1]]) {
      expect(
        configurationError(() =>
          client({ endpoint: "http://mock:8080", allowInsecureHttp: bad as never }),
        ),
      ).toContain("allowInsecureHttp");
    }
  });

  it("loopback stays allowed without it", async () => {
    const c = client({ endpoint: server.endpoint });
    await expect(c.send(modifyMigrateJob, { JobId: "a" })).resolves.toMatchObject({
      RequestId: expect.any(String),
    });
    c.close();
  });
});

describe("fetch and agent", () => {
  it("fetch: the client sends through the given fetch implementation", async () => {
    const urls: string[] = [];
    const ownFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const c = client({ endpoint: server.endpoint, fetch: ownFetch });
    const result = await c.send(modifyMigrateJob, { JobId: "a" });
    expect(result.RequestId).toMatch(/^req-/);
    expect(urls).toEqual([`${server.endpoint}/`]);
  });

  it("agent: the node transport hands its requests to the given http.Agent and leaves it open", async () => {
    const agent = new http.Agent({ keepAlive: true });
    let created = 0;
    const original = agent.createConnection.bind(agent);
    agent.createConnection = ((...args: Parameters<typeof original>) => {
      created++;
      return original(...args);
    }) as typeof agent.createConnection;
    const c = client({ endpoint: server.endpoint, agent });
    await c.send(modifyMigrateJob, { JobId: "a" });
    await c.send(modifyMigrateJob, { JobId: "b" });
    c.close();
    expect(created).toBe(1); // one keep-alive connection, the agent's
    agent.destroy();
  });

  it("combinations that would ignore an option are refused", () => {
    const transport = recordingTransport([]);
    expect(configurationError(() => client({ transport, proxy: "http://127.0.0.1:1" }))).toContain(
      "transport cannot be combined",
    );
    expect(configurationError(() => client({ fetch, proxy: "http://127.0.0.1:1" }))).toContain(
      "fetch cannot be combined",
    );
    expect(
      configurationError(() => client({ agent: new http.Agent(), proxy: "http://127.0.0.1:1" })),
    ).toContain("agent and proxy cannot be combined");
    expect(configurationError(() => client({ agent: {} }))).toContain("http.Agent");
    expect(configurationError(() => client({ fetch: "fetch" as never }))).toContain(
      "fetch must be a function",
    );
  });

  it("a browser build refuses proxy and agent (the browser's own proxy settings apply)", () => {
    expect(() => browserDefaultTransport({ proxy: "http://proxy:3128" })).toThrow(
      /browser uses its own proxy settings/,
    );
    expect(() => browserDefaultTransport({ agent: new http.Agent() })).toThrow(ConfigurationError);
    expect(browserDefaultTransport({ fetch }).send).toBeTypeOf("function");
  });
});
