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
