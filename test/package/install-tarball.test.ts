/**
 * Issue 13: an app outside the repository installs the packed tarball (`npm install ./x.tgz`, no
 * registry needed: the package has no runtime dependencies) and sends a signed request that the
 * package's own mock accepts, as an ES module and as CommonJS (`require`, which works on every
 * Node the package's `engines` allows, not only where require(esm) exists). TypeScript apps
 * type-check against the installed package under node16 (CommonJS and ESM), nodenext, bundler
 * and node10 resolution.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packGenerated, REPO_ROOT, run, type PackedPackage } from "./packed-package.js";

let packed: PackedPackage | undefined;
let app: string;

beforeAll(async () => {
  packed = await packGenerated("dts");
  app = await mkdtemp(join(tmpdir(), "tcgen-installed-app-"));
  await writeFile(join(app, "package.json"), '{ "name": "app", "private": true }\n');
  await run("npm", ["install", packed.tarball, "--offline", "--no-audit", "--no-fund"], {
    cwd: app,
  });
}, 240_000);

afterAll(async () => {
  await packed?.dispose();
  if (app !== undefined) await rm(app, { recursive: true, force: true });
});

/** The same program in both module systems: start the mock, call it, report what it saw. */
const program = (load: string): string =>
  [
    load,
    "(async () => {",
    "  const mock = await startDtsMock();",
    "  const client = new DtsClient({",
    '    region: "ap-guangzhou",',
    "    credentials: { ...MOCK_CREDENTIALS },",
    "    endpoint: mock.url,",
    "  });",
    "  try {",
    '    const result = await client.modifyMigrateJob({ JobId: "dts-1kl0iy0v", JobName: "userdts" });',
    "    const [received] = mock.requests;",
    "    console.log(JSON.stringify({",
    "      requestId: result.RequestId,",
    "      signatureValid: received?.signatureValid,",
    "      rootHasVersion: typeof root.v20180330.DtsClient,",
    "    }));",
    "  } finally {",
    "    client.close();",
    "    await mock.close();",
    "  }",
    "})();",
  ].join("\n");

describe("an app that installed the packed @tcgen/dts", () => {
  it.each([
    {
      file: "app.mjs",
      load: [
        'import { DtsClient } from "@tcgen/dts/v20180330";',
        'import { MOCK_CREDENTIALS, startDtsMock } from "@tcgen/dts/mock";',
        'import * as root from "@tcgen/dts";',
      ].join("\n"),
    },
    {
      file: "app.cjs",
      load: [
        'const { DtsClient } = require("@tcgen/dts/v20180330");',
        'const { MOCK_CREDENTIALS, startDtsMock } = require("@tcgen/dts/mock");',
        'const root = require("@tcgen/dts");',
      ].join("\n"),
    },
  ])("sends a signed request the mock accepts, from $file", async ({ file, load }) => {
    await writeFile(join(app, file), program(load));
    const { stdout } = await run(process.execPath, [file], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({
      requestId: expect.any(String),
      signatureValid: true,
      rootHasVersion: "function",
    });
  });

  it("resolves CommonJS to the CommonJS build and ESM to the ES module bundle", async () => {
    const script = [
      'const esm = import.meta.resolve("@tcgen/dts/v20180330");',
      'const { createRequire } = await import("node:module");',
      'const cjs = createRequire(import.meta.url).resolve("@tcgen/dts/v20180330");',
      "console.log(JSON.stringify({ esm, cjs }));",
    ].join("\n");
    await writeFile(join(app, "resolve.mjs"), script);
    const { stdout } = await run(process.execPath, ["resolve.mjs"], { cwd: app });
    const { esm, cjs } = JSON.parse(stdout) as { esm: string; cjs: string };
    expect(esm).toMatch(/node_modules\/@tcgen\/dts\/dist\/node\/v20180330\/index\.js$/);
    expect(cjs.replaceAll("\\", "/")).toMatch(
      /node_modules\/@tcgen\/dts\/dist\/cjs\/v20180330\/index\.js$/,
    );
  });

  const source = [
    'import { DtsClient, type ModifyMigrateJobRequest } from "@tcgen/dts/v20180330";',
    'import { startDtsMock } from "@tcgen/dts/mock";',
    'import { v20180330 } from "@tcgen/dts";',
    'const request: ModifyMigrateJobRequest = { JobId: "dts-1" };',
    "export const started: ReturnType<typeof startDtsMock> | undefined = undefined;",
    "export const same: typeof DtsClient = v20180330.DtsClient;",
    "export const send = (client: DtsClient) => client.modifyMigrateJob(request);",
    "// @ts-expect-error JobId is a string",
    "export const wrong: ModifyMigrateJobRequest = { JobId: 1 };",
  ].join("\n");

  it.each([
    { mode: "node16, CommonJS", file: "check-cjs.cts", module: ts.ModuleKind.Node16 },
    { mode: "node16, ESM", file: "check-esm.mts", module: ts.ModuleKind.Node16 },
    { mode: "nodenext, CommonJS", file: "check-next.cts", module: ts.ModuleKind.NodeNext },
    { mode: "nodenext, ESM", file: "check-next.mts", module: ts.ModuleKind.NodeNext },
    { mode: "bundler", file: "check-bundler.ts", module: ts.ModuleKind.ESNext },
    { mode: "node10", file: "check-node10.ts", module: ts.ModuleKind.CommonJS },
  ])("type-checks a TypeScript app under $mode resolution", async ({ mode, file, module }) => {
    await writeFile(join(app, file), source);
    const moduleResolution =
      mode === "bundler"
        ? ts.ModuleResolutionKind.Bundler
        : mode === "node10"
          ? ts.ModuleResolutionKind.Node10
          : module === ts.ModuleKind.NodeNext
            ? ts.ModuleResolutionKind.NodeNext
            : ts.ModuleResolutionKind.Node16;
    const options: ts.CompilerOptions = {
      module,
      moduleResolution,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      typeRoots: [join(REPO_ROOT, "node_modules", "@types")],
      strict: true,
      noEmit: true,
      // The package's own declarations are checked too, as a consumer's compiler would.
      skipLibCheck: false,
    };
    const checked = ts.createProgram({ rootNames: [join(app, file)], options });
    const errors = ts.getPreEmitDiagnostics(checked).map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      return `${d.file?.fileName ?? ""} TS${d.code}: ${text}`;
    });
    expect(errors).toEqual([]);
    // Resolved from the installed tarball, not from the repository's sources.
    const resolved = checked
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter((f) => f.includes("/@tcgen/dts/"));
    expect(resolved.length).toBeGreaterThan(0);
    for (const f of resolved) expect(f).toContain(`${app}/node_modules/@tcgen/dts/dist/`);
  });
});
