/**
 * Process cold start to a signed request: wall time of `node` running the tiny app (bench/apps/:
 * start, build a client, sign, send one request to the loopback server, print the RequestId,
 * exit) minus that of an empty `node -e`, ours against the official SDK. Like hyperfine, but
 * measured in-process so the spawns interleave: every round spawns all three (in rotating order)
 * and yields one ratio (ours - empty) / (official - empty); the row reports the median.
 *
 * Two variants:
 * - bundled: both apps bundled with esbuild (the same treatment for both);
 * - as installed: the app not bundled, its dependency loaded from node_modules the way a Node app
 *   loads one (ours: a copy of generated/dts built with its own `npm run build`, resolved by Node
 *   through the package's `exports` map, which picks the `node` condition's pre-bundled module;
 *   the official SDK: from node_modules, file by file, as it ships). This is how the issue's
 *   "+115 ms" was measured.
 */
import { execFile, spawn } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import type { Benchmark } from "../harness/benchmark.js";
import { median } from "../harness/measure.js";
import { atMost, errorRow, measuredRow, type BenchRow } from "../harness/row.js";
import { startBareServer, type BareServer } from "../loopback/bare-server.js";
import { GENERATED_DTS, REPO_ROOT } from "../subjects/ours.js";
import { bundleApp } from "./bundle.js";

const TARGET = atMost(0.2, "<= 0.2x (1/5)");
const EXPECT = "RequestId=27ef2b7c-a786-48b4-9404-2f9baf3f4916";
const APPS = {
  ours: path.join(REPO_ROOT, "bench", "apps", "ours-app.ts"),
  official: path.join(REPO_ROOT, "bench", "apps", "official-app.ts"),
};
/** Inside the repository so that the unbundled official app resolves node_modules. */
const WORK_DIR = path.join(REPO_ROOT, "node_modules", ".cache", "tcgen-bench-cold-start");

interface AppFiles {
  readonly ours: string;
  readonly official: string;
}

async function bundledApps(): Promise<AppFiles> {
  const ours = await bundleApp(APPS.ours, "node");
  const official = await bundleApp(APPS.official, "node");
  if (!ours.ok) throw new Error(`ours ${ours.reason}`);
  if (!official.ok) throw new Error(`official ${official.reason}`);
  const files = {
    ours: path.join(WORK_DIR, "bundled-ours.cjs"),
    official: path.join(WORK_DIR, "bundled-official.cjs"),
  };
  writeFileSync(files.ours, ours.code);
  writeFileSync(files.official, official.code);
  return files;
}

/**
 * Installs a copy of generated/dts under WORK_DIR/node_modules and runs its own `npm run build`
 * there (its tsc and esbuild come from the repository's node_modules/.bin, as npm puts every
 * ancestor's on the PATH). Returns nothing: the app finds the package by plain Node resolution.
 */
async function installBuiltPackage(): Promise<void> {
  const packageDir = path.join(WORK_DIR, "node_modules", "@tcgen", "dts");
  rmSync(packageDir, { recursive: true, force: true });
  cpSync(GENERATED_DTS, packageDir, {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules)$/.test(source),
  });
  await promisify(execFile)("npm", ["run", "build", "--silent"], { cwd: packageDir });
}

async function installedApps(): Promise<AppFiles> {
  await installBuiltPackage();
  const files = {
    ours: path.join(WORK_DIR, "installed-ours.mjs"),
    official: path.join(WORK_DIR, "installed-official.cjs"),
  };
  // The app's own few lines compiled to JavaScript; its imports left for Node to resolve.
  await build({
    entryPoints: [APPS.ours],
    outfile: files.ours,
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    logLevel: "silent",
  });
  await build({
    entryPoints: [APPS.official],
    outfile: files.official,
    bundle: true,
    packages: "external",
    format: "cjs",
    platform: "node",
    logLevel: "silent",
  });
  return files;
}

function timeSpawn(args: readonly string[], expectOutput: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`exit ${code}: ${stderr.split("\n")[0]}`));
      else if (expectOutput !== undefined && !stdout.includes(expectOutput))
        reject(new Error(`printed ${JSON.stringify(stdout)}`));
      else resolve(ms);
    });
  });
}

async function measurePair(
  server: BareServer,
  files: AppFiles,
  rounds: number,
  row: string,
  note: string,
): Promise<BenchRow> {
  const port = JSON.stringify(String(server.port));
  const load = (file: string) =>
    file.endsWith(".mjs") ? `import(${JSON.stringify(file)})` : `require(${JSON.stringify(file)})`;
  const sides = [
    () => timeSpawn(["-e", `globalThis.LOOPBACK_PORT=${port}`], undefined),
    () => timeSpawn(["-e", `globalThis.LOOPBACK_PORT=${port};${load(files.ours)}`], EXPECT),
    () => timeSpawn(["-e", `globalThis.LOOPBACK_PORT=${port};${load(files.official)}`], EXPECT),
  ];
  // Warm-up round, also the correctness check: each app must print the RequestId.
  for (const side of sides) await side();
  const ratios: number[] = [];
  const extra = { ours: [] as number[], official: [] as number[], empty: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const times: number[] = [0, 0, 0];
    for (let k = 0; k < 3; k++) {
      const index = (round + k) % 3;
      times[index] = await (sides[index] as () => Promise<number>)();
    }
    const [empty = 0, oursMs = 0, officialMs = 0] = times;
    extra.empty.push(empty);
    extra.ours.push(oursMs - empty);
    extra.official.push(officialMs - empty);
    ratios.push(Math.max(0, oursMs - empty) / Math.max(1e-3, officialMs - empty));
  }
  const ms = (n: number) => `+${n.toFixed(1)} ms`;
  return measuredRow({
    row,
    ours: ms(median(extra.ours)),
    baseline: `official ${ms(median(extra.official))} (empty node ${median(extra.empty).toFixed(0)} ms)`,
    ratio: median(ratios),
    target: TARGET,
    note,
  });
}

export const coldStartBenchmark: Benchmark = {
  name: "cold-start",
  async run({ quick, log }) {
    const variants = [
      {
        row: "cold start to a signed request over empty node -e, as installed (ours/official)",
        note: "app unbundled, package from node_modules: ours as its npm run build makes it (Node loads the node-condition bundle), official as it ships; one request to a loopback server",
        prepare: installedApps,
      },
      {
        row: "cold start to a signed request over empty node -e, both bundled (ours/official)",
        note: "both apps bundled with esbuild (same treatment); one request to a loopback server",
        prepare: bundledApps,
      },
    ];
    mkdirSync(WORK_DIR, { recursive: true });
    const server = await startBareServer();
    const rows: BenchRow[] = [];
    try {
      for (const variant of variants) {
        try {
          const files = await variant.prepare();
          log(`cold start: ${variant.row}`);
          rows.push(await measurePair(server, files, quick ? 5 : 15, variant.row, variant.note));
        } catch (error) {
          const reason =
            error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
          rows.push(errorRow(variant.row, TARGET, reason));
        }
      }
    } finally {
      await server.close();
      rmSync(WORK_DIR, { recursive: true, force: true });
    }
    return rows;
  },
};
