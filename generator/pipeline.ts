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
import type { WriteReport } from "./write/write-files.js";
import type { CacheOutcome, RunCacheContext } from "./cache/run-with-output-cache.js";
import type { PackageRelease } from "./diff/release/plan-release.js";
import type { SeverityOverrides } from "./diff/severity-config.js";
import { runWithOutputCache } from "./cache/run-with-output-cache.js";
import { readAndParsePages } from "./cache/read-and-parse.js";
import { buildIr } from "./check/build-ir.js";

export interface PipelineOptions {
  /** Files or folders of Markdown pages. */
  readonly inputs: readonly string[];
  /** Output folder; without it the pipeline stops after `check`. */
  readonly outDir?: string;
  /** Compare with `outDir` instead of writing. */
  readonly check?: boolean;
  /** Treat warnings as errors. */
  readonly strict?: boolean;
  /** Severity overrides (tcgen.diff.json) for the API changes that version each package. */
  readonly severityOverrides?: SeverityOverrides;
  /** Told when each phase starts (e.g. "parse 120 pages"), for the CLI's progress line. */
  readonly onStep?: (step: string) => void;
  /** Worker threads for prettier; 0 formats in this thread. Default: one per core, at most 4. */
  readonly printThreads?: number;
}

export interface PhaseTiming {
  readonly phase: "load" | "parse" | "check" | "emit" | "print" | "write";
  readonly ms: number;
}

export interface PipelineResult {
  readonly ir: Ir;
  readonly diagnostics: readonly Diagnostic[];
  readonly write?: WriteReport;
  /**
   * Time spent in each phase by this thread. Pages are loaded and parsed together (all under
   * "parse"); emit, print and write alternate package by package and overlap with the print
   * workers, so "print" is the time spent waiting for them.
   */
  readonly timings: readonly PhaseTiming[];
  /** True when any diagnostic is an error (after `strict`). */
  readonly failed: boolean;
  /** With an `outDir`: whether the run was replayed from the output cache (then `timings` is empty). */
  readonly cache?: CacheOutcome;
  /** With an `outDir` and a full run: the package folders generated again and those reused. */
  readonly packages?: { readonly generated: readonly string[]; readonly reused: readonly string[] };
  /**
   * Each package's release against its recorded API (API changes, bump, version), by service;
   * absent on a cache hit (nothing changed, so the out folder's records are current).
   */
  readonly releases?: ReadonlyMap<string, PackageRelease>;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  // Incremental generation (generator/cache/): when the pages, the generator and the out folder
  // are exactly as the last run left them, replay that run; otherwise only changed pages are
  // parsed again and only packages whose inputs changed are generated again.
  const outDir = options.outDir;
  if (outDir !== undefined) return runWithOutputCache({ ...options, outDir }, runAllPhases);
  return runAllPhases(options);
}

type Timer = <T>(phase: PhaseTiming["phase"], run: () => T | Promise<T>) => Promise<T>;

async function runAllPhases(
  options: PipelineOptions,
  cacheContext?: RunCacheContext,
): Promise<PipelineResult> {
  const totals = new Map<PhaseTiming["phase"], number>();
  const time: Timer = async (phase, run) => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      totals.set(phase, (totals.get(phase) ?? 0) + performance.now() - start);
    }
  };
  const timings = (): PhaseTiming[] => [...totals].map(([phase, ms]) => ({ phase, ms }));

  const parsed = await time("parse", () =>
    readAndParsePages(options.inputs, {
      cache: options.outDir !== undefined ? cacheContext : undefined,
      outDir: options.outDir,
      readOnly: options.check === true,
      onStep: options.onStep,
    }),
  );
  options.onStep?.("check");
  const built = await time("check", () => buildIr(parsed.pages));
  const diagnostics = applyStrict(
    [...parsed.diagnostics, ...built.diagnostics],
    options.strict ?? false,
  );
  const failed = diagnostics.some((d) => d.severity === "error");
  if (options.outDir === undefined) {
    return { ir: built.ir, diagnostics, timings: timings(), failed };
  }

  // Emit, print and write pull in ts-morph and prettier: load them only when a run gets this far,
  // so that `parse` and a cache hit start fast.
  const { generatePackages } = await import("./write/generate-packages.js");
  const generated = await generatePackages(built.ir, {
    outDir: options.outDir,
    check: options.check ?? false,
    sourceRoots: options.inputs,
    severityOverrides: options.severityOverrides ?? new Map(),
    generator: cacheContext?.generator,
    printThreads: options.printThreads,
    onStep: options.onStep,
    time,
  });
  return {
    ir: built.ir,
    diagnostics: [...diagnostics, ...generated.diagnostics],
    write: generated.write,
    timings: timings(),
    failed,
    packages: generated.packages,
    releases: generated.releases,
  };
}

function applyStrict(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return diagnostics.map((d) =>
    strict && d.severity === "warning" ? { ...d, severity: "error" as const } : d,
  );
}
