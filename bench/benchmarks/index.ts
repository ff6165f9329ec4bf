/** Every benchmark, in table order. */
import type { Benchmark } from "../harness/benchmark.js";
import { signingBenchmark } from "./signing.js";

export const benchmarks: readonly Benchmark[] = [signingBenchmark];
