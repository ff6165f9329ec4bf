/**
 * `tcgen generate [--specs DIR]... [--out DIR] [--check] [--strict] [--verbose] [--progress]`:
 * runs the whole pipeline and writes one package per service. Exit codes: 0 fine; 1 when a page
 * had errors (the other pages are still generated), with --check when the output folder has
 * drifted, or when a folder under --out that the run would replace is not tcgen's (then nothing is
 * written); 2 for bad arguments or a missing specs folder. With --check, the API changes of each
 * package (and the version bump they imply) are printed before the files (generate-drift.ts);
 * --fail-on breaking fails only on breaking drift. Progress (progress.ts) and a closing summary
 * (run-summary.ts) go to stderr.
 */
import { formatDiagnostics, sortDiagnostics } from "../diagnostics/format.js";
import { runPipeline, type PipelineResult } from "../pipeline.js";
import { OutFolderRefusedError } from "../write/out-folder-refused.js";
import { missingInput } from "./check-inputs.js";
import {
  EXIT_FAILED,
  EXIT_OK,
  parseCommandLine,
  usageError,
  type CommandDoc,
  type OptionDocs,
} from "./command-line.js";
import {
  checkFails,
  DRIFT_ARG_OPTIONS,
  driftGroups,
  printDrift,
  readDriftOptions,
} from "./generate-drift.js";
import { Progress, progressMode } from "./progress.js";
import { countPages, countRun, formatRunSummary } from "./run-summary.js";

export const GENERATE_DOC = {
  name: "generate",
  synopsis: [
    "tcgen generate [--specs DIR]... [--out DIR] [--check] [--strict] [--verbose] [--progress]",
    "               [--format text|markdown|json] [--fail-on any|breaking|none] [--config FILE]",
  ],
  summary: "write one package per service",
  description: [
    "Reads every page under the specs folders and writes one npm package per service under --out (a package's version and CHANGELOG follow its API changes). A page with errors is refused and the other pages are still generated. Folders under --out that tcgen did not write are never replaced.",
    "stderr gets the diagnostics (file:line:col severity code message), the progress of a run that takes over a second when stderr is a terminal (or always with --progress), and a closing summary: pages read, actions generated, pages refused, warnings and errors by code. stdout gets what the run did to the output folder (with --check --format json, only the JSON report).",
  ],
  options: {
    specs: {
      type: "string",
      multiple: true,
      value: "DIR",
      defaultText: "specs",
      help: "A folder of Markdown pages (searched for *.md at any depth) or one page.",
    },
    out: {
      type: "string",
      value: "DIR",
      default: "generated",
      help: "The output folder; one package folder per service is written in it.",
    },
    check: {
      type: "boolean",
      help: "Write nothing: compare what the pages generate with --out, print the API changes and list the files that differ (exit 1 when something differs, per --fail-on).",
    },
    strict: { type: "boolean", help: "Treat warnings as errors (exit 1 when there is one)." },
    verbose: {
      type: "boolean",
      help: "Also print each phase's time (load, parse, check, emit, print, write) on stderr, or say that the output cache answered.",
    },
    progress: {
      type: "boolean",
      help: "Print one progress line per phase on stderr even when it is not a terminal (for CI logs).",
    },
    ...DRIFT_ARG_OPTIONS,
  },
  exitCodes: [
    "0 done; 1 a page had an error (the other pages are still generated), --check found drift (per --fail-on), or a folder under --out is not tcgen's (nothing written); 2 bad arguments or a missing specs folder.",
  ],
} as const satisfies CommandDoc<OptionDocs>;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(GENERATE_DOC, argv);
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const drift = readDriftOptions(values);
  if (typeof drift === "string") return usageError(GENERATE_DOC, drift);
  const inputs = values.specs ?? ["specs"];
  const missing = missingInput(inputs);
  if (missing !== undefined) return usageError(GENERATE_DOC, `--specs ${missing}`);
  const outDir = values.out ?? "generated";
  const check = values.check === true;
  const progress = new Progress("tcgen generate", progressMode(values.progress === true));
  let result;
  try {
    result = await runPipeline({
      inputs,
      outDir,
      check,
      strict: values.strict === true,
      severityOverrides: drift.overrides,
      onStep: (step) => progress.step(step),
    });
  } catch (error) {
    progress.end();
    // A folder under --out that tcgen did not write: nothing was written, the user must act.
    if (!(error instanceof OutFolderRefusedError)) throw error;
    process.stderr.write(formatDiagnostics(error.diagnostics));
    process.stderr.write(`tcgen generate: refused to write to ${outDir} (see above).\n`);
    return EXIT_FAILED;
  }
  progress.end();
  process.stderr.write(formatDiagnostics(sortDiagnostics(result.diagnostics)));
  if (values.verbose === true) process.stderr.write(formatTimings(result));
  const groups = driftGroups(result);
  const changedFiles = result.write?.changed ?? [];
  printDrift(groups, drift, check, changedFiles);
  const driftOk = !check || !checkFails(groups, drift.failOn, changedFiles);
  // JSON keeps stdout for the report; the status lines then go to stderr.
  const status = drift.format === "json" ? process.stderr : process.stdout;
  const reportOk = report(result, outDir, check, status);
  process.stderr.write(
    formatRunSummary(
      "tcgen generate",
      countRun(countPages(inputs), result.counts, result.diagnostics),
    ),
  );
  return reportOk && driftOk ? EXIT_OK : EXIT_FAILED;
}

/** Prints what happened to the output; false when the run should fail. */
function report(
  result: PipelineResult,
  outDir: string,
  check: boolean,
  status: NodeJS.WritableStream,
): boolean {
  const changed = result.write?.changed ?? [];
  const ok = !result.failed;
  if (check) {
    if (changed.length > 0) {
      process.stderr.write(
        `tcgen generate --check: ${changed.length} file(s) in ${outDir} differ from what the docs generate:\n` +
          changed.map((path) => `  ${path}\n`).join("") +
          "Run `npm run generate` and commit the result.\n",
      );
    } else {
      status.write(`${outDir} is up to date.\n`);
    }
  } else {
    status.write(
      changed.length === 0
        ? `${outDir} is up to date.\n`
        : `wrote ${changed.length} changed file(s) to ${outDir}\n`,
    );
  }
  if (result.failed) process.stderr.write("tcgen generate: some pages had errors (see above).\n");
  return ok;
}

function formatTimings(result: PipelineResult): string {
  if (result.cache === "hit")
    return "phase timings: none, the output cache answered (nothing changed)\n";
  const total = result.timings.reduce((sum, t) => sum + t.ms, 0);
  const lines = result.timings.map(
    (t) => `  ${t.phase.padEnd(6)} ${t.ms.toFixed(1).padStart(8)} ms`,
  );
  return `phase timings:\n${lines.join("\n")}\n  ${"total".padEnd(6)} ${total.toFixed(1).padStart(8)} ms\n`;
}
