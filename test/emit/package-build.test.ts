/**
 * The generated package as a user installs it: `npm run build` inside it compiles with tsc to
 * dist/ (JavaScript and .d.ts), and the built JavaScript, loaded by plain Node through the
 * package's `exports` map (default condition, no TypeScript anywhere), sends a signed
 * ModifyMigrateJob request that the package's own mock server accepts.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
let workDir: string;
let packageDir: string;

beforeAll(async () => {
  // Inside the repository so that the build finds typescript and @types/node in its node_modules.
  await mkdir(join(repoRoot, "tmp"), { recursive: true });
  workDir = await mkdtemp(join(repoRoot, "tmp", "package-build-"));
  packageDir = join(workDir, "node_modules", "@tcgen", "dts");
  await cp(join(repoRoot, "generated", "dts"), packageDir, {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules)$/.test(source),
  });
  await run("npm", ["run", "build", "--silent"], { cwd: packageDir });
}, 120_000);

afterAll(async () => {
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

describe("generated/dts built with its own npm run build", () => {
  it("writes JavaScript and declarations for every subpath export", async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as {
      exports: Record<string, { types: string; default: string }>;
    };
    const targets = Object.values(manifest.exports).flatMap((e) => [e.types, e.default]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      expect((await stat(join(packageDir, target))).isFile(), target).toBe(true);
    }
  });

  it("sends a signed request from the built JavaScript that the built mock accepts", async () => {
    const app = join(workDir, "app.mjs");
    await writeFile(
      app,
      [
        'import { DtsClient } from "@tcgen/dts/v20180330";',
        'import { MOCK_CREDENTIALS, startDtsMock } from "@tcgen/dts/mock";',
        "const mock = await startDtsMock();",
        "const client = new DtsClient({",
        '  region: "ap-guangzhou",',
        "  credentials: { ...MOCK_CREDENTIALS },",
        "  endpoint: mock.url,",
        "});",
        "try {",
        '  const result = await client.modifyMigrateJob({ JobId: "dts-1kl0iy0v", JobName: "userdts" });',
        "  const [received] = mock.requests;",
        "  console.log(JSON.stringify({ requestId: result.RequestId, signatureValid: received?.signatureValid }));",
        "} finally {",
        "  client.close();",
        "  await mock.close();",
        "}",
      ].join("\n"),
    );
    const { stdout } = await run(process.execPath, [app], { cwd: workDir });
    const outcome = JSON.parse(stdout) as { requestId: unknown; signatureValid: unknown };
    expect(outcome.signatureValid).toBe(true);
    expect(typeof outcome.requestId).toBe("string");
  });
});
