/**
 * `tcgen generate` in a fresh process (bench/probes/generate-memory-probe.ts), as a user runs it:
 * each call a new process and a new out folder, so nothing is loaded, compiled or cached before.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./ours.js";

const run = promisify(execFile);
const PROBE = path.join(REPO_ROOT, "bench", "probes", "generate-memory-probe.ts");

export interface ProbeReport {
  readonly maxRssBytes: number;
  readonly generateMs: number;
  /** CPU time of the whole process during the run. */
  readonly cpuMs: number;
  /** CPU time of its main thread during the run; undefined where the platform does not tell. */
  readonly mainThreadCpuMs: number | undefined;
}

/**
 * `inputs`: page files, or (the 15x tree) one folder, whose pages an argument list could not
 * hold. `printThreads`: the pipeline's option; its default when undefined.
 */
export async function probeGenerate(
  inputs: readonly string[],
  printThreads?: number,
): Promise<ProbeReport> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "tcgen-bench-probe-"));
  const threads = printThreads === undefined ? [] : ["--print-threads", String(printThreads)];
  try {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", PROBE, ...threads, outDir, ...inputs],
      {
        cwd: REPO_ROOT,
        timeout: 1_800_000, // the 15x tree takes minutes on a busy 2-core machine
        maxBuffer: 1 << 20,
      },
    );
    const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Partial<ProbeReport>;
    if (
      typeof report.maxRssBytes !== "number" ||
      typeof report.generateMs !== "number" ||
      typeof report.cpuMs !== "number"
    ) {
      throw new Error(`probe printed ${stdout}`);
    }
    return {
      maxRssBytes: report.maxRssBytes,
      generateMs: report.generateMs,
      cpuMs: report.cpuMs,
      mainThreadCpuMs: report.mainThreadCpuMs,
    };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    const last = stderr
      .trim()
      .split("\n")
      .filter((l) => l.trim() !== "")
      .at(-1);
    throw new Error(
      `generating ${inputs.length === 1 ? inputs[0] : `${inputs.length} pages`} failed: ${last ?? String(error).slice(0, 200)}`,
      { cause: error },
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
