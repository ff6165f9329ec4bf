/**
 * Plans the release of every package a generate run writes, from the out folder's records.
 * Runs before emit: the api-record and package emitters take the versions from here.
 */
import { join } from "node:path";
import { diagnose } from "../../diagnostics/catalogue.js";
import type { Diagnostic } from "../../diagnostics/types.js";
import type { Ir } from "../../ir/types.js";
import { packageFolder, packageName } from "../../emit/version-context.js";
import type { SeverityOverrides } from "../severity-config.js";
import { planRelease, type PackageRelease } from "./plan-release.js";
import { readPreviousRelease, RECORD_FILE } from "./previous-release.js";

export interface ReleasePlan {
  /** By service name. */
  readonly releases: ReadonlyMap<string, PackageRelease>;
  readonly diagnostics: readonly Diagnostic[];
}

export function planReleases(ir: Ir, outDir: string, overrides: SeverityOverrides): ReleasePlan {
  const releases = new Map<string, PackageRelease>();
  const diagnostics: Diagnostic[] = [];
  for (const service of ir.services) {
    const dir = join(outDir, packageFolder(service.name));
    const previous = readPreviousRelease(dir);
    const release = planRelease(
      service,
      ir.commonErrors,
      packageName(service.name),
      previous,
      overrides,
    );
    if (previous.recordProblem !== undefined) {
      diagnostics.push(
        diagnose(
          "TCG100",
          { file: join(dir, RECORD_FILE), line: 1, column: 1 },
          { problem: previous.recordProblem, version: release.version },
        ),
      );
    }
    releases.set(service.name, release);
  }
  return { releases, diagnostics };
}
