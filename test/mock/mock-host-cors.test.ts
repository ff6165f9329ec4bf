/**
 * The mock's `host` option and CORS, over loopback only (no test binds or calls a non-loopback
 * address): a mock on 127.0.0.2 (and ::1 when the machine has IPv6) answers at that address and
 * accepts it as the Host; a wildcard mock accepts any Host (checked on checkRequest, without
 * binding every interface); preflights and answers carry the CORS headers a browser needs, for
 * any origin by default or only the listed ones.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRequest } from "../../templates/mock/check-request.js";
import { startMockServer, type MockServer } from "../../templates/mock/mock-api.js";
import { errorCodeOf, fixtureService, sendSigned } from "./fixture-service.js";

interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/** Sends one request with exactly these headers (no signature) and reads the answer. */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body = "",
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const BROWSER_ORIGIN = "http://localhost:5173";

describe("mock --host over loopback", () => {
  it("listens on 127.0.0.2 and accepts that address as the Host", async () => {
    const mock = await startMockServer(fixtureService, { host: "127.0.0.2" });
    try {
      expect(mock.url).toBe(`http://127.0.0.2:${mock.port}`);
      const result = await sendSigned({ url: mock.url, host: "127.0.0.2" });
      expect(errorCodeOf(result)).toBeUndefined();
      const other = await sendSigned({ url: mock.url, host: "elsewhere.example" });
      expect(errorCodeOf(other)).toBe("InvalidParameter");
      expect(other.text).toContain('Host \\"elsewhere.example\\" is not an endpoint');
    } finally {
      await mock.close();
    }
  });

  it("listens on ::1 with a bracketed URL when the machine has IPv6 loopback", async (context) => {
    let mock: MockServer;
    try {
      mock = await startMockServer(fixtureService, { host: "::1" });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT") return context.skip();
      throw error;
    }
    try {
      expect(mock.url).toBe(`http://[::1]:${mock.port}`);
      const result = await sendSigned({ url: mock.url, host: "[::1]" });
      expect(errorCodeOf(result)).toBeUndefined();
    } finally {
      await mock.close();
    }
  });

  it("a taken port rejects with EADDRINUSE (the CLI turns it into one line)", async () => {
    const first = await startMockServer(fixtureService, { host: "127.0.0.1" });
    try {
      await expect(startMockServer(fixtureService, { port: first.port })).rejects.toMatchObject({
        code: "EADDRINUSE",
      });
    } finally {
      await first.close();
    }
  });

  it("anyHost (a wildcard mock) accepts a container's service name; without it, refused", () => {
    const base = {
      method: "POST",
      url: "/",
      headers: { host: "mock:8080", "content-type": "application/json" },
      bodyText: "{}",
    };
    const context = { description: fixtureService, keys: new Map(), nowSeconds: 0 };
    const strict = checkRequest(base, { ...context, ownHosts: ["127.0.0.1"] });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.message).toContain('Host "mock"');
    // Past the host check, the next one (the signature) is what fails.
    const any = checkRequest(base, { ...context, anyHost: true });
    expect(any.ok).toBe(false);
    if (!any.ok) expect(any.code).toMatch(/^AuthFailure/);
  });
});

describe("mock CORS", () => {
  let open: MockServer;
  let listed: MockServer;
  beforeAll(async () => {
    open = await startMockServer(fixtureService);
    listed = await startMockServer(fixtureService, { corsOrigins: [BROWSER_ORIGIN] });
  });
  afterAll(async () => {
    await Promise.all([open.close(), listed.close()]);
  });

  it("answers a preflight with 204, the methods and the signed-call headers, unrecorded", async () => {
    const answer = await send(open.url, "OPTIONS", {
      origin: BROWSER_ORIGIN,
      "access-control-request-method": "POST",
      "access-control-request-headers":
        "authorization, content-type, x-tc-action, x-tc-timestamp, x-custom-trace, bad header",
    });
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["access-control-allow-methods"]).toBe("POST, GET, OPTIONS");
    const allowed = String(answer.headers["access-control-allow-headers"]).split(", ");
    for (const name of [
      "Authorization",
      "Content-Type",
      "X-TC-Action",
      "X-TC-Version",
      "X-TC-Timestamp",
      "X-TC-Region",
      "X-TC-Language",
      "X-TC-Token",
      "x-custom-trace",
    ]) {
      expect(allowed).toContain(name);
    }
    expect(allowed).not.toContain("bad header");
    expect(answer.headers["access-control-max-age"]).toBe("600");
    expect(open.requests).toHaveLength(0);
  });

  it("adds the CORS headers to answers, errors included, and exposes X-TC-RequestId", async () => {
    const answer = await send(
      open.url,
      "POST",
      { origin: BROWSER_ORIGIN, "content-type": "application/json", host: "127.0.0.1" },
      "{}",
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"Error"');
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["access-control-expose-headers"]).toBe("X-TC-RequestId, Date");
  });

  it("sends no CORS headers to a request without Origin", async () => {
    const result = await sendSigned({ url: open.url });
    expect(errorCodeOf(result)).toBeUndefined();
    expect(result.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("with listed origins, echoes a listed one and leaves out any other", async () => {
    const preflight = {
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization",
    };
    const allowed = await send(listed.url, "OPTIONS", { origin: BROWSER_ORIGIN, ...preflight });
    expect(allowed.headers["access-control-allow-origin"]).toBe(BROWSER_ORIGIN);
    expect(allowed.headers["vary"]).toBe("Origin");
    const other = await send(listed.url, "OPTIONS", { origin: "http://evil.test", ...preflight });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    expect(other.headers["vary"]).toBe("Origin");
  });
});
