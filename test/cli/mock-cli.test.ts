/**
 * `tcgen mock` as a process, over loopback only: --host 127.0.0.2 serves there and prints that
 * URL; a port that is taken is one line and exit 2 (not "internal error" and a stack); the
 * served mock answers a browser preflight with CORS headers for the --cors-origin given.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { createServer, type AddressInfo, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { linesOf, REPO_ROOT, runTcgen } from "./run-tcgen.js";

const BIN = fileURLToPath(new URL("../../bin/tcgen.js", import.meta.url));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  }
});

/** Starts `tcgen mock` and resolves with the URL it prints for dts 2018-03-30. */
async function startMock(args: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, "mock", "--specs", "specs/dts", ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^dts 2018-03-30 (http:\/\/\S+)$/m.exec(stdout);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`tcgen mock exited ${code}:\n${stderr}`)));
  });
  return { child, url };
}

function preflight(url: string, origin: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, x-tc-action",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode, ...res.headers }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("tcgen mock --host, --cors-origin and a taken port", () => {
  it("--host 127.0.0.2 serves there; --cors-origin allows that origin only", async () => {
    const origin = "http://localhost:5173";
    const { url } = await startMock(["--host", "127.0.0.2", "--cors-origin", origin]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    const allowed = await preflight(url, origin);
    expect(allowed["status"]).toBe(204);
    expect(allowed["access-control-allow-origin"]).toBe(origin);
    expect(String(allowed["access-control-allow-headers"])).toContain("X-TC-Action");
    const other = await preflight(url, "http://other.test");
    expect(other["access-control-allow-origin"]).toBeUndefined();
  }, 60_000);

  it("a taken port: one line, exit 2", async () => {
    const blocker: Server = createServer();
    blocker.listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const port = (blocker.address() as AddressInfo).port;
    try {
      const run = await runTcgen(["mock", "--specs", "specs/dts", "--port", String(port)]);
      expect(run.code).toBe(2);
      const lines = linesOf(run.stderr);
      expect(lines, run.stderr).toEqual([
        `tcgen mock: port ${port} is already in use on 127.0.0.1 (127.0.0.1:${port}); choose another --port, or --port 0 for a free one. See: tcgen mock --help`,
      ]);
      expect(run.stdout).not.toContain("http://");
    } finally {
      blocker.close();
    }
  }, 60_000);
});
