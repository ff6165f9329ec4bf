/** Every benchmark, in table order. */
import type { Benchmark } from "../harness/benchmark.js";
import { bundleBenchmark } from "./bundle.js";
import { coldStartBenchmark } from "./cold-start.js";
import { corpusCheckBenchmark } from "./corpus-check.js";
import { endToEndBenchmark } from "./end-to-end.js";
import { generateBenchmark } from "./generate.js";
import { incrementalBenchmark } from "./incremental.js";
import { memoryBenchmark } from "./memory.js";
import { signingBenchmark } from "./signing.js";
import { validatorBenchmark } from "./validator.js";

export const benchmarks: readonly Benchmark[] = [
  endToEndBenchmark,
  signingBenchmark,
  validatorBenchmark,
  bundleBenchmark,
  coldStartBenchmark,
  generateBenchmark,
  memoryBenchmark,
  incrementalBenchmark,
  corpusCheckBenchmark,
];
