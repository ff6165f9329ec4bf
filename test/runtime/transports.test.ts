/** Both transports against one local HTTP server: same request on the wire, same response. */
import { execFile } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetworkError, TimeoutError } from "../../templates/runtime/errors.js";
import { createFetchTransport } from "../../templates/runtime/transport-fetch.js";
import { createNodeTransport } from "../../templates/runtime/transport-node.js";
import type { Transport } from "../../templates/runtime/transport.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
  socket: number;
}
const seen: Seen[] = [];
const sockets = new Map<object, number>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, sockets.size);
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString("utf8"),
        socket: sockets.get(req.socket)!,
      });
      if (req.url === "/drop") {
        req.socket.destroy();
        return;
      }
      if (req.url === "/cut") {
        // Promises 100 bytes, sends 12, then closes the connection.
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
        res.write('{"Response":', () => req.socket.destroy());
        return;
      }
      if (req.url === "/hang") return; // never answers; the client's deadline must end it
      if (req.url === "/trickle") {
        // Headers at once, then the body never completes.
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write('{"Response":');
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json", "X-Echo": "yes" });
      res.end('{"Response":{"RequestId":"r-é"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe.each<{ name: string; make: () => Transport }>([
  { name: "node", make: () => createNodeTransport() },
  { name: "fetch", make: () => createFetchTransport() },
])("$name transport", ({ make }) => {
  it("sends method, headers and UTF-8 body, and returns status, lowercase headers, body", async () => {
    const transport = make();
    seen.length = 0;
    const response = await transport.send({
      url: `${base}/`,
      method: "POST",
      headers: { "Content-Type": "application/json", "X-TC-Action": "ModifyMigrateJob" },
      body: '{"Name":"迁移"}',
    });
    transport.close?.();
    expect(response.status).toBe(200);
    expect(response.headers["x-echo"]).toBe("yes");
    expect(response.body).toBe('{"Response":{"RequestId":"r-é"}}');
    expect(seen[0]).toMatchObject({ method: "POST", url: "/", body: '{"Name":"迁移"}' });
    expect(seen[0]!.headers).toMatchObject({
      "content-type": "application/json",
      "x-tc-action": "ModifyMigrateJob",
      "content-length": String(Buffer.byteLength('{"Name":"迁移"}')),
    });
  });

  it("rejects with a NetworkError when the connection drops", async () => {
    const transport = make();
    const error = await transport
      .send({ url: `${base}/drop`, method: "POST", headers: {}, body: "{}" })
      .catch((e: unknown) => e);
    transport.close?.();
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ retryable: true });
  });

  it("rejects with a NetworkError when the connection drops in the middle of the body", async () => {
    const transport = make();
    const error = await transport
      .send({ url: `${base}/cut`, method: "POST", headers: {}, body: "{}", timeoutMs: 5_000 })
      .catch((e: unknown) => e);
    transport.close?.();
    expect(error).toBeInstanceOf(NetworkError);
  });

  it.each(["/hang", "/trickle"])(
    "rejects with a TimeoutError when %s has not answered completely by timeoutMs",
    async (route) => {
      const transport = make();
      const error = await transport
        .send({ url: `${base}${route}`, method: "POST", headers: {}, body: "{}", timeoutMs: 40 })
        .catch((e: unknown) => e);
      transport.close?.();
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({
        code: "RequestTimeout",
        retryable: true,
        message: "no response within 40 ms",
      });
    },
  );

  it("stops the request when the caller's signal fires, and rejects", async () => {
    const transport = make();
    const controller = new AbortController();
    const pending = transport
      .send({
        url: `${base}/hang`,
        method: "POST",
        headers: {},
        body: "{}",
        signal: controller.signal,
        timeoutMs: 60_000,
      })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 20);
    const error = await pending;
    transport.close?.();
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });
});

describe("node transport", () => {
  it("reuses the connection for consecutive requests (keep-alive agent)", async () => {
    const transport = createNodeTransport();
    seen.length = 0;
    for (let i = 0; i < 3; i++) {
      await transport.send({ url: `${base}/`, method: "POST", headers: {}, body: "{}" });
    }
    transport.close?.();
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
  });

  it.each<{ given: Record<string, string>; want: { host: string; "content-length": string } }>([
    { given: {}, want: { host: "<server>", "content-length": "2" } },
    {
      given: { Host: "dts.tencentcloudapi.com" },
      want: { host: "dts.tencentcloudapi.com", "content-length": "2" },
    },
    { given: { "content-length": "2" }, want: { host: "<server>", "content-length": "2" } },
  ])("sends Host and Content-Length exactly once each (given $given)", async ({ given, want }) => {
    const transport = createNodeTransport();
    seen.length = 0;
    await transport.send({ url: `${base}/`, method: "POST", headers: given, body: "{}" });
    transport.close?.();
    const raw = seen[0]!.rawHeaders;
    const valuesOf = (name: string) =>
      raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === name);
    const serverHost = new URL(base).host;
    expect(valuesOf("host")).toEqual([want.host.replace("<server>", serverHost)]);
    expect(valuesOf("content-length")).toEqual([want["content-length"]]);
  });

  it("refuses a header value with a line break and sends nothing", async () => {
    const transport = createNodeTransport();
    seen.length = 0;
    const error = await transport
      .send({
        url: `${base}/`,
        method: "POST",
        headers: { "X-Bad": "a\r\nX-Injected: 1" },
        body: "{}",
      })
      .catch((e: unknown) => e);
    transport.close?.();
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBe("ERR_INVALID_CHAR");
    expect(seen).toEqual([]);
  });

  it("a finished request leaves no abort listener on the caller's signal", async () => {
    const transport = createNodeTransport();
    const controller = new AbortController();
    let listeners = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    }) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners--;
      remove(...args);
    }) as typeof remove;
    await transport.send({ url: `${base}/`, method: "POST", headers: {}, body: "{}", signal });
    transport.close?.();
    expect(listeners).toBe(0);
  });
});

describe("node transport deadlines", () => {
  it("a short deadline sent after a long one still fires on time, the long one keeps running", async () => {
    const transport = createNodeTransport();
    const send = (timeoutMs: number) =>
      transport
        .send({ url: `${base}/hang`, method: "POST", headers: {}, body: "{}", timeoutMs })
        .then(
          () => "answered",
          (e: unknown) => e,
        );
    const long = send(60_000);
    const short = await send(30);
    expect(short).toBeInstanceOf(TimeoutError);
    expect(short).toMatchObject({ message: "no response within 30 ms" });
    let longSettled = false;
    void long.then(() => (longSettled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(longSettled).toBe(false);
    transport.close?.();
    expect(await long).toBeInstanceOf(Error);
  });

  it("ends every request past its deadline, each with its own timeout in the message", async () => {
    const transport = createNodeTransport();
    const timeouts = [45, 20, 35, 20, 60];
    const errors = await Promise.all(
      timeouts.map((timeoutMs) =>
        transport
          .send({ url: `${base}/trickle`, method: "POST", headers: {}, body: "{}", timeoutMs })
          .catch((e: unknown) => e),
      ),
    );
    transport.close?.();
    expect(errors.map((e) => (e as Error).message)).toEqual(
      timeouts.map((ms) => `no response within ${ms} ms`),
    );
    expect(errors.every((e) => e instanceof TimeoutError)).toBe(true);
  });

  it("answered and expired requests mixed in flight leave later deadlines working", async () => {
    const transport = createNodeTransport();
    const send = (route: string, timeoutMs: number) =>
      transport
        .send({ url: `${base}${route}`, method: "POST", headers: {}, body: "{}", timeoutMs })
        .then(
          (r) => r.status,
          (e: unknown) => (e instanceof TimeoutError ? e.message : e),
        );
    const first = await Promise.all([
      send("/hang", 20),
      send("/", 60_000),
      send("/hang", 25),
      send("/", 30_000),
      send("/trickle", 20),
    ]);
    const later = await Promise.all([send("/hang", 20), send("/", 60_000)]);
    transport.close?.();
    expect(first).toEqual([
      "no response within 20 ms",
      200,
      "no response within 25 ms",
      200,
      "no response within 20 ms",
    ]);
    expect(later).toEqual(["no response within 20 ms", 200]);
  });

  it("a request answered in time is not ended later by its deadline", async () => {
    const transport = createNodeTransport();
    const answered = await transport.send({
      url: `${base}/`,
      method: "POST",
      headers: {},
      body: "{}",
      timeoutMs: 30,
    });
    // Past the first request's deadline, the same keep-alive connection still serves a request.
    await new Promise((resolve) => setTimeout(resolve, 60));
    seen.length = 0;
    const again = await transport.send({
      url: `${base}/`,
      method: "POST",
      headers: {},
      body: "{}",
    });
    transport.close?.();
    expect([answered.status, again.status]).toEqual([200, 200]);
    expect(seen).toHaveLength(1);
  });

  it("a pending deadline does not keep the process alive after the last response", async () => {
    const transportModule = fileURLToPath(
      new URL("../../templates/runtime/transport-node.ts", import.meta.url),
    );
    // No close(): the process must exit on its own although a 10-minute deadline was armed.
    const script = `
      const { createNodeTransport } = await import(${JSON.stringify(transportModule)});
      const transport = createNodeTransport();
      const r = await transport.send({ url: ${JSON.stringify(`${base}/`)}, method: "POST", headers: {}, body: "{}", timeoutMs: 600000 });
      console.log(r.status);`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: fileURLToPath(new URL("../../", import.meta.url)), timeout: 30_000 },
    );
    expect(stdout.trim()).toBe("200");
  });
});

describe("node transport start-up cost", () => {
  it("loads node:tls and node:https only when the first https request is sent", async () => {
    const transportModule = fileURLToPath(
      new URL("../../templates/runtime/transport-node.ts", import.meta.url),
    );
    // A fresh process (this one has loaded node:https long ago), with tsx for the .ts source.
    const script = `
      const { createNodeTransport } = await import(${JSON.stringify(transportModule)});
      const loaded = () => process.moduleLoadList.filter((m) => /^NativeModule (tls|https)$/.test(m));
      const transport = createNodeTransport();
      await transport.send({ url: ${JSON.stringify(`${base}/`)}, method: "POST", headers: {}, body: "{}" });
      const afterHttp = loaded();
      await transport.send({ url: "https://127.0.0.1:1/", method: "POST", headers: {}, body: "{}" }).catch(() => {});
      console.log(JSON.stringify({ afterHttp, afterHttps: loaded() }));
      transport.close();`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: fileURLToPath(new URL("../../", import.meta.url)) },
    );
    const result = JSON.parse(stdout) as { afterHttp: string[]; afterHttps: string[] };
    expect(result.afterHttp).toEqual([]);
    expect(result.afterHttps.sort()).toEqual(["NativeModule https", "NativeModule tls"]);
  });
});
