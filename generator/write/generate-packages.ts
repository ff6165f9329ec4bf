/**
 * Emit, print and write, one package at a time. A run holds the files of at most two packages:
 * the one being printed (in the print workers) and the next one being emitted (in this thread),
 * whatever the number of packages. Packages whose inputs are unchanged since the last run (same
 * key, folder exactly as written) are skipped whole (generator/cache/package-cache.ts).
 *
 * Before anything is written the whole run is checked against the out folder's marks
 * (prepareOutFolder), so a refused folder still stops the run before its first write. Folders the
 * package check found as recorded (their mark file as written) are not read again for that.
 */
import { hashText } from "../cache/hash-files.js";
import { heapBudget } from "../cache/heap-budget.js";
import { compareCodeUnits } from "../code-unit-order.js";
import type { PackageOutputCache } from "../cache/package-cache.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { SeverityOverrides } from "../diff/severity-config.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import type { Ir, Service } from "../ir/types.js";
import type { PhaseTiming, ReleaseSummary } from "../pipeline-types.js";
import type { TextFormatter } from "../print/format-pool.js";
import type { PackageEmitter } from "./package-emitter.js";
import {
  groupByPackage,
  prepareOutFolder,
  staleOwnedFolders,
  writePackage,
  type WriteReport,
} from "./write-files.js";

export interface GeneratePackagesOptions {
  readonly outDir: string;
  readonly check: boolean;
  /** The inputs as given (provenance lines). */
  readonly sourceRoots: readonly string[];
  readonly severityOverrides: SeverityOverrides;
  /** Which package folders hold what their records say (checked from the run's start). */
  readonly packageCache: PackageOutputCache;
  /** Prettier, in worker threads or this one; started and closed by the caller. */
  readonly formatter: TextFormatter;
  readonly onStep?: ((step: string) => void) | undefined;
  /**
   * Called once the out folder has been accepted (no foreign folder in the way), before anything
   * is written: from here on the run may leave things in the out folder.
   */
  readonly onOutFolderAccepted?: (() => void) | undefined;
  readonly time: <T>(phase: PhaseTiming["phase"], run: () => T | Promise<T>) => Promise<T>;
  /** Pages this run read and parsed (or took from the page cache). */
  readonly parsedPages: number;
}

/** Parsing this many pages leaves garbage worth a full collection before packages are emitted. */
const MANY_PAGES = 64;

export interface GeneratedPackages {
  readonly write: WriteReport;
  readonly diagnostics: readonly Diagnostic[];
  /** The releases planned: of every package generated (a reused package had no API change). */
  readonly releases: ReadonlyMap<string, ReleaseSummary>;
  readonly packages: { readonly generated: readonly string[]; readonly reused: readonly string[] };
}

/** One package folder of the run: its key (service-keys.ts) and the IR of its services. */
export interface PackageInput {
  readonly folder: string;
  readonly key: string;
  /**
   * True when one of its services' IR differs from the one the last run recorded: its key holds
   * that IR's hash, so no record of the last run matches it. It is generated first, without
   * waiting for the package check.
   */
  readonly changed: boolean;
  /** Asked only when the package must be generated (a reused package needs no IR). */
  readonly services: () => Service[];
}

/** One package emitted and being printed, waiting to be written. */
interface InFlight {
  readonly folder: string;
  readonly key: string;
  readonly printing: Promise<GeneratedFile[]>;
}

export async function generatePackages(
  shared: Pick<Ir, "irVersion" | "commonErrors">,
  packages: readonly PackageInput[],
  options: GeneratePackagesOptions,
): Promise<GeneratedPackages> {
  const { outDir, check, time } = options;
  const releases = new Map<string, ReleaseSummary>();
  const diagnostics: Diagnostic[] = [];
  const folders = new Map(
    [...packages]
      .sort((a, b) => compareCodeUnits(a.folder, b.folder))
      .map((pkg) => [pkg.folder, pkg]),
  );
  const cache = options.packageCache;
  // The out folder is accepted (or the run refused) before anything is written: before the first
  // package or refreshed record is, or at the end when none is. A folder the package check finds
  // as recorded holds tcgen's mark as written, so only the others are checked for their marks.
  let accepted: Promise<void> | undefined;
  const acceptOutFolder = () =>
    (accepted ??= (async () => {
      const knownOwned = await cache.intactFolders();
      await prepareOutFolder(outDir, [...folders.keys()], { check, knownOwned });
      options.onOutFolderAccepted?.();
    })());
  const heap = heapBudget();
  // Parsing many pages left its garbage (pages, their text and JSON): collected now, the budget's
  // limit is set from the live heap rather than from live plus that garbage: corpus x15 peak RSS
  // 476 -> 412 MB. After a few pages there is little to gain, and a full collection of a large
  // tree's heap costs an incremental run more than its one package.
  if (options.parsedPages >= MANY_PAGES) {
    heap.collect();
    // What the run parsed waits for the acceptance to be stored (onOutFolderAccepted): a run that
    // parsed many pages stores it before emitting, rather than hold it.
    await acceptOutFolder();
  }

  const changed: string[] = [];
  let written = false;
  const generated: string[] = [];
  const reused: string[] = [];
  let emitter: Promise<PackageEmitter> | undefined;
  const loadEmitter = () =>
    (emitter ??= import("./package-emitter.js").then(({ packageEmitter }) =>
      packageEmitter({ ...options, time }),
    ));
  const finish = async ({ folder, key, printing }: InFlight) => {
    await acceptOutFolder();
    const printed = await time("print", () => printing);
    const files = groupByPackage(printed).get(folder) ?? [];
    // What the folder holds is known from its record when it is as recorded: not read back.
    const wanted = new Map(files.map((file) => [file.path, hashText(file.content)]));
    const onDisk = cache.contentsOf(folder);
    const known = onDisk === undefined ? undefined : { onDisk, wanted };
    const report = await time("write", () => writePackage(outDir, folder, files, { check, known }));
    changed.push(...report.changed);
    written ||= report.written;
    cache.record(folder, key, files, wanted);
  };

  let previous: InFlight | undefined;
  let done = 0;
  // Packages whose API changed come first, while a worker thread checks the others' folders
  // against their records (package-cache.ts); this thread checks what is left of that list once
  // it gets to them.
  const ordered = [...folders.values()].sort((a, b) => Number(b.changed) - Number(a.changed));
  for (const { folder, key, changed: apiChanged, services: servicesOf } of ordered) {
    heap.settle();
    options.onStep?.(`generate package ${++done} of ${folders.size}: ${folder}`);
    if (!apiChanged && (await cache.upToDate(folder, key))) {
      reused.push(folder);
      // A refreshed record is a write: only once the out folder is accepted.
      await acceptOutFolder();
      await cache.refreshRecord(folder);
      continue;
    }
    generated.push(folder);
    const emitted = await (await loadEmitter()).emit(folder, { ...shared, services: servicesOf() });
    for (const [service, release] of emitted.releases) releases.set(service, release);
    diagnostics.push(...emitted.diagnostics);
    const printing = emitted.printing;
    // The previous package is written once this one is emitted: a module of this one that the
    // layout declines is meanwhile formatted by prettier in a print worker.
    if (previous !== undefined) await finish(previous);
    previous = { folder, key, printing };
  }
  if (previous !== undefined) await finish(previous);
  await acceptOutFolder();

  for (const stale of await staleOwnedFolders(outDir, folders.keys())) {
    const report = await time("write", () => writePackage(outDir, stale, [], { check }));
    changed.push(...report.changed);
    written ||= report.written;
  }
  cache.keepOnly(new Set(folders.keys()));
  return {
    write: { changed: changed.sort(compareCodeUnits), written },
    diagnostics,
    // In service order, whichever order the packages were generated in.
    releases: new Map([...releases].sort(([a], [b]) => compareCodeUnits(a, b))),
    packages: {
      generated: generated.sort(compareCodeUnits),
      reused: reused.sort(compareCodeUnits),
    },
  };
}
