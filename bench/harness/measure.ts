/**
 * Side-by-side timing: both sides run in the same process, in interleaved rounds (the order
 * flips every round), after a warm-up. The figure reported is the MEDIAN of the per-round
 * ratios, so that noise from other processes on the machine hits both sides of a round alike and
 * a single disturbed round cannot move the result.
 */

export interface Side {
  readonly label: string;
  /** Runs `count` operations; sync or async. */
  readonly batch: (count: number) => unknown;
}

export interface CompareOptions {
  /** Operations per side per round. */
  readonly perRound: number;
  /** Measured rounds (default 7). */
  readonly rounds?: number;
  /** Unmeasured warm-up rounds (default 2). */
  readonly warmupRounds?: number;
}

export interface RateComparison {
  /** Median operations per second of each side over the rounds. */
  readonly oursPerSecond: number;
  readonly baselinePerSecond: number;
  /** Median of the per-round ratios ours/baseline (higher is better for ours). */
  readonly ratio: number;
  readonly rounds: number;
}

/** Compares the throughput of two sides (operations per second). */
export async function compareRates(
  ours: Side,
  baseline: Side,
  options: CompareOptions,
): Promise<RateComparison> {
  const rounds = options.rounds ?? 7;
  const warmupRounds = options.warmupRounds ?? 2;
  for (let i = 0; i < warmupRounds; i++) {
    await timeBatch(ours, options.perRound);
    await timeBatch(baseline, options.perRound);
  }
  const ratios: number[] = [];
  const oursRates: number[] = [];
  const baselineRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first so that neither always runs on a warmer (or busier) machine.
    const oursFirst = round % 2 === 0;
    const first = await timeBatch(oursFirst ? ours : baseline, options.perRound);
    const second = await timeBatch(oursFirst ? baseline : ours, options.perRound);
    const oursMs = oursFirst ? first : second;
    const baselineMs = oursFirst ? second : first;
    oursRates.push((options.perRound * 1000) / oursMs);
    baselineRates.push((options.perRound * 1000) / baselineMs);
    ratios.push(baselineMs / oursMs);
  }
  return {
    oursPerSecond: median(oursRates),
    baselinePerSecond: median(baselineRates),
    ratio: median(ratios),
    rounds,
  };
}

export interface DurationComparison {
  /** Median milliseconds of one run of each side. */
  readonly oursMs: number;
  readonly baselineMs: number;
  /** Median of the per-round ratios ours/baseline (lower is better for ours). */
  readonly ratio: number;
  readonly rounds: number;
}

/** Compares the duration of one run of two sides (each `batch(1)` call is one run). */
export async function compareDurations(
  ours: Side,
  baseline: Side,
  options: { readonly rounds?: number; readonly warmupRounds?: number } = {},
): Promise<DurationComparison> {
  const rounds = options.rounds ?? 7;
  const warmupRounds = options.warmupRounds ?? 1;
  for (let i = 0; i < warmupRounds; i++) {
    await timeBatch(ours, 1);
    await timeBatch(baseline, 1);
  }
  const ratios: number[] = [];
  const oursTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const oursFirst = round % 2 === 0;
    const first = await timeBatch(oursFirst ? ours : baseline, 1);
    const second = await timeBatch(oursFirst ? baseline : ours, 1);
    const oursMs = oursFirst ? first : second;
    const baselineMs = oursFirst ? second : first;
    oursTimes.push(oursMs);
    baselineTimes.push(baselineMs);
    ratios.push(oursMs / baselineMs);
  }
  return {
    oursMs: median(oursTimes),
    baselineMs: median(baselineTimes),
    ratio: median(ratios),
    rounds,
  };
}

async function timeBatch(side: Side, count: number): Promise<number> {
  const start = performance.now();
  const result = side.batch(count);
  if (result instanceof Promise) await result;
  return performance.now() - start;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}
