/**
 * Run in a fresh process by the corpus-check benchmark: `npm run corpus -- FOLDER --generate`'s
 * work (checkCorpus: parse, generate, type-check, lint, example tests in a child vitest) on one
 * folder, printing its own peak RSS, the time taken, each phase's time and the phase in which this
 * process reached its peak (from the kernel's high-water mark, read as each phase starts) as JSON.
 *   node --import tsx bench/probes/corpus-check-probe.ts FOLDER OUT
 */
import { readFileSync } from "node:fs";
import { checkCorpus } from "../../generator/cli/corpus/check-corpus.js";
import { REPO_ROOT } from "../subjects/ours.js";

const [folder, outDir] = process.argv.slice(2);
if (folder === undefined || outDir === undefined) {
  process.stderr.write("usage: corpus-check-probe FOLDER OUT\n");
  process.exit(2);
}

/** Peak RSS of this process so far (VmHWM), or NaN where /proc is absent. */
function highWaterBytes(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb === undefined ? NaN : Number(kb) * 1024;
  } catch {
    return NaN;
  }
}

// Phase names as checkCorpus reports them to onStep; its other steps ("parse 25/131 pages",
// "generate: ...") are progress inside a phase.
const PHASES = new Set(["parse", "generate", "type-check", "lint", "example tests"]);
const loadedBytes = highWaterBytes();
let current = "start";
const peakBefore: { phase: string; highWater: number }[] = [];
const started = performance.now();
const result = await checkCorpus({
  folder,
  generate: true,
  outDir,
  lint: true,
  repoRoot: REPO_ROOT,
  onStep: (step) => {
    if (!PHASES.has(step)) return;
    peakBefore.push({ phase: current, highWater: highWaterBytes() });
    current = step;
  },
});
const ms = performance.now() - started;
peakBefore.push({ phase: current, highWater: highWaterBytes() });
// The phase at whose end the high-water mark was first at its final value reached the peak.
const final = peakBefore.at(-1)?.highWater ?? NaN;
const peakPhase = peakBefore.find((p) => p.highWater === final)?.phase ?? "unknown";
process.stdout.write(
  `${JSON.stringify({
    pages: result.pages.length,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    loadedRssBytes: loadedBytes,
    peakPhase,
    ms,
    phaseMs: Object.fromEntries(result.phaseMs),
  })}\n`,
);
