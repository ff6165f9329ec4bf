/**
 * The two routes of the package, bundled as an app would bundle them (esbuild, Node platform,
 * through the package's `exports` and `sideEffects: false`), then run against a local server
 * that verifies the TC3 signature:
 * - the bare route (createBareDtsClient + modifyMigrateJob) bundles only validate, sign, send
 *   and parse: no error classes, retry policy, rate limiter or default credential chain;
 * - the class route (DtsClient) bundles every documented default.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTencentServer } from "../runtime/fake-tencent-server.js";

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const APPS = fileURLToPath(new URL("./apps/", import.meta.url));

let server: FakeTencentServer;
let workDir: string;
beforeAll(async () => {
  server = await FakeTencentServer.start({
    secretId: "AKIDconsumerBundle01",
    secretKey: "consumer-bundle-secret",
  });
  workDir = mkdtempSync(join(tmpdir(), "tcgen-bundle-routes-"));
});
afterAll(async () => {
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Bundles one app; returns the code and the package files that ended up in it. */
async function bundle(app: string): Promise<{ code: string; inputs: string[] }> {
  const port = new URL(server.endpoint).port;
  const result = await build({
    entryPoints: [join(APPS, app)],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "cjs",
    // `@tcgen/dts/...` resolves to the sources through tsconfig.json `paths`, which esbuild reads.
    define: { PORT: JSON.stringify(port) },
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([file]) =>
      relative(REPO_ROOT, join(REPO_ROOT, file)).replace(/^generated\/dts\/src\//, ""),
    );
  return { code: result.outputFiles[0]?.text ?? "", inputs };
}

async function runBundle(name: string, code: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const file = join(workDir, `${name}.cjs`);
  writeFileSync(file, code);
  const { stdout } = await run(process.execPath, [file], {
    timeout: 20_000,
    ...(env !== undefined && { env }),
  });
  return stdout;
}

const DEFAULTS_ONLY = [
  "v20180330/errors.ts",
  "runtime/rate-limit.ts",
  "runtime/default-credentials.ts",
];

describe("the bare route: createBareDtsClient + modifyMigrateJob", () => {
  it("bundles without the error classes, rate limiter or default credential chain", async () => {
    const { inputs } = await bundle("bare-route.ts");
    for (const file of DEFAULTS_ONLY) expect(inputs).not.toContain(file);
    expect(inputs).toEqual(
      expect.arrayContaining([
        "runtime/client-core.ts",
        "runtime/signer.ts",
        "v20180330/validators.ts",
      ]),
    );
  });

  it("sends a validly signed request and prints the RequestId", async () => {
    const { code } = await bundle("bare-route.ts");
    server.reset();
    expect(await runBundle("bare", code)).toMatch(/^RequestId=req-\d+/);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.signature.ok).toBe(true);
    expect(server.received[0]?.headers["x-tc-action"]).toBe("ModifyMigrateJob");
  });
});

describe("the class route: DtsClient", () => {
  it("bundles every documented default, and is larger than the bare route", async () => {
    const classRoute = await bundle("class-route.ts");
    const bareRoute = await bundle("bare-route.ts");
    for (const file of DEFAULTS_ONLY) expect(classRoute.inputs).toContain(file);
    expect(classRoute.code.length).toBeGreaterThan(bareRoute.code.length);
  });

  it("sends a validly signed request and prints the RequestId", async () => {
    const { code } = await bundle("class-route.ts");
    server.reset();
    expect(await runBundle("class", code)).toMatch(/^RequestId=req-\d+/);
    expect(server.received[0]?.signature.ok).toBe(true);
  });
});

describe("a bare client with every feature installed by hand (the README's example)", () => {
  it("bundles what it installed, and retries, maps error classes, reads the environment", async () => {
    const { code, inputs } = await bundle("equipped-route.ts");
    for (const file of DEFAULTS_ONLY) expect(inputs).toContain(file);
    server.reset();
    server.next(
      { kind: "error", code: "InternalError" },
      { kind: "error", code: "ResourceNotFound.JobNotExist" },
    );
    const env = {
      PATH: process.env["PATH"] ?? "",
      TENCENTCLOUD_SECRET_ID: "AKIDconsumerBundle01",
      TENCENTCLOUD_SECRET_KEY: "consumer-bundle-secret",
    };
    expect((await runBundle("equipped", code, env)).trim()).toBe("JobNotExist");
    expect(server.received).toHaveLength(2); // InternalError was retried
    expect(server.received.every((r) => r.signature.ok)).toBe(true);
  });
});
