/**
 * Peak memory of generating the corpus, and how it grows: a fresh process generates the first
 * 1/4, 1/2 and all of the (sorted) corpus pages and reports its peak RSS. Growth is linear when
 * the slope from 1/2 to all is no steeper than twice the slope from 1/4 to 1/2.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Benchmark } from "../harness/benchmark.js";
import { atMost, errorRow, measuredRow } from "../harness/row.js";
import { corpusPages } from "../subjects/corpus.js";
import { REPO_ROOT } from "../subjects/ours.js";

const run = promisify(execFile);
const ROW = "peak memory generating the corpus (growth: slope 1/2->all over slope 1/4->1/2)";
const PROBE = path.join(REPO_ROOT, "bench", "probes", "generate-memory-probe.ts");

async function peakRss(pages: readonly string[]): Promise<number> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "tcgen-bench-memory-"));
  try {
    return await runProbe(outDir, pages);
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    const last = stderr
      .trim()
      .split("\n")
      .filter((l) => l.trim() !== "")
      .at(-1);
    throw new Error(
      `generating ${pages.length} pages failed: ${last ?? String(error).slice(0, 200)}`,
      { cause: error },
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function runProbe(outDir: string, pages: readonly string[]): Promise<number> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", PROBE, outDir, ...pages], {
    cwd: REPO_ROOT,
    timeout: 300_000,
    maxBuffer: 1 << 20,
  });
  const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { maxRssBytes?: number };
  if (typeof report.maxRssBytes !== "number") throw new Error(`probe printed ${stdout}`);
  return report.maxRssBytes;
}

export const memoryBenchmark: Benchmark = {
  name: "memory",
  async run({ corpusDir, log }) {
    try {
      const pages = corpusPages(corpusDir);
      const sizes = [Math.ceil(pages.length / 4), Math.ceil(pages.length / 2), pages.length];
      const peaks: number[] = [];
      for (const size of sizes) {
        log(`memory: generating ${size} pages in a fresh process`);
        peaks.push(await peakRss(pages.slice(0, size)));
      }
      const [q = 0, h = 0, a = 0] = peaks;
      const [nq = 1, nh = 2, na = 3] = sizes;
      const slopeLow = Math.max(1, (h - q) / (nh - nq));
      const slopeHigh = (a - q - (h - q)) / (na - nh);
      const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
      return [
        measuredRow({
          row: ROW,
          ours: `peak RSS ${mb(a)} for ${na} pages`,
          baseline: `${mb(q)} (${nq} pages), ${mb(h)} (${nh} pages)`,
          ratio: slopeHigh / slopeLow,
          target: atMost(2, "reported; <= 2x (linear)"),
          note: `per page: ${(slopeLow / 1e3).toFixed(0)} kB (1/4->1/2), ${(slopeHigh / 1e3).toFixed(0)} kB (1/2->all)`,
        }),
      ];
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      return [errorRow(ROW, atMost(2), reason)];
    }
  },
};
