/**
 * `tcgen diff OLD NEW [--format text|markdown|json] [--fail-on any|breaking|none] [--config FILE]`
 * and `tcgen diff --base GIT_REF [--specs DIR]`: the API changes between two sides (a page, a
 * folder of pages, or a recorded api.json), whether each breaks callers, and the bump they imply.
 * Exit codes: 0 nothing that fails the run, 1 changes that fail it (per --fail-on, default any),
 * 2 bad arguments or an unreadable side.
 */
import { rmSync } from "node:fs";
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
import { parseCommandLine, usageError, type CommandDoc, type OptionDocs } from "./command-line.js";

export const DIFF_DOC = {
  name: "diff",
  synopsis: [
    "tcgen diff OLD NEW [--format text|markdown|json] [--fail-on any|breaking|none] [--config FILE] [--verbose]",
    "tcgen diff --base GIT_REF [--specs DIR] [same options]",
  ],
  summary: "the API changes between two sides and the bump they imply",
  description: [
    "Compares the API described by two sides and prints each change, whether it breaks callers, and the version bump it implies. stdout is only the report (--format json for data); page errors go to stderr.",
  ],
  positionals: [
    [
      "OLD NEW",
      "Each a page, a folder of pages, or a recorded api.json (from a generated package).",
    ],
  ],
  options: {
    base: {
      type: "string",
      value: "GIT_REF",
      help: "Compare the --specs folder at this git revision (e.g. origin/main) with the working tree, instead of OLD and NEW.",
    },
    specs: {
      type: "string",
      value: "DIR",
      default: "specs",
      help: "With --base: the folder of pages to compare.",
    },
    format: {
      type: "string",
      value: "text|markdown|json",
      default: "text",
      help: "How the report is printed on stdout.",
    },
    "fail-on": {
      type: "string",
      value: "any|breaking|none",
      default: "any",
      help: "What makes the exit code 1: any change, only breaking changes, or nothing.",
    },
    config: {
      type: "string",
      value: "FILE",
      help: "Severity overrides for change kinds (default: tcgen.diff.json at the repository root, when present).",
    },
    verbose: {
      type: "boolean",
      help: "Also print the pages' warnings on stderr (errors are always printed).",
    },
  },
  exitCodes: [
    "0 no change that fails the run (per --fail-on); 1 changes that fail it; 2 bad arguments, an unreadable side or config, or an unknown git revision.",
  ],
} as const satisfies CommandDoc<OptionDocs>;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(DIFF_DOC, argv);
  if (typeof parsed === "number") return parsed;
  const { positionals } = parsed;
  const values = {
    ...parsed.values,
    specs: parsed.values.specs ?? "specs",
    format: parsed.values.format ?? "text",
    "fail-on": parsed.values["fail-on"] ?? "any",
    verbose: parsed.values.verbose === true,
  };
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
  return usageError(DIFF_DOC, message);
}
