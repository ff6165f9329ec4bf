/**
 * Run in a fresh process, as `tcgen generate` runs: generates the given pages into the given out
 * folder (all phases; the out folder is new) and prints as JSON the peak resident set size, the
 * time the pipeline took (module loading excluded), and its CPU time: the whole process's and
 * this thread's (the rest is V8's helper threads, libuv's and the print workers').
 *   node --import tsx bench/probes/generate-memory-probe.ts [--print-threads N] OUT PAGE...
 * Used by the memory benchmark, and by the generate benchmark's print worker row.
 */
import { threadCpuMs } from "../harness/thread-cpu.js";
import { loadRunPipeline } from "../subjects/pipeline.js";

const args = process.argv.slice(2);
const threadsAt = args.indexOf("--print-threads");
const printThreads = threadsAt === -1 ? undefined : Number(args[threadsAt + 1]);
if (threadsAt !== -1) args.splice(threadsAt, 2);
const [outDir, ...pages] = args;
if (outDir === undefined || pages.length === 0 || Number.isNaN(printThreads)) {
  process.stderr.write("usage: generate-memory-probe [--print-threads N] OUT PAGE...\n");
  process.exit(2);
}
const runPipeline = await loadRunPipeline();
const started = performance.now();
const cpu = process.cpuUsage();
const mainCpu = threadCpuMs();
const result = await runPipeline({ inputs: pages, outDir, printThreads });
const generateMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const mainAfter = threadCpuMs();
process.stdout.write(
  `${JSON.stringify({
    pages: pages.length,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    generateMs,
    cpuMs: (used.user + used.system) / 1000,
    mainThreadCpuMs:
      mainCpu === undefined || mainAfter === undefined ? undefined : mainAfter - mainCpu,
    diagnostics: result.diagnostics.length,
  })}\n`,
);
