/**
 * The pipeline's options and result (pipeline.ts runs it). A module of its own so that the
 * layers the pipeline calls (cache/run-with-output-cache.ts, write/generate-packages.ts) can name
 * these types without importing pipeline.ts, which imports them: no import cycle.
 */
import type { Diagnostic } from "./diagnostics/types.js";
import type { PackageRelease } from "./diff/release/plan-release.js";
import type { SeverityOverrides } from "./diff/severity-config.js";
import type { Ir } from "./ir/types.js";
import type { WriteReport } from "./write/write-files.js";

/**
 * A package's release as the run reports it: the API changes, bump and versions. The new api.json
 * and CHANGELOG.md contents are left out: they are written with the package, and keeping them for
 * every package held ~50 kB per package until the run ended (corpus x15: 70 -> 99 MB live heap
 * over the 525 packages).
 */
export type ReleaseSummary = Omit<PackageRelease, "record" | "changelog">;

/**
 * What the caches did, for `--verbose` and tests: "hit" when the run parsed no page and generated
 * no package (everything came from the input index and the package records), else "miss".
 */
type CacheOutcome = "hit" | "miss";

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
  /** Worker threads for prettier; 0 formats in this thread. Default: one per other core, at most 3. */
  readonly printThreads?: number;
  /**
   * Checks the package folders against their records in a worker thread, sharing the list with
   * this one (cache/package-cache.ts); false checks them all here. Default: true.
   */
  readonly packageCheckThread?: boolean;
  /**
   * The generator fingerprint the caches are keyed by; default: computed from this checkout's
   * generator/, templates/ and package-lock.json on every run. A long-lived process (a benchmark)
   * may fix it once: the code it has loaded does not change when the files do.
   */
  readonly generatorFingerprint?: string;
}

export interface PhaseTiming {
  readonly phase: "load" | "parse" | "check" | "emit" | "print" | "write";
  readonly ms: number;
}

/** How much API a run gives: services and actions (each action once, whatever its pages). */
export interface ApiCounts {
  readonly services: number;
  readonly actions: number;
}

export interface PipelineResult {
  /**
   * The IR. A run with an out folder builds it on first read when it reused services (their IR
   * was not needed to generate): read `counts` for totals.
   */
  readonly ir: Ir;
  readonly counts: ApiCounts;
  readonly diagnostics: readonly Diagnostic[];
  readonly write?: WriteReport;
  /**
   * Time spent in each phase by this thread. Pages are read and parsed one at a time ("load" is
   * the reading, and the reading of cached results); emit, print and write alternate package by
   * package and overlap with the print workers, so "print" is the time spent waiting for them.
   */
  readonly timings: readonly PhaseTiming[];
  /** True when any diagnostic is an error (after `strict`). */
  readonly failed: boolean;
  /** With an `outDir`: whether the run was answered from the caches alone. */
  readonly cache?: CacheOutcome;
  /** With an `outDir` and a full run: the package folders generated again and those reused. */
  readonly packages?: { readonly generated: readonly string[]; readonly reused: readonly string[] };
  /**
   * Each package's release against its recorded API (API changes, bump, version), by service;
   * absent on a cache hit (nothing changed, so the out folder's records are current).
   */
  readonly releases?: ReadonlyMap<string, ReleaseSummary>;
}
