/**
 * Run in a fresh process by the memory benchmark: generates the given pages into the given out
 * folder (all phases; the out folder is new) and prints the peak resident set size and the time
 * the pipeline took (module loading excluded) as JSON.
 *   node --import tsx bench/probes/generate-memory-probe.ts OUT PAGE...
 */
import { loadRunPipeline } from "../subjects/pipeline.js";

const [outDir, ...pages] = process.argv.slice(2);
if (outDir === undefined || pages.length === 0) {
  process.stderr.write("usage: generate-memory-probe OUT PAGE...\n");
  process.exit(2);
}
const runPipeline = await loadRunPipeline();
const started = performance.now();
const result = await runPipeline({ inputs: pages, outDir });
const generateMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    pages: pages.length,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    generateMs,
    diagnostics: result.diagnostics.length,
  })}\n`,
);
