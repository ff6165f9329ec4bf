/**
 * The semantic side of `tcgen generate` (issue 12): `--format`, `--fail-on` and `--config`, and
 * the per-package summary of API changes with the bump they imply, printed before the list of
 * files that differ. The changes come from the pipeline's releases (each package's API compared
 * with the API recorded in the out folder); a package reused from the cache changed nothing.
 */
import type { PipelineResult } from "../pipeline.js";
import type { ReleaseSummary } from "../pipeline-types.js";
import { driftFails, FAIL_ON_VALUES, isFailOn, type FailOn } from "../diff/fail-on.js";
import { isDriftFormat, type DriftFormat, type DriftGroup } from "../diff/report/drift-report.js";
import { formatReport } from "../diff/report/format-report.js";
import {
  DEFAULT_CONFIG_FILE,
  DiffConfigError,
  readSeverityOverrides,
  type SeverityOverrides,
} from "../diff/severity-config.js";

/** The options this module adds to `tcgen generate`, with their --help text. */
export const DRIFT_ARG_OPTIONS = {
  format: {
    type: "string",
    default: "text",
    value: "text|markdown|json",
    help: "With --check: how the API changes are printed on stdout. json keeps stdout pure data (the changes and the files that differ); status lines then go to stderr.",
  },
  "fail-on": {
    type: "string",
    default: "any",
    value: "any|breaking|none",
    help: "With --check: what fails the run (exit 1): any drift, only breaking API changes, or nothing.",
  },
  config: {
    type: "string",
    value: "FILE",
    help: "Severity overrides for API changes (default: tcgen.diff.json at the repository root, when present).",
  },
} as const;

export interface DriftOptions {
  readonly format: DriftFormat;
  readonly failOn: FailOn;
  readonly overrides: SeverityOverrides;
}

/** The options, or a message saying which one is wrong. */
export function readDriftOptions(values: {
  format?: string;
  "fail-on"?: string;
  config?: string;
}): DriftOptions | string {
  const format = values.format ?? "text";
  const failOn = values["fail-on"] ?? "any";
  if (!isDriftFormat(format)) return `unknown --format "${format}"`;
  if (!isFailOn(failOn)) return `--fail-on takes ${FAIL_ON_VALUES.join(", ")}`;
  try {
    const overrides = readSeverityOverrides(
      values.config ?? DEFAULT_CONFIG_FILE,
      values.config !== undefined,
    );
    return { format, failOn, overrides };
  } catch (error) {
    if (error instanceof DiffConfigError) return error.message;
    throw error;
  }
}

/** One group per package whose API changed, in service order. */
export function driftGroups(result: PipelineResult): DriftGroup[] {
  const releases = [...(result.releases?.values() ?? [])];
  return releases
    .filter((r) => r.changes.length > 0)
    .sort((a, b) => (a.service < b.service ? -1 : 1))
    .map(groupOf);
}

function groupOf(release: ReleaseSummary): DriftGroup {
  return {
    name: release.packageName,
    service: release.service,
    previousVersion: release.previousVersion,
    version: release.version,
    bump: release.bump,
    changes: release.changes,
  };
}

/**
 * Prints the summary: with --check in the chosen format (JSON also lists the files that differ,
 * so a tool needs only stdout); when writing, one line per package released.
 */
export function printDrift(
  groups: readonly DriftGroup[],
  options: DriftOptions,
  check: boolean,
  changedFiles: readonly string[],
): void {
  if (check) {
    const extra = { upToDate: changedFiles.length === 0, files: changedFiles };
    process.stdout.write(formatReport(groups, options.format, extra));
    return;
  }
  for (const g of groups) {
    process.stdout.write(
      `${g.name} ${g.previousVersion ?? "?"} -> ${g.version ?? "?"} (${g.bump} bump, ${g.changes.length} API change(s)); CHANGELOG.md updated\n`,
    );
  }
}

/** Whether the drift found by --check fails the run under --fail-on. */
export function checkFails(
  groups: readonly DriftGroup[],
  failOn: FailOn,
  changedFiles: readonly string[],
): boolean {
  return driftFails(
    failOn,
    groups.flatMap((g) => g.changes),
    changedFiles.length > 0,
  );
}
