/**
 * Peak memory and time of generating the corpus, and how they grow: a fresh process generates
 * the first 1/4, 1/2 and all of the (sorted) corpus pages and reports its peak RSS and the time
 * its pipeline took. Growth is linear when the slope from 1/2 to all is no steeper than twice the
 * slope from 1/4 to 1/2 (fixed costs, such as loading the emitters, fall out of the slopes).
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
const TIME_ROW = "generation time over the corpus (growth: slope 1/2->all over slope 1/4->1/2)";

interface ProbeReport {
  readonly maxRssBytes: number;
  readonly generateMs: number;
}

/** Slope from 1/2 to all over the slope from 1/4 to 1/2; a flat start counts as 1 unit. */
function growth(values: readonly number[], sizes: readonly number[], floor: number) {
  const [q = 0, h = 0, a = 0] = values;
  const [nq = 1, nh = 2, na = 3] = sizes;
  const low = Math.max(floor, (h - q) / (nh - nq));
  const high = (a - h) / (na - nh);
  return { low, high, ratio: high / low };
}
const PROBE = path.join(REPO_ROOT, "bench", "probes", "generate-memory-probe.ts");

async function probe(pages: readonly string[]): Promise<ProbeReport> {
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

async function runProbe(outDir: string, pages: readonly string[]): Promise<ProbeReport> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", PROBE, outDir, ...pages], {
    cwd: REPO_ROOT,
    timeout: 300_000,
    maxBuffer: 1 << 20,
  });
  const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Partial<ProbeReport>;
  if (typeof report.maxRssBytes !== "number" || typeof report.generateMs !== "number") {
    throw new Error(`probe printed ${stdout}`);
  }
  return { maxRssBytes: report.maxRssBytes, generateMs: report.generateMs };
}

export const memoryBenchmark: Benchmark = {
  name: "memory",
  async run({ corpusDir, log }) {
    try {
      const pages = corpusPages(corpusDir);
      const sizes = [Math.ceil(pages.length / 4), Math.ceil(pages.length / 2), pages.length];
      const reports: ProbeReport[] = [];
      for (const size of sizes) {
        log(`memory: generating ${size} pages in a fresh process`);
        reports.push(await probe(pages.slice(0, size)));
      }
      const peaks = reports.map((r) => r.maxRssBytes);
      const times = reports.map((r) => r.generateMs);
      const [nq = 1, nh = 2, na = 3] = sizes;
      const memory = growth(peaks, sizes, 1);
      const time = growth(times, sizes, 0.001);
      const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
      const ms = (n: number) => `${n.toFixed(0)} ms`;
      return [
        measuredRow({
          row: ROW,
          ours: `peak RSS ${mb(peaks[2] ?? 0)} for ${na} pages`,
          baseline: `${mb(peaks[0] ?? 0)} (${nq} pages), ${mb(peaks[1] ?? 0)} (${nh} pages)`,
          ratio: memory.ratio,
          target: atMost(2, "reported; <= 2x (linear)"),
          note: `per page: ${(memory.low / 1e3).toFixed(0)} kB (1/4->1/2), ${(memory.high / 1e3).toFixed(0)} kB (1/2->all)`,
        }),
        measuredRow({
          row: TIME_ROW,
          ours: `${ms(times[2] ?? 0)} for ${na} pages`,
          baseline: `${ms(times[0] ?? 0)} (${nq} pages), ${ms(times[1] ?? 0)} (${nh} pages)`,
          ratio: time.ratio,
          target: atMost(2, "<= 2x (linear)"),
          note: `per page: ${time.low.toFixed(1)} ms (1/4->1/2), ${time.high.toFixed(1)} ms (1/2->all); one fresh process per size, pipeline time only`,
        }),
      ];
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      return [errorRow(ROW, atMost(2), reason), errorRow(TIME_ROW, atMost(2), reason)];
    }
  },
};
