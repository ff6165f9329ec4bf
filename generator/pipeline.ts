/**
 * The whole tcgen flow on one screen: load -> parse -> check -> emit -> print -> write.
 * Each phase is a folder of `generator/`; this function only wires them together and times them.
 */
import type { Diagnostic } from "./diagnostics/types.js";
import type { Ir } from "./ir/types.js";
import { loadPages } from "./load/load-pages.js";
import { parsePages } from "./parse/parse-pages.js";
import { buildIr } from "./check/build-ir.js";
import type { WriteReport } from "./write/write-files.js";
import { runWithOutputCache, type CacheOutcome } from "./cache/run-with-output-cache.js";
import type { PackageRelease } from "./diff/release/plan-release.js";
import type { SeverityOverrides } from "./diff/severity-config.js";

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
}

export interface PhaseTiming {
  readonly phase: "load" | "parse" | "check" | "emit" | "print" | "write";
  readonly ms: number;
}

export interface PipelineResult {
  readonly ir: Ir;
  readonly diagnostics: readonly Diagnostic[];
  readonly write?: WriteReport;
  readonly timings: readonly PhaseTiming[];
  /** True when any diagnostic is an error (after `strict`). */
  readonly failed: boolean;
  /** With an `outDir`: whether the run was replayed from the output cache (then `timings` is empty). */
  readonly cache?: CacheOutcome;
  /**
   * Each package's release against its recorded API (API changes, bump, version), by service;
   * absent on a cache hit (nothing changed, so the out folder's records are current).
   */
  readonly releases?: ReadonlyMap<string, PackageRelease>;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  // Incremental generation (issue 7, generator/cache/): when the pages, the generator and the out
  // folder are exactly as the last run left them, replay that run instead of redoing every phase.
  const outDir = options.outDir;
  if (outDir !== undefined) return runWithOutputCache({ ...options, outDir }, runAllPhases);
  return runAllPhases(options);
}

async function runAllPhases(options: PipelineOptions): Promise<PipelineResult> {
  const timings: PhaseTiming[] = [];
  const time = async <T>(
    phase: PhaseTiming["phase"],
    run: () => T | Promise<T>,
    detail = "",
  ): Promise<T> => {
    options.onStep?.(detail === "" ? phase : `${phase} ${detail}`);
    const start = performance.now();
    const result = await run();
    timings.push({ phase, ms: performance.now() - start });
    return result;
  };

  const loaded = await time("load", () => loadPages(options.inputs));
  const parsed = await time(
    "parse",
    () => parsePages(loaded.pages),
    `${loaded.pages.length} page(s)`,
  );
  const built = await time("check", () => buildIr(parsed.pages));
  const diagnostics = applyStrict(
    [...loaded.diagnostics, ...parsed.diagnostics, ...built.diagnostics],
    options.strict ?? false,
  );
  const failed = diagnostics.some((d) => d.severity === "error");
  if (options.outDir === undefined) return { ir: built.ir, diagnostics, timings, failed };

  // The emit, print and write phases pull in ts-morph and prettier: load them only when a run
  // gets this far, so that `parse` and a cache hit start fast.
  const [{ emitPackages }, { formatFiles }, { writeFiles }, { planReleases }] = await Promise.all([
    import("./emit/emit-packages.js"),
    import("./print/format-files.js"),
    import("./write/write-files.js"),
    import("./diff/release/plan-releases.js"),
  ]);
  const outDir = options.outDir;
  // Versions and changelogs come from the API recorded in the out folder (issue 12).
  const plan = planReleases(built.ir, outDir, options.severityOverrides ?? new Map());
  const emitted = await time(
    "emit",
    () =>
      emitPackages(built.ir, undefined, { releases: plan.releases, sourceRoots: options.inputs }),
    `${built.ir.services.length} package(s)`,
  );
  const formatted = await time("print", () => formatFiles(emitted), `${emitted.length} file(s)`);
  const write = await time("write", () =>
    writeFiles(outDir, formatted, { check: options.check ?? false }),
  );
  return {
    ir: built.ir,
    diagnostics: [...diagnostics, ...plan.diagnostics],
    write,
    timings,
    failed,
    releases: plan.releases,
  };
}

function applyStrict(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return diagnostics.map((d) =>
    strict && d.severity === "warning" ? { ...d, severity: "error" as const } : d,
  );
}
