/**
 * The generated package as a user installs it: `npm run build` inside it (scripts/build.mjs)
 * writes dist/types, the per-file web build dist/browser, the ES module bundles dist/node and the
 * CommonJS bundles dist/cjs. Plain Node, through the package's `exports` map (no TypeScript
 * anywhere), loads only the bundles and sends a signed ModifyMigrateJob request that the
 * package's own mock server accepts; a browser bundler gets the per-file web build, whose
 * runtime files are already the web ones. test/package/ packs and installs the tarball.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface Manifest {
  exports: Record<string, Record<string, { types: string; default: string }>>;
}

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
    const manifest = JSON.parse(
      await readFile(join(packageDir, "package.json"), "utf8"),
    ) as Manifest;
    const targets = Object.values(manifest.exports).flatMap((e) =>
      Object.values(e).flatMap((target) => [target.types, target.default]),
    );
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

  it("has Node load every subpath from its bundle in dist/node, and nothing from the per-file dist", async () => {
    const manifest = JSON.parse(
      await readFile(join(packageDir, "package.json"), "utf8"),
    ) as Manifest;
    const subpaths = Object.keys(manifest.exports);
    expect(subpaths).toContain("./mock");
    // A module hook (Node's public `module.register` API) records every URL Node loads.
    const loadLog = join(workDir, "loads.txt");
    await writeFile(
      join(workDir, "record-loads-hook.mjs"),
      [
        'import { appendFileSync } from "node:fs";',
        "export async function load(url, context, nextLoad) {",
        "  appendFileSync(process.env.LOAD_LOG, url + '\\n');",
        "  return nextLoad(url, context);",
        "}",
      ].join("\n"),
    );
    await writeFile(
      join(workDir, "record-loads.mjs"),
      'import { register } from "node:module";\nregister("./record-loads-hook.mjs", import.meta.url);\n',
    );
    const app = join(workDir, "load-all.mjs");
    await writeFile(
      app,
      [
        ...subpaths.map(
          (s, i) => `import * as subpath${i} from "@tcgen/dts${s === "." ? "" : s.slice(1)}";`,
        ),
        `const loaded = [${subpaths.map((_, i) => `subpath${i}`).join(", ")}];`,
        "console.log(JSON.stringify(loaded.map((m) => Object.keys(m).length)));",
      ].join("\n"),
    );
    const { stdout } = await run(process.execPath, ["--import", "./record-loads.mjs", app], {
      cwd: workDir,
      env: { ...process.env, LOAD_LOG: loadLog },
    });
    for (const exportCount of JSON.parse(stdout) as number[])
      expect(exportCount).toBeGreaterThan(0);

    const packageUrl = pathToFileURL(packageDir).href;
    const fromPackage = (await readFile(loadLog, "utf8"))
      .split("\n")
      .filter((url) => url.startsWith(`${packageUrl}/`))
      .map((url) => relative(packageDir, fileURLToPath(url)).split(sep).join("/"));
    const entries = subpaths.map((s) => (manifest.exports[s]?.["node"]?.default ?? "").slice(2));
    for (const entry of entries) {
      expect(entry).toMatch(/^dist\/node\//);
      expect(fromPackage).toContain(entry);
    }
    // The entries plus the runtime chunk they share: a handful of files, all bundles.
    for (const file of fromPackage) expect(file).toMatch(/^dist\/node\/[\w/-]+\.js$/);
    expect(fromPackage.length).toBeLessThanOrEqual(entries.length + 2);
  });

  it("gives a browser bundler the per-file web build, with no Node runtime file in it", async () => {
    const result = await build({
      stdin: {
        contents: 'export { DtsClient } from "@tcgen/dts/v20180330";',
        resolveDir: workDir,
        loader: "js",
      },
      absWorkingDir: workDir,
      bundle: true,
      write: false,
      metafile: true,
      platform: "browser",
      format: "esm",
      logLevel: "silent",
      // Not the repository's tsconfig, whose `paths` send `@tcgen/dts/...` to the sources.
      tsconfigRaw: {},
    });
    const inputs = Object.keys(result.metafile.inputs).map((p) => p.replaceAll("\\", "/"));
    expect(inputs).toContain("node_modules/@tcgen/dts/dist/browser/v20180330/index.js");
    // signer.js there is the web signer (WebCrypto), copied over the Node one at build time.
    const signer = await readFile(join(packageDir, "dist/browser/runtime/signer.js"), "utf8");
    const webSigner = await readFile(
      join(packageDir, "dist/browser/runtime/signer-browser.js"),
      "utf8",
    );
    expect(signer).toBe(webSigner);
    expect(inputs.filter((p) => /\/dist\/(node|cjs)\//.test(p))).toEqual([]);
    expect(inputs.filter((p) => p.startsWith("node:"))).toEqual([]);
  });
});
