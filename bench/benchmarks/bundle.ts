/**
 * Bundle size and portability: esbuild --bundle --minify of the same tiny app (bench/apps/)
 * written against our package and against the official DTS client, for the Node platform and
 * for the browser. Each bundle that builds is also run against the loopback server (Node: in a
 * child process; browser: in a `vm` context that has only web globals - fetch, WebCrypto,
 * TextEncoder, URL, timers - and no require/process/Buffer), and the request it sent is checked.
 * Sizes are deterministic, so these rows need no rounds.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { build, type BuildFailure, type Metafile } from "esbuild";
import { browserSourceSwaps } from "../../generator/emit/package/workspace-source.js";
import type { Benchmark } from "../harness/benchmark.js";
import { atMost, errorRow, measuredRow, type BenchRow, type Target } from "../harness/row.js";
import { checkCapturedSignature, type CapturedRequest } from "../floor/floor-signer.js";
import { CREDENTIALS, SERVICE } from "../fixtures/modify-migrate-job.js";
import { startBareServer, type BareServer } from "../loopback/bare-server.js";
import { GENERATED_DTS, REPO_ROOT } from "../subjects/ours.js";

const run = promisify(execFile);
const ROW_NODE = "bundle, esbuild --bundle --minify, Node platform (ours/official)";
const ROW_BROWSER = "same app, browser platform: builds and runs";
const APPS = {
  ours: path.join(REPO_ROOT, "bench", "apps", "ours-app.ts"),
  official: path.join(REPO_ROOT, "bench", "apps", "official-app.ts"),
  officialBrowser: path.join(REPO_ROOT, "bench", "apps", "official-app-browser.ts"),
};

export type BundleOutcome =
  | {
      readonly ok: true;
      readonly code: string;
      readonly bytes: number;
      readonly gzip: number;
      readonly metafile: Metafile;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * A folder holding node_modules/@tcgen/dts -> generated/dts, given to esbuild as a NODE_PATH, so
 * the apps resolve the generated package (through its `exports`) even before `npm install` has
 * linked the workspace.
 */
function generatedPackagesPath(): string {
  const scope = path.join(os.tmpdir(), "tcgen-bench-node-path", "node_modules", "@tcgen");
  mkdirSync(scope, { recursive: true });
  const link = path.join(scope, "dts");
  if (!existsSync(link)) symlinkSync(GENERATED_DTS, link, "dir");
  return path.dirname(scope);
}

/** Bundles one app; a build failure is an outcome, not an exception. */
export async function bundleApp(
  entry: string,
  platform: "node" | "browser",
): Promise<BundleOutcome> {
  try {
    const result = await build({
      nodePaths: [generatedPackagesPath()],
      entryPoints: [entry],
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      platform,
      format: platform === "node" ? "cjs" : "iife",
      target: "es2022",
      // `@tcgen/dts/...` resolves to the sources through tsconfig.json `paths`; the published
      // package swaps the web runtime in at build time, so a source bundle needs it done here.
      plugins: platform === "browser" ? [browserSourceSwaps()] : [],
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    return {
      ok: true,
      code,
      bytes: Buffer.byteLength(code),
      gzip: gzipSync(code, { level: 9 }).length,
      metafile: result.metafile,
    };
  } catch (error) {
    const failure = error as Partial<BuildFailure>;
    const errors = failure.errors ?? [];
    const first = errors
      .slice(0, 3)
      .map((e) => e.text)
      .join("; ");
    return { ok: false, reason: `fails to build (${errors.length} errors: ${first})` };
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const sizeText = (b: BundleOutcome & { ok: true }) => `${kB(b.bytes)} (${kB(b.gzip)} gz)`;

export const bundleBenchmark: Benchmark = {
  name: "bundle",
  async run({ log }) {
    const workDir = mkdtempSync(path.join(os.tmpdir(), "tcgen-bench-bundle-"));
    const server = await startBareServer();
    try {
      log("bundle: node platform");
      const oursNode = await bundleApp(APPS.ours, "node");
      const officialNode = await bundleApp(APPS.official, "node");
      log("bundle: browser platform");
      const oursBrowser = await bundleApp(APPS.ours, "browser");
      const officialBrowser = await bundleApp(APPS.officialBrowser, "browser");

      const rows: BenchRow[] = [];
      const nodeTarget: Target = atMost(1 / 50, "<= 0.02x (1/50)");
      if (!oursNode.ok || !officialNode.ok) {
        rows.push(
          errorRow(
            ROW_NODE,
            nodeTarget,
            `ours: ${describe(oursNode)}; official: ${describe(officialNode)}`,
          ),
        );
      } else {
        const oursRun = await runNodeBundle(server, workDir, "ours", oursNode.code);
        const officialRun = await runNodeBundle(server, workDir, "official", officialNode.code);
        const problems = [oursRun, officialRun].filter((p) => p !== undefined);
        rows.push(
          problems.length > 0
            ? errorRow(ROW_NODE, nodeTarget, `bundle does not run: ${problems.join("; ")}`)
            : measuredRow({
                row: ROW_NODE,
                ours: sizeText(oursNode),
                baseline: `official ${sizeText(officialNode)}`,
                ratio: oursNode.bytes / officialNode.bytes,
                target: nodeTarget,
                note: `largest inputs of ours: ${largestInputs(oursNode.metafile)}`,
              }),
        );
      }

      const officialText = officialBrowser.ok
        ? `official builds, ${sizeText(officialBrowser)}`
        : `official ${describe(officialBrowser)}`;
      if (!oursBrowser.ok) {
        rows.push({
          ...errorRow(
            ROW_BROWSER,
            { kind: "report", text: "builds and runs" },
            describe(oursBrowser),
          ),
          baseline: officialText,
          status: "miss",
        });
      } else {
        const problem = await runBrowserBundle(server, oursBrowser.code);
        rows.push({
          row: ROW_BROWSER,
          ours:
            problem === undefined
              ? `builds and runs, ${sizeText(oursBrowser)}`
              : `builds, ${sizeText(oursBrowser)}; does not run`,
          baseline: officialText,
          ratio: undefined,
          target: { kind: "report", text: "builds and runs" },
          status: problem === undefined ? "pass" : "miss",
          ...(problem === undefined
            ? {
                note: "run in a node:vm context with web globals only; test/browser/ signs and sends it in headless Chromium",
              }
            : { note: problem }),
        });
      }
      return rows;
    } finally {
      await server.close();
      rmSync(workDir, { recursive: true, force: true });
    }
  },
};

function describe(outcome: BundleOutcome): string {
  return outcome.ok ? `builds, ${sizeText(outcome)}` : outcome.reason;
}

/** The five inputs contributing most bytes to the output, for the report. */
function largestInputs(metafile: Metafile): string {
  const output = Object.values(metafile.outputs)[0];
  if (output === undefined) return "-";
  return Object.entries(output.inputs)
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 5)
    .map(
      ([file, info]) => `${path.relative(REPO_ROOT, path.resolve(file))} ${kB(info.bytesInOutput)}`,
    )
    .join(", ");
}

/** Runs a Node bundle in a child process against the loopback server; a reason when it fails. */
async function runNodeBundle(
  server: BareServer,
  dir: string,
  name: string,
  code: string,
): Promise<string | undefined> {
  const file = path.join(dir, `${name}.cjs`);
  writeFileSync(file, code);
  const captured = await capturing(server, async () => {
    const { stdout } = await run(
      process.execPath,
      [
        "-e",
        `globalThis.LOOPBACK_PORT=${JSON.stringify(String(server.port))};require(${JSON.stringify(file)})`,
      ],
      { timeout: 20_000 },
    );
    return stdout;
  });
  return checkRun(name, captured);
}

/** Runs a browser bundle with web globals only; a reason when it fails. */
async function runBrowserBundle(server: BareServer, code: string): Promise<string | undefined> {
  const captured = await capturing(server, async () => {
    const lines: string[] = [];
    const context = vm.createContext({
      LOOPBACK_PORT: String(server.port),
      console: {
        log: (...args: unknown[]) => lines.push(args.join(" ")),
        error: () => {},
        warn: () => {},
        debug: () => {},
      },
      fetch,
      Headers,
      Request,
      Response,
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
      AbortController,
      AbortSignal,
      crypto: globalThis.crypto,
      setTimeout,
      clearTimeout,
      queueMicrotask,
    });
    vm.runInContext(code, context);
    for (let i = 0; i < 200 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    return lines.join("\n");
  });
  return checkRun("browser bundle", captured);
}

async function capturing(
  server: BareServer,
  action: () => Promise<string>,
): Promise<{ stdout: string; requests: CapturedRequest[] } | string> {
  server.captured.length = 0;
  server.capturing = true;
  try {
    const stdout = await action();
    return { stdout, requests: [...server.captured] };
  } catch (error) {
    return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  } finally {
    server.capturing = false;
  }
}

function checkRun(
  name: string,
  outcome: { stdout: string; requests: CapturedRequest[] } | string,
): string | undefined {
  if (typeof outcome === "string") return `${name}: ${outcome}`;
  if (!outcome.stdout.includes("RequestId=27ef2b7c-a786-48b4-9404-2f9baf3f4916"))
    return `${name}: printed ${JSON.stringify(outcome.stdout)}`;
  const request = outcome.requests[0];
  if (request === undefined) return `${name}: server saw no request`;
  const invalid = checkCapturedSignature(request, CREDENTIALS, SERVICE);
  return invalid === undefined ? undefined : `${name}: ${invalid}`;
}
