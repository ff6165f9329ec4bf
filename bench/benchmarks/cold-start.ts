/**
 * Process cold start to a signed request: wall time of `node app.cjs` (the bundle-size
 * benchmark's Node bundles: start, build a client, sign, send one request to the loopback server,
 * print the RequestId, exit) minus that of an empty `node -e ""`, ours against the official SDK.
 * Like hyperfine, but measured in-process so the three spawns interleave: every round spawns all
 * three (in rotating order) and yields one ratio (ours - empty) / (official - empty).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Benchmark } from "../harness/benchmark.js";
import { median } from "../harness/measure.js";
import { atMost, errorRow, measuredRow } from "../harness/row.js";
import { startBareServer } from "../loopback/bare-server.js";
import { REPO_ROOT } from "../subjects/ours.js";
import { bundleApp } from "./bundle.js";

const ROW = "process cold start to a signed request, over empty node -e (ours/official)";

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

export const coldStartBenchmark: Benchmark = {
  name: "cold-start",
  async run({ quick, log }) {
    const ours = await bundleApp(path.join(REPO_ROOT, "bench/apps/ours-app.ts"), "node");
    const official = await bundleApp(path.join(REPO_ROOT, "bench/apps/official-app.ts"), "node");
    if (!ours.ok || !official.ok) {
      const reason = `${ours.ok ? "" : `ours ${ours.reason}`} ${official.ok ? "" : `official ${official.reason}`}`;
      return [errorRow(ROW, atMost(0.2), reason.trim())];
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcgen-bench-cold-"));
    const server = await startBareServer();
    try {
      const files = { ours: path.join(dir, "ours.cjs"), official: path.join(dir, "official.cjs") };
      writeFileSync(files.ours, ours.code);
      writeFileSync(files.official, official.code);
      const appArgs = (file: string) => [
        "-e",
        `globalThis.LOOPBACK_PORT=${JSON.stringify(String(server.port))};require(${JSON.stringify(file)})`,
      ];
      const expect = "RequestId=27ef2b7c-a786-48b4-9404-2f9baf3f4916";
      const sides = [
        () => timeSpawn(["-e", 'globalThis.LOOPBACK_PORT="0"'], undefined),
        () => timeSpawn(appArgs(files.ours), expect),
        () => timeSpawn(appArgs(files.official), expect),
      ];
      // Warm-up round (also the correctness check: each app must print the RequestId).
      for (const side of sides) await side();
      const rounds = quick ? 5 : 15;
      const ratios: number[] = [];
      const extra = { ours: [] as number[], official: [] as number[], empty: [] as number[] };
      log(`cold start: ${rounds} rounds of 3 spawns`);
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
      return [
        measuredRow({
          row: ROW,
          ours: ms(median(extra.ours)),
          baseline: `official ${ms(median(extra.official))} (empty node ${median(extra.empty).toFixed(1)} ms)`,
          ratio: median(ratios),
          target: atMost(0.2, "<= 0.2x (1/5)"),
          note: "both apps bundled with esbuild (same treatment); each run sends one request to a loopback server",
        }),
      ];
    } catch (error) {
      return [errorRow(ROW, atMost(0.2), error instanceof Error ? error.message : String(error))];
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
