/**
 * `npm run corpus -- --generate` (generate, type-check, lint and run the example tests of every
 * package) at 1/8, 1/4 and 1/2 of the corpus, each in a fresh process: peak RSS of the largest
 * process (GNU time's %M: the check itself or its child vitest), which one it was and in which
 * phase the check peaked, and the time taken. Memory must
 * stay flat (largest at most 1.25x the smallest); time grows linearly when the per-page slope
 * from 1/4 to 1/2 is no steeper than twice the slope from 1/8 to 1/4. The full corpus is left out
 * for time (several minutes per run on 2 shared cores).
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Benchmark } from "../harness/benchmark.js";
import { LINT_BATCH_FILES } from "../../generator/cli/corpus/lint-packages.js";
import { FILES_PER_PROGRAM } from "../../generator/cli/corpus/type-check-packages.js";
import { atMost, errorRow, measuredRow } from "../harness/row.js";
import { corpusPages } from "../subjects/corpus.js";
import { REPO_ROOT } from "../subjects/ours.js";

const run = promisify(execFile);
const MEMORY_ROW =
  "npm run corpus -- --generate: peak RSS at 1/8, 1/4, 1/2 of the corpus (largest/smallest)";
const TIME_ROW = "npm run corpus -- --generate: time growth (slope 1/4->1/2 over slope 1/8->1/4)";
const PROBE = path.join(REPO_ROOT, "bench", "probes", "corpus-check-probe.ts");
const GNU_TIME = "/usr/bin/time";

interface Report {
  readonly pages: number;
  readonly largestRssBytes: number;
  /** The check process's own peak; below largestRssBytes when its child vitest was larger. */
  readonly checkRssBytes: number;
  /** The check process's RSS once its modules were loaded, before any page. */
  readonly loadedRssBytes: number;
  /** The phase of the check in which the check process reached its peak. */
  readonly peakPhase: string;
  readonly ms: number;
  readonly phaseMs: Readonly<Record<string, number>>;
}

async function probe(pages: readonly string[], scratch: string, index: number): Promise<Report> {
  const folder = path.join(scratch, `pages-${index}`);
  mkdirSync(folder, { recursive: true });
  for (const page of pages) copyFileSync(page, path.join(folder, path.basename(page)));
  // Inside the repository, so that the packages resolve its node_modules.
  const out = path.join(REPO_ROOT, "tmp", `bench-corpus-${process.pid}-${index}`);
  try {
    const { stdout, stderr } = await run(
      GNU_TIME,
      ["-f", "maxrss-kb %M", process.execPath, "--import", "tsx", PROBE, folder, out],
      { cwd: REPO_ROOT, timeout: 1_800_000, maxBuffer: 16 << 20 },
    );
    const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Partial<Report> & {
      maxRssBytes?: number;
    };
    const kb = Number(/maxrss-kb (\d+)/.exec(stderr)?.[1] ?? NaN);
    if (typeof report.ms !== "number" || !Number.isFinite(kb))
      throw new Error(`probe printed ${stdout}`);
    // Correct before fast: every page given must have been read (a skipped page is no work).
    if (report.pages !== pages.length)
      throw new Error(`probe checked ${String(report.pages)} of ${pages.length} pages`);
    return {
      pages: pages.length,
      largestRssBytes: kb * 1024,
      checkRssBytes: report.maxRssBytes ?? NaN,
      loadedRssBytes: report.loadedRssBytes ?? NaN,
      peakPhase: report.peakPhase ?? "unknown",
      ms: report.ms,
      phaseMs: report.phaseMs ?? {},
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** What a phase of the check holds at its peak, for the note. */
const HELD_BY_PHASE: Readonly<Record<string, string>> = {
  parse: "one page's parse",
  generate: "generation (the pipeline and its print workers)",
  "type-check": `one TypeScript program of at most ${FILES_PER_PROGRAM} files`,
  lint: `one ESLint batch of ${LINT_BATCH_FILES} files`,
  "example tests": "the results of the child vitest",
};

/**
 * What the largest process was and what it held at its peak, from the runs themselves: the check
 * process (and the phase of its peak) unless its child vitest was larger.
 */
function memoryNote(reports: readonly Report[]): string {
  const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
  // GNU time's figure is the largest process; within 2% of the check's own, it is the check.
  const vitestLargest = (r: Report) => r.largestRssBytes > r.checkRssBytes * 1.02;
  const where = reports.map((r) => (vitestLargest(r) ? "child vitest" : `check in ${r.peakPhase}`));
  const held = [
    ...new Set(
      reports.map((r) =>
        vitestLargest(r)
          ? "vitest's workers"
          : (HELD_BY_PHASE[r.peakPhase] ?? `the ${r.peakPhase} phase`),
      ),
    ),
  ];
  const loaded = reports.map((r) => mb(r.loadedRssBytes)).join(", ");
  return (
    `largest single process: ${where.join(", ")}; bound by: ${held.join(" or ")}, over the ` +
    `check's loaded modules (${loaded} before any page), the heap collected between batches ` +
    `and phases`
  );
}

export const corpusCheckBenchmark: Benchmark = {
  name: "corpus",
  async run({ corpusDir, log }) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), "tcgen-bench-corpus-"));
    try {
      if (!existsSync(GNU_TIME))
        throw new Error(`${GNU_TIME} (GNU time) is needed to read peak RSS`);
      const pages = corpusPages(corpusDir);
      const sizes = [8, 4, 2].map((d) => Math.ceil(pages.length / d));
      const reports: Report[] = [];
      for (const [i, size] of sizes.entries()) {
        log(`corpus: checking ${size} pages (--generate) in a fresh process`);
        reports.push(await probe(pages.slice(0, size), scratch, i));
      }
      const [a, b, c] = reports as [Report, Report, Report];
      const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
      const s = (n: number) => `${(n / 1000).toFixed(0)} s`;
      const rss = reports.map((r) => r.largestRssBytes);
      const low = Math.max(1, (b.ms - a.ms) / (b.pages - a.pages));
      const high = (c.ms - b.ms) / (c.pages - b.pages);
      const phases = (r: Report) =>
        Object.entries(r.phaseMs)
          .map(([phase, ms]) => `${phase} ${s(ms)}`)
          .join(", ");
      return [
        measuredRow({
          row: MEMORY_ROW,
          ours: `${mb(c.largestRssBytes)} for ${c.pages} pages`,
          baseline: `${mb(a.largestRssBytes)} (${a.pages}), ${mb(b.largestRssBytes)} (${b.pages} pages)`,
          ratio: Math.max(...rss) / Math.min(...rss),
          target: atMost(1.25, "<= 1.25x (flat)"),
          note: memoryNote(reports),
        }),
        measuredRow({
          row: TIME_ROW,
          ours: `${s(c.ms)} for ${c.pages} pages`,
          baseline: `${s(a.ms)} (${a.pages}), ${s(b.ms)} (${b.pages} pages)`,
          ratio: high / low,
          target: atMost(2, "<= 2x (linear)"),
          note: `per page: ${(low / 1000).toFixed(2)} s, then ${(high / 1000).toFixed(2)} s; phases at ${c.pages} pages: ${phases(c)}`,
        }),
      ];
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      return [errorRow(MEMORY_ROW, atMost(1.25), reason), errorRow(TIME_ROW, atMost(2), reason)];
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
