/**
 * `tcgen diff OLD NEW [--format text|markdown|json] [--fail-on any|breaking|none] [--config FILE]`
 * and `tcgen diff --base GIT_REF [--specs DIR]`: the API changes between two sides (a page, a
 * folder of pages, or a recorded api.json), whether each breaks callers, and the bump they imply.
 * Exit codes: 0 nothing that fails the run, 1 changes that fail it (per --fail-on, default any),
 * 2 bad arguments or an unreadable side.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatDiagnostics, sortDiagnostics } from "../diagnostics/format.js";
import type { ApiChange } from "../diff/api-change.js";
import { compareSides } from "../diff/compare-sides.js";
import { driftFails, FAIL_ON_VALUES, isFailOn } from "../diff/fail-on.js";
import { loadSide, SideError, type DiffSide } from "../diff/load-side.js";
import { isDriftFormat, type DriftGroup } from "../diff/report/drift-report.js";
import { formatReport } from "../diff/report/format-report.js";
import {
  DEFAULT_CONFIG_FILE,
  DiffConfigError,
  readSeverityOverrides,
} from "../diff/severity-config.js";
import { extractFolderAtRef, GitRefError } from "../diff/specs-at-ref.js";

const USAGE =
  "Usage: tcgen diff OLD NEW [--format text|markdown|json] [--fail-on any|breaking|none] [--config FILE] [--verbose]\n" +
  "       tcgen diff --base GIT_REF [--specs DIR] [same options]\n" +
  "OLD/NEW: a page, a folder of pages, or a recorded api.json.\n";

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        base: { type: "string" },
        specs: { type: "string", default: "specs" },
        format: { type: "string", default: "text" },
        "fail-on": { type: "string", default: "any" },
        config: { type: "string" },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = values.format;
  const failOn = values["fail-on"];
  if (!isDriftFormat(format)) return usage(`unknown --format "${format}"`);
  if (!isFailOn(failOn)) return usage(`--fail-on takes ${FAIL_ON_VALUES.join(", ")}`);
  const wantSides = values.base === undefined ? 2 : 0;
  if (positionals.length !== wantSides) {
    return usage(
      values.base === undefined ? "give OLD and NEW" : "--base takes no OLD/NEW arguments",
    );
  }

  let groups: DriftGroup[];
  try {
    const overrides = readSeverityOverrides(
      values.config ?? DEFAULT_CONFIG_FILE,
      values.config !== undefined,
    );
    groups =
      values.base === undefined
        ? await compare(positionals[0]!, positionals[1]!, overrides, values.verbose)
        : await compareWithBase(values.base, values.specs, overrides, values.verbose);
  } catch (error) {
    if (error instanceof SideError || error instanceof DiffConfigError) return usage(error.message);
    if (error instanceof GitRefError) return usage(`--base: ${error.message}`);
    throw error;
  }
  process.stdout.write(formatReport(groups, format));
  return driftFails(
    failOn,
    groups.flatMap((g) => g.changes),
  )
    ? 1
    : 0;
}

async function compare(
  oldPath: string,
  newPath: string,
  overrides: ReturnType<typeof readSeverityOverrides>,
  verbose: boolean,
): Promise<DriftGroup[]> {
  const before = await loadSide(oldPath);
  const after = await loadSide(newPath);
  reportDiagnostics([before, after], verbose);
  return compareSides(before, after, overrides);
}

async function compareWithBase(
  ref: string,
  specs: string,
  overrides: ReturnType<typeof readSeverityOverrides>,
  verbose: boolean,
): Promise<DriftGroup[]> {
  const extracted = extractFolderAtRef(ref, specs);
  try {
    const groups = await compare(extracted.folder, specs, overrides, verbose);
    // Old-side positions point into the temporary copy: name them by the ref instead.
    const relabel = (c: ApiChange): ApiChange =>
      c.position?.file.startsWith(extracted.root) === true
        ? {
            ...c,
            position: {
              ...c.position,
              file: `${ref}:${c.position.file.slice(extracted.root.length + 1)}`,
            },
          }
        : c;
    return groups.map((g) => ({ ...g, changes: g.changes.map(relabel) }));
  } finally {
    rmSync(extracted.root, { recursive: true, force: true });
  }
}

/** Page errors always (a refused page makes its actions look removed); warnings with --verbose. */
function reportDiagnostics(sides: readonly DiffSide[], verbose: boolean): void {
  const all = sides.flatMap((s) => s.diagnostics);
  const shown = verbose ? all : all.filter((d) => d.severity === "error");
  process.stderr.write(formatDiagnostics(sortDiagnostics(shown)));
  const hidden = all.length - shown.length;
  if (hidden > 0) {
    process.stderr.write(
      `tcgen diff: ${hidden} page warning(s) not shown (--verbose shows them)\n`,
    );
  }
}

function usage(message: string): number {
  process.stderr.write(`tcgen diff: ${message}\n${USAGE}`);
  return 2;
}
