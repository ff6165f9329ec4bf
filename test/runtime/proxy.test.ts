/**
 * The `proxy` option over loopback (issue 13): a local proxy started here sees a CONNECT for an
 * https endpoint (TLS runs end to end through the tunnel: the proxy never sees the signed request)
 * and an absolute-URI request for a plain http one; user info in the proxy URL is sent as
 * Proxy-Authorization; a proxy that refuses is a NetworkError naming it, without its password.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ServiceClient, type ClientOptions } from "../../templates/runtime/client.js";
import { ConfigurationError, NetworkError } from "../../templates/runtime/errors.js";
import { createNodeTransport } from "../../templates/runtime/transport-node.js";
import { dtsDescriptor, modifyMigrateJob, SECRET_ID, SECRET_KEY } from "./client-harness.js";
import { FakeTencentServer } from "./fake-tencent-server.js";

interface ProxyLog {
  connects: { authority: string; authorization: string | undefined }[];
  forwarded: { url: string; authorization: string | undefined; host: string | undefined }[];
}

/** A minimal forward proxy: CONNECT tunnels and absolute-URI forwarding; `refuse` answers 407. */
function startProxy(log: ProxyLog, refuse: () => boolean): Promise<http.Server> {
  const proxy = http.createServer((req, res) => {
    log.forwarded.push({
      url: req.url ?? "",
      authorization: req.headers["proxy-authorization"],
      host: req.headers.host,
    });
    const target = new URL(req.url ?? "");
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    const upstream = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: req.method,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  proxy.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    log.connects.push({
      authority: req.url ?? "",
      authorization: req.headers["proxy-authorization"],
    });
    if (refuse()) {
      client.end("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n");
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  return new Promise((resolve) => proxy.listen(0, "127.0.0.1", () => resolve(proxy)));
}

const log: ProxyLog = { connects: [], forwarded: [] };
let refusing = false;
let proxy: http.Server;
let proxyUrl: string;
let plain: FakeTencentServer;
let secure: https.Server;
let secureEndpoint: string;
let certificate: string;
const secureRequests: { url: string; action: string | undefined }[] = [];
const folder = mkdtempSync(join(tmpdir(), "tcgen-proxy-"));

beforeAll(async () => {
  // A self-signed certificate for 127.0.0.1, made here so that no key is checked in.
  const keyPath = join(folder, "key.pem");
  const certPath = join(folder, "cert.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
      .concat(["-keyout", keyPath, "-out", certPath, "-days", "1", "-subj", "/CN=localhost"])
      .concat(["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]),
    { stdio: "ignore" },
  );
  certificate = readFileSync(certPath, "utf8");
  secure = https.createServer({ key: readFileSync(keyPath), cert: certificate }, (req, res) => {
    secureRequests.push({
      url: req.url ?? "",
      action: req.headers["x-tc-action"] as string | undefined,
    });
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ Response: { RequestId: "tls-req-1" } }));
    });
  });
  await new Promise<void>((resolve) => secure.listen(0, "127.0.0.1", resolve));
  secureEndpoint = `https://127.0.0.1:${(secure.address() as net.AddressInfo).port}`;
  plain = await FakeTencentServer.start({ secretId: SECRET_ID, secretKey: SECRET_KEY });
  proxy = await startProxy(log, () => refusing);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  secure.closeAllConnections();
  await Promise.all([
    new Promise((resolve) => proxy.close(resolve)),
    new Promise((resolve) => secure.close(resolve)),
    plain.close(),
  ]);
  rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
  log.connects.length = 0;
  log.forwarded.length = 0;
  secureRequests.length = 0;
  refusing = false;
});

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

describe("proxy", () => {
  it("https: a CONNECT tunnel to the endpoint, TLS end to end, one tunnel for keep-alive calls", async () => {
    const c = client({
      endpoint: secureEndpoint,
      transport: createNodeTransport({ proxy: proxyUrl, ca: certificate }),
    });
    const first = await c.send(modifyMigrateJob, { JobId: "a" });
    await c.send(modifyMigrateJob, { JobId: "b" });
    c.close();
    expect(first.RequestId).toBe("tls-req-1");
    expect(log.connects).toEqual([
      { authority: secureEndpoint.slice("https://".length), authorization: undefined },
    ]);
    expect(log.forwarded).toEqual([]); // the proxy saw no request line, only the tunnel
    expect(secureRequests).toEqual([
      { url: "/", action: "ModifyMigrateJob" },
      { url: "/", action: "ModifyMigrateJob" },
    ]);
  });

  it("plain http: the request goes to the proxy with the absolute URL, through the client option", async () => {
    plain.reset();
    const c = client({ endpoint: plain.endpoint, proxy: proxyUrl });
    const result = await c.send(modifyMigrateJob, { JobId: "a" });
    c.close();
    expect(result.RequestId).toMatch(/^req-/);
    expect(log.forwarded).toEqual([
      {
        url: `${plain.endpoint}/`,
        authorization: undefined,
        host: plain.endpoint.slice("http://".length),
      },
    ]);
    expect(plain.received[0]?.signature.ok).toBe(true);
  });

  it("user info in the proxy URL is sent as Proxy-Authorization: Basic, on CONNECT and on plain http", async () => {
    const withUser = proxyUrl.replace("http://", "http://alice:s%40cret@");
    const basic = `Basic ${Buffer.from("alice:s@cret").toString("base64")}`;
    const tunnelled = client({
      endpoint: secureEndpoint,
      transport: createNodeTransport({ proxy: withUser, ca: certificate }),
    });
    await tunnelled.send(modifyMigrateJob, { JobId: "a" });
    tunnelled.close();
    const direct = client({ endpoint: plain.endpoint, proxy: withUser });
    await direct.send(modifyMigrateJob, { JobId: "a" });
    direct.close();
    expect(log.connects[0]?.authorization).toBe(basic);
    expect(log.forwarded[0]?.authorization).toBe(basic);
  });

  it("a refused CONNECT is a NetworkError naming the proxy, never its password", async () => {
    refusing = true;
    const c = client({
      endpoint: secureEndpoint,
      transport: createNodeTransport({
        proxy: proxyUrl.replace("http://", "http://bob:hunter2@"),
        ca: certificate,
      }),
    });
    const error = await c.send(modifyMigrateJob, { JobId: "a" }).catch((e: unknown) => e);
    c.close();
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain(
      `the proxy ${proxyUrl} answered HTTP 407 to CONNECT`,
    );
    expect((error as Error).message).not.toContain("hunter2");
    expect(secureRequests).toEqual([]);
  });

  it("only http:// proxy URLs of a host are accepted", () => {
    for (const bad of ["https://proxy:3128", "proxy:3128", "http://proxy:3128/path", "not a url"]) {
      expect(() => createNodeTransport({ proxy: bad })).toThrow(ConfigurationError);
    }
  });
});
