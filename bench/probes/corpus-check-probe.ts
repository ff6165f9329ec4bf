/**
 * Run in a fresh process by the corpus-check benchmark: `npm run corpus -- FOLDER --generate`'s
 * work (checkCorpus: parse, generate, type-check, lint, example tests in a child vitest) on one
 * folder, printing its own peak RSS, the time taken and each phase's time as JSON.
 *   node --import tsx bench/probes/corpus-check-probe.ts FOLDER OUT
 */
import { checkCorpus } from "../../generator/cli/corpus/check-corpus.js";
import { REPO_ROOT } from "../subjects/ours.js";

const [folder, outDir] = process.argv.slice(2);
if (folder === undefined || outDir === undefined) {
  process.stderr.write("usage: corpus-check-probe FOLDER OUT\n");
  process.exit(2);
}
const started = performance.now();
const result = await checkCorpus({
  folder,
  generate: true,
  outDir,
  lint: true,
  repoRoot: REPO_ROOT,
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    pages: result.pages.length,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    ms,
    phaseMs: Object.fromEntries(result.phaseMs),
  })}\n`,
);
