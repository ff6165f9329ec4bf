import { describe, expect, it } from "vitest";
import { CpuTally } from "../../bench/harness/thread-cpu.js";

const ms = (n: number) => `${n.toFixed(0)} ms`;

describe("CpuTally", () => {
  it("sums runs and splits the CPU between the main thread and the others", () => {
    const tally = new CpuTally();
    tally.add({ wallMs: 100, cpuMs: 180, mainMs: 80 });
    tally.add({ wallMs: 300, cpuMs: 420, mainMs: 220 });
    expect(tally.wallMs).toBe(400);
    expect(tally.describe(ms)).toBe(
      "600 ms of CPU per 400 ms (1.50 cores busy, of which the main thread 300 ms and the other threads 300 ms)",
    );
    expect(tally.describe(ms, { perRun: true })).toBe(
      "300 ms of CPU per 200 ms (1.50 cores busy, of which the main thread 150 ms and the other threads 150 ms)",
    );
  });

  it("leaves the split out once a run did not know its main thread's share", () => {
    const tally = new CpuTally();
    tally.add({ wallMs: 100, cpuMs: 100, mainMs: 90 });
    tally.add({ wallMs: 100, cpuMs: 100, mainMs: undefined });
    expect(tally.describe(ms)).toBe("200 ms of CPU per 200 ms (1.00 cores busy)");
  });

  it("measures a run in this process and passes its result through", async () => {
    const tally = new CpuTally();
    const result = await tally.measure(async () => {
      const until = performance.now() + 30;
      let spins = 0;
      while (performance.now() < until) spins++;
      return spins;
    });
    expect(result).toBeGreaterThan(0);
    expect(tally.wallMs).toBeGreaterThanOrEqual(30);
    // At least most of a busy 30 ms is this process's CPU.
    expect(Number(/^(\d+) ms of CPU/.exec(tally.describe(ms))?.[1])).toBeGreaterThanOrEqual(15);
  });
});
