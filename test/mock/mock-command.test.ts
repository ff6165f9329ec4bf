/**
 * `tcgen mock` end to end: the CLI generates the seed spec, serves it, prints its URL, and the
 * served mock answers a correctly signed ModifyMigrateJob with the page's example output.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeOf, sendSigned } from "./fixture-service.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const keys = { secretId: "AKIDcliTestKey", secretKey: "cli-test-secret" };

// The command runs the whole pipeline; until the parser's entry point exists it cannot start.
const pipelineReady = existsSync(new URL("../../generator/parse/parse-pages.ts", import.meta.url));
if (!pipelineReady) {
  console.warn("test/mock/mock-command.test.ts skipped: generator/parse/parse-pages.ts is missing");
}

let child: ChildProcess | undefined;
let url = "";
/** A second server, started with --allow-unknown-fields. */
let lenient: ChildProcess | undefined;
let lenientUrl = "";

/** Spawns `tcgen mock` on the seed spec with `extraArgs`; resolves once it prints its URL. */
async function startCli(extraArgs: readonly string[]): Promise<[ChildProcess, string]> {
  const proc = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "generator/cli/main.ts",
      "mock",
      "--specs",
      "specs/dts",
      "--port",
      "0",
      ...extraArgs,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        TENCENTCLOUD_SECRET_ID: keys.secretId,
        TENCENTCLOUD_SECRET_KEY: keys.secretKey,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  proc.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    proc.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^dts 2018-03-30 (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    proc.once("exit", (code) =>
      reject(new Error(`tcgen mock exited with ${code}:\n${stdout}\n${stderr}`)),
    );
  });
  return [proc, await ready];
}

beforeAll(async () => {
  if (!pipelineReady) return;
  [[child, url], [lenient, lenientUrl]] = await Promise.all([
    startCli([]),
    startCli(["--allow-unknown-fields"]),
  ]);
}, 60_000);

afterAll(async () => {
  for (const proc of [child, lenient]) {
    if (proc !== undefined && proc.exitCode === null) {
      proc.kill("SIGTERM");
      await once(proc, "exit");
    }
  }
});

describe.skipIf(!pipelineReady)("tcgen mock", () => {
  // The seed page's example omits DstInfo.Region, which the DstInfo table marks required: the
  // example widened the contract (TCG077), so the mock accepts it as written.
  const example = {
    JobId: "dts-1kl0iy0v",
    JobName: "userdts",
    DatabaseInfo: '[{"Database":"test","Table":["user","log"]}]',
    MigrateOption: {
      RunMode: 1,
      MigrateType: 2,
      MigrateObject: 2,
      ConsistencyType: 5,
      IsOverrideRoot: 0,
    },
    DstInfo: { ReadOnly: 0 },
  };

  it("serves the page's example output to a valid request signed with the environment's keys", async () => {
    const body = JSON.stringify({
      ...example,
      DstInfo: { ...example.DstInfo, Region: "ap-guangzhou" },
    });
    const result = await sendSigned({ url, action: "ModifyMigrateJob", body, ...keys });
    expect(result.json).toEqual({
      Response: { RequestId: "27ef2b7c-a786-48b4-9404-2f9baf3f4916" },
    });
  });

  it("answers the page's example as written: its left-out DstInfo.Region widened the contract", async () => {
    const result = await sendSigned({
      url,
      action: "ModifyMigrateJob",
      body: JSON.stringify(example),
      ...keys,
    });
    expect(result.json).toEqual({
      Response: { RequestId: "27ef2b7c-a786-48b4-9404-2f9baf3f4916" },
    });
  });

  it("still names a required field a request leaves out", async () => {
    const { JobId: _left, ...withoutJobId } = example;
    const result = await sendSigned({
      url,
      action: "ModifyMigrateJob",
      body: JSON.stringify(withoutJobId),
      ...keys,
    });
    expect(errorCodeOf(result)).toBe("InvalidParameter");
    expect(result.text).toContain("JobId");
  });

  it("rejects the mock's default test keys when others were configured", async () => {
    const result = await sendSigned({ url, action: "ModifyMigrateJob", body: '{"JobId":"dts-1"}' });
    expect(errorCodeOf(result)).toBe("AuthFailure.SecretIdNotFound");
  });

  it("rejects an invalid body with InvalidParameter", async () => {
    const result = await sendSigned({
      url,
      action: "ModifyMigrateJob",
      body: '{"JobId":5}',
      ...keys,
    });
    expect(errorCodeOf(result)).toBe("InvalidParameter");
  });

  it("answers a field the pages do not list with UnknownParameter, naming it", async () => {
    const body = JSON.stringify({ JobId: "dts-1", JobNmae: "x" });
    const result = await sendSigned({ url, action: "ModifyMigrateJob", body, ...keys });
    expect(errorCodeOf(result)).toBe("UnknownParameter");
    expect(result.text).toContain("The parameter `JobNmae` is not recognized.");
  });

  it("with --allow-unknown-fields: accepts the field but still checks the known ones", async () => {
    const newer = JSON.stringify({ JobId: "dts-1", NewerField: 1 });
    const accepted = await sendSigned({
      url: lenientUrl,
      action: "ModifyMigrateJob",
      body: newer,
      ...keys,
    });
    expect(errorCodeOf(accepted)).toBeUndefined();
    const invalid = JSON.stringify({ JobId: 5, NewerField: 1 });
    const rejected = await sendSigned({
      url: lenientUrl,
      action: "ModifyMigrateJob",
      body: invalid,
      ...keys,
    });
    expect(errorCodeOf(rejected)).toBe("InvalidParameter");
  });

  it("exits with 0 on SIGTERM", async () => {
    child?.kill("SIGTERM");
    const [code] = (await once(child as ChildProcess, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
