/**
 * The heavy half of generating one package: its release planned against the API recorded in the
 * out folder (issue 12), its files emitted (ts-morph) and handed to the printer. A module of its
 * own so that generate-packages.ts loads it on the first package that must be generated: a run
 * that reuses every package never loads ts-morph (~90 MB and ~0.5 s of a CLI start).
 */
import type { Diagnostic } from "../diagnostics/types.js";
import type { PackageRelease } from "../diff/release/plan-release.js";
import { planReleases } from "../diff/release/plan-releases.js";
import type { SeverityOverrides } from "../diff/severity-config.js";
import { emitPackages, type PlannedFile } from "../emit/emit-packages.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import type { Ir } from "../ir/types.js";
import type { PhaseTiming, ReleaseSummary } from "../pipeline-types.js";
import { PackagePrinter } from "../print/format-files.js";
import type { TextFormatter } from "../print/format-pool.js";

export interface PackageEmitterOptions {
  readonly outDir: string;
  readonly sourceRoots: readonly string[];
  readonly severityOverrides: SeverityOverrides;
  readonly formatter: TextFormatter;
  readonly time: <T>(phase: PhaseTiming["phase"], run: () => T | Promise<T>) => Promise<T>;
}

interface EmittedPackage {
  readonly releases: ReadonlyMap<string, ReleaseSummary>;
  readonly diagnostics: readonly Diagnostic[];
  /** The printed files, once the print workers are done with them. */
  readonly printing: Promise<GeneratedFile[]>;
}

export interface PackageEmitter {
  emit(folder: string, ir: Ir): Promise<EmittedPackage>;
}

export function packageEmitter(options: PackageEmitterOptions): PackageEmitter {
  const printer = new PackagePrinter(options.formatter);
  return {
    async emit(folder, ir) {
      const plan = planReleases(ir, options.outDir, options.severityOverrides);
      const files = await options.time("emit", () =>
        emitPackages(ir, undefined, {
          releases: plan.releases,
          sourceRoots: options.sourceRoots,
        }),
      );
      refuseOtherFolders(folder, files);
      const printing = printer.print(files);
      printing.catch(() => {}); // awaited by the caller; this only marks it handled meanwhile
      const releases = new Map([...plan.releases].map(([service, r]) => [service, summary(r)]));
      return { releases, diagnostics: plan.diagnostics, printing };
    },
  };
}

/** The release without the file contents it planned (written with the package, not kept). */
function summary({
  record: _record,
  changelog: _changelog,
  ...rest
}: PackageRelease): ReleaseSummary {
  return rest;
}

/** Emitters write a service's files under its folder only; anything else is a generator bug. */
function refuseOtherFolders(folder: string, files: readonly PlannedFile[]): void {
  const outside = files.find((file) => !file.path.startsWith(`${folder}/`));
  if (outside !== undefined) {
    throw new Error(`package ${folder} emitted a file outside its folder: ${outside.path}`);
  }
}
