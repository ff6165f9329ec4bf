/**
 * The whole tcgen flow on one screen: load -> parse -> check -> emit -> print -> write.
 * Each phase is a folder of `generator/`; this module only wires them together and times them.
 *
 * A run with an out folder is incremental (generator/cache/): a page the input index knows
 * unchanged is not read, the tree is planned from every page's facts, a service is built only
 * when its key changed, and a package is generated only when its key changed or its folder no
 * longer holds what was written (checked in a worker thread from the run's start). The output
 * is byte for byte what a run from nothing writes.
 *
 * Memory stays flat in the number of pages: the parsed pages are dropped once the services are
 * built, and packages are emitted, printed and written one at a time, so a run holds one
 * package's files (two while the next is emitted during printing). Modules are laid out in this
 * thread as prettier would (print/typescript-layout/); prettier formats only what the layout
 * declines, in a worker thread (print/format-pool.ts) while this thread emits the next package.
 */
import type { Diagnostic } from "./diagnostics/types.js";
import type { PhaseTiming, PipelineOptions, PipelineResult } from "./pipeline-types.js";
import { generatorFingerprint } from "./cache/generator-fingerprint.js";
import { readInputIndex, writeInputIndex } from "./cache/input-index.js";
import { PackageOutputCache } from "./cache/package-cache.js";
import { openPageCache } from "./cache/page-cache.js";
import { readAndParsePages } from "./cache/read-and-parse.js";
import { readInputs } from "./cache/read-inputs.js";
import {
  buildChangedServices,
  indexOf,
  packagesOf,
  serviceDiagnostics,
  withLazyIr,
} from "./cache/service-builds.js";
import { buildIr } from "./check/build-ir.js";
import { sortDiagnostics } from "./diagnostics/format.js";
import { deferredFormatter } from "./print/deferred-formatter.js";
import { defaultFormatThreads } from "./print/format-pool.js";
import { IR_VERSION } from "./ir/types.js";

// The options and result types live in pipeline-types.ts, which the cache and write layers
// import too, so that they need not import this module (which imports them).
export type { PipelineOptions, PipelineResult } from "./pipeline-types.js";

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const outDir = options.outDir;
  return outDir === undefined ? parseAndCheck(options) : generate({ ...options, outDir });
}

async function generate(
  options: PipelineOptions & { readonly outDir: string },
): Promise<PipelineResult> {
  const clock = phaseClock();
  const { outDir } = options;
  const readOnly = options.check === true;
  // The package folders are checked against their records from the run's start, in a worker
  // thread sharing the list with this one (package-cache.ts).
  const packageCache = new PackageOutputCache(outDir, {
    readOnly,
    inWorker: options.packageCheckThread ?? true,
  });
  const generator = options.generatorFingerprint ?? generatorFingerprint();
  const index = readInputIndex(outDir, generator);
  const pageCache = openPageCache(outDir, generator, { readOnly });
  // The print workers start at the first file prettier must format (most modules are laid out
  // in this thread, the changelog's new entry is written as prettier would): most runs start none.
  const formatter = deferredFormatter(options.printThreads ?? defaultFormatThreads());
  try {
    const read = await readInputs(options.inputs, { index, pageCache, onStep: options.onStep });
    clock.add("load", read.loadMs);
    clock.add("parse", read.parseMs);
    options.onStep?.("check");
    const severityOverrides = options.severityOverrides ?? new Map();
    const built = await clock.time("check", () =>
      buildChangedServices({ pages: read.pages, index, parsedPage: read.parsedPage, generator }),
    );
    // The services built now hold copies of what they need; a service built later (its folder was
    // edited) reads its pages back from the page cache.
    read.dropParsed();
    // Emit, print and write pull in ts-morph: loaded only when a run gets this far, so that
    // `parse` starts fast.
    const { generatePackages } = await import("./write/generate-packages.js");
    const shared = { irVersion: IR_VERSION, commonErrors: [...built.tree.commonErrors] };
    const indexChanged = read.indexStale || built.services.some((s) => s.rebuilt);
    const generated = await generatePackages(
      shared,
      packagesOf(built, { generator, sourceRoots: options.inputs, severityOverrides }),
      {
        outDir,
        check: readOnly,
        sourceRoots: options.inputs,
        severityOverrides,
        formatter,
        packageCache,
        onStep: options.onStep,
        // The caches are stored once the out folder is known to be ours (a refused run leaves it
        // untouched), before the first package is written. Package records (package-cache.ts),
        // not the index, say what a package folder holds, so an index stored before its packages
        // are written is never wrong about them.
        onOutFolderAccepted: readOnly
          ? undefined
          : () => {
              pageCache.commit();
              if (indexChanged)
                writeInputIndex(outDir, generator, indexOf(read.pages, built), index);
            },
        time: clock.time,
        parsedPages: read.changedPages,
      },
    );
    const diagnostics = sortedWithStrict(
      [
        ...read.listDiagnostics,
        ...[...read.pages.values()].flatMap((page) => page.diagnostics),
        ...built.tree.diagnostics,
        ...serviceDiagnostics(built),
        ...generated.diagnostics,
      ],
      options.strict ?? false,
    );
    const nothingDone = read.changedPages === 0 && generated.packages.generated.length === 0;
    return withLazyIr(built, {
      diagnostics,
      write: generated.write,
      timings: clock.timings(),
      failed: hasErrors(diagnostics),
      cache: nothingDone ? "hit" : "miss",
      packages: generated.packages,
      releases: generated.releases,
    });
  } finally {
    await Promise.all([formatter.close(), packageCache.close()]);
  }
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

/** Load, parse and check only (no out folder): the IR and the diagnostics. */
async function parseAndCheck(options: PipelineOptions): Promise<PipelineResult> {
  const clock = phaseClock();
  const parsed = await readAndParsePages(options.inputs, {
    onStep: options.onStep,
  });
  clock.add("load", parsed.loadMs);
  clock.add("parse", parsed.parseMs);
  options.onStep?.("check");
  // The IR is copied (structuredClone) because its strings are mostly slices of the page texts,
  // and a slice keeps its whole page alive.
  const checked = await clock.time("check", () => {
    const built = buildIr(parsed.pages);
    return structuredClone({
      ir: built.ir,
      diagnostics: [...parsed.diagnostics, ...built.diagnostics],
    });
  });
  const diagnostics = sortedWithStrict(checked.diagnostics, options.strict ?? false);
  return {
    ir: checked.ir,
    counts: {
      services: checked.ir.services.length,
      actions: checked.ir.services
        .flatMap((s) => s.versions)
        .reduce((sum, v) => sum + v.actions.length, 0),
    },
    diagnostics,
    timings: clock.timings(),
    failed: hasErrors(diagnostics),
  };
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** With `--strict`, warnings become errors; sorted, so that every way of running gives one order. */
function sortedWithStrict(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return sortDiagnostics(diagnostics).map((d) =>
    strict && d.severity === "warning" ? { ...d, severity: "error" as const } : d,
  );
}
