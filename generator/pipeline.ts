/**
 * The whole tcgen flow on one screen: load -> parse -> check -> emit -> print -> write.
 * Each phase is a folder of `generator/`; this function only wires them together and times them.
 *
 * Memory stays flat in the number of pages: pages are read and parsed one at a time (only the
 * parsed form, a fraction of the text, is kept), and from the IR on, packages are emitted, printed
 * and written one at a time, so a run holds one package's files (two while the next is emitted
 * during printing), whatever the number of packages. Prettier runs in worker threads
 * (print/format-pool.ts) while this thread emits the next package.
 */
import type { Diagnostic } from "./diagnostics/types.js";
import type { Ir } from "./ir/types.js";
import type { RunCacheContext } from "./cache/run-with-output-cache.js";
import type { PhaseTiming, PipelineOptions, PipelineResult } from "./pipeline-types.js";
import type { TextFormatter } from "./print/format-pool.js";
import { runWithOutputCache } from "./cache/run-with-output-cache.js";
import { readAndParsePages } from "./cache/read-and-parse.js";
import { buildIr } from "./check/build-ir.js";

// The options and result types live in pipeline-types.ts, which the cache and write layers
// import too, so that they need not import this module (which imports them).
export type { PipelineOptions, PipelineResult } from "./pipeline-types.js";

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  // Incremental generation (generator/cache/): when the pages, the generator and the out folder
  // are exactly as the last run left them, replay that run; otherwise only changed pages are
  // parsed again and only packages whose inputs changed are generated again.
  const outDir = options.outDir;
  if (outDir !== undefined) {
    return runWithOutputCache({ ...options, outDir }, runAllPhases, {
      generator: options.generatorFingerprint,
    });
  }
  return runAllPhases(options);
}

type Timer = <T>(phase: PhaseTiming["phase"], run: () => T | Promise<T>) => Promise<T>;

/** Each phase's total time in a run. */
interface PhaseClock {
  readonly time: Timer;
  /** Adds time measured elsewhere (load and parse are timed apart, page by page). */
  readonly add: (phase: PhaseTiming["phase"], ms: number) => void;
  readonly timings: () => PhaseTiming[];
}

function phaseClock(): PhaseClock {
  const totals = new Map<PhaseTiming["phase"], number>();
  const add = (phase: PhaseTiming["phase"], ms: number) =>
    totals.set(phase, (totals.get(phase) ?? 0) + ms);
  return {
    add,
    time: async (phase, run) => {
      const start = performance.now();
      try {
        return await run();
      } finally {
        add(phase, performance.now() - start);
      }
    },
    timings: () => [...totals].map(([phase, ms]) => ({ phase, ms })),
  };
}

async function runAllPhases(
  options: PipelineOptions,
  cacheContext?: RunCacheContext,
): Promise<PipelineResult> {
  const clock = phaseClock();
  const outDir = options.outDir;
  if (outDir === undefined) {
    const { ir, diagnostics, failed } = await readAndCheck(options, cacheContext, clock);
    return { ir, diagnostics, timings: clock.timings(), failed };
  }
  // The print workers start with the run: they load and warm prettier while this thread parses
  // (worker start and warm-up were ~0.6 s of a corpus run's print wait). A cache hit never gets
  // here (runWithOutputCache answers first), so it starts none.
  const { createTextFormatter, defaultFormatThreads } = await import("./print/format-pool.js");
  const formatter = createTextFormatter(options.printThreads ?? defaultFormatThreads());
  try {
    return await generateAll({ ...options, outDir }, cacheContext, formatter, clock);
  } finally {
    await formatter.close();
  }
}

async function generateAll(
  options: PipelineOptions & { readonly outDir: string },
  cacheContext: RunCacheContext | undefined,
  formatter: TextFormatter,
  clock: PhaseClock,
): Promise<PipelineResult> {
  const read = await readAndCheck(options, cacheContext, clock);
  // Emit, print and write pull in ts-morph: load them only when a run gets this far, so that
  // `parse` and a cache hit start fast.
  const { generatePackages } = await import("./write/generate-packages.js");
  const generated = await generatePackages(read.ir, {
    outDir: options.outDir,
    check: options.check ?? false,
    sourceRoots: options.inputs,
    severityOverrides: options.severityOverrides ?? new Map(),
    generator: cacheContext?.generator,
    formatter,
    onStep: options.onStep,
    // The parsed pages wait in memory, as JSON, until the out folder is known to be ours (a refused
    // run leaves it untouched); stored then rather than after the last package, they are not held
    // through the whole run: ~19 MB (10 kB per page) less over corpus x15.
    onOutFolderAccepted: options.check === true ? undefined : read.commitPageCache,
    time: clock.time,
  });
  return {
    ir: read.ir,
    diagnostics: [...read.diagnostics, ...generated.diagnostics],
    write: generated.write,
    timings: clock.timings(),
    failed: read.failed,
    packages: generated.packages,
    releases: generated.releases,
  };
}

interface Checked {
  readonly ir: Ir;
  /** With `--strict`, warnings already turned into errors. */
  readonly diagnostics: readonly Diagnostic[];
  readonly failed: boolean;
  readonly commitPageCache: () => void;
}

/**
 * Load, parse and check. The parsed pages are not returned: once the IR is built they are
 * garbage, and so is every page's text. The IR and the diagnostics are copied (structuredClone)
 * because their strings are mostly slices of the page texts, and a slice keeps its whole page
 * alive: over the 1,965-page tree (corpus x15) the live heap after check fell from 44 to 27 MB
 * with the copy (~9 kB per page), which takes ~150 ms against ~40 s of parsing.
 */
async function readAndCheck(
  options: PipelineOptions,
  cacheContext: RunCacheContext | undefined,
  clock: PhaseClock,
): Promise<Checked> {
  // Pages are read and parsed one at a time; the two phases' shares are timed apart.
  const parsed = await readAndParsePages(options.inputs, {
    cache: options.outDir !== undefined ? cacheContext : undefined,
    outDir: options.outDir,
    readOnly: options.check === true,
    onStep: options.onStep,
  });
  clock.add("load", parsed.loadMs);
  clock.add("parse", parsed.parseMs);
  options.onStep?.("check");
  const checked = await clock.time("check", () => {
    const built = buildIr(parsed.pages);
    return structuredClone({
      ir: built.ir,
      diagnostics: [...parsed.diagnostics, ...built.diagnostics],
    });
  });
  const diagnostics = applyStrict(checked.diagnostics, options.strict ?? false);
  return {
    ir: checked.ir,
    diagnostics,
    failed: diagnostics.some((d) => d.severity === "error"),
    commitPageCache: parsed.commitPageCache,
  };
}

function applyStrict(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return diagnostics.map((d) =>
    strict && d.severity === "warning" ? { ...d, severity: "error" as const } : d,
  );
}
