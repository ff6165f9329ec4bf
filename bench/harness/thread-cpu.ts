/**
 * CPU time of the calling thread, to tell it apart from the process's other threads (V8's
 * compiler and GC helpers, libuv's file threads, worker threads), which process.cpuUsage() adds
 * in. Read from Linux's /proc/thread-self/stat (user and system time, in clock ticks of 1/100 s,
 * the value Linux gives USER_HZ on every architecture Node runs on); undefined elsewhere.
 */
import { readFileSync } from "node:fs";

const TICK_MS = 10;

export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return Number.isFinite(user) && Number.isFinite(system) ? (user + system) * TICK_MS : undefined;
  } catch {
    return undefined;
  }
}

/** Wall and CPU time of some runs: the whole process's CPU, and this thread's where known. */
export class CpuTally {
  private wall = 0;
  private cpu = 0;
  private main: number | undefined = 0;
  private runs = 0;

  /** Wall time of all the runs added. */
  get wallMs(): number {
    return this.wall;
  }

  /** Adds a run measured elsewhere (a child process's own report). */
  add(run: { wallMs: number; cpuMs: number; mainMs: number | undefined }): void {
    this.runs++;
    this.wall += run.wallMs;
    this.cpu += run.cpuMs;
    this.main =
      this.main === undefined || run.mainMs === undefined ? undefined : this.main + run.mainMs;
  }

  /** Runs `run` in this process and adds its wall time, the process's CPU and this thread's. */
  async measure<T>(run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const main = threadCpuMs();
    try {
      return await run();
    } finally {
      const used = process.cpuUsage(cpu);
      const mainAfter = threadCpuMs();
      this.add({
        wallMs: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
        mainMs: main === undefined || mainAfter === undefined ? undefined : mainAfter - main,
      });
    }
  }

  /**
   * "1.6 s of CPU per 1.0 s (1.60 cores busy, of which the main thread 0.7 s and the other
   * threads 0.9 s)", each time given by `format` (per run when `perRun`).
   */
  describe(format: (ms: number) => string, { perRun = false } = {}): string {
    const each = (ms: number) => format(perRun ? ms / this.runs : ms);
    const split =
      this.main === undefined
        ? ""
        : `, of which the main thread ${each(this.main)} and the other threads ${each(this.cpu - this.main)}`;
    return (
      `${each(this.cpu)} of CPU per ${each(this.wall)} ` +
      `(${(this.cpu / this.wall).toFixed(2)} cores busy${split})`
    );
  }
}
