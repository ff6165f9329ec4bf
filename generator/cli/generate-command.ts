/**
 * `tcgen generate [--specs DIR]... [--out DIR] [--check] [--strict] [--verbose]`: runs the whole
 * pipeline and writes one package per service. Exit codes: 0 fine; 1 when a page had errors (the
 * other pages are still generated), with --check when the output folder has drifted, or when a
 * folder under --out that the run would replace is not tcgen's (then nothing is written); 2 for
 * bad arguments. With --check, the API changes of each package (and the version bump they imply)
 * are printed before the files (generate-drift.ts); --fail-on breaking fails only on breaking drift.
 */
import { parseArgs } from "node:util";
import { formatDiagnostics, sortDiagnostics } from "../diagnostics/format.js";
import { runPipeline, type PipelineResult } from "../pipeline.js";
import { OutFolderRefusedError } from "../write/out-folder-refused.js";
import {
  checkFails,
  DRIFT_ARG_OPTIONS,
  DRIFT_USAGE,
  driftGroups,
  printDrift,
  readDriftOptions,
} from "./generate-drift.js";

const USAGE = `Usage: tcgen generate [--specs DIR]... [--out DIR] [--check] [--strict] [--verbose] ${DRIFT_USAGE}\n`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        specs: { type: "string", multiple: true },
        out: { type: "string" },
        check: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        ...DRIFT_ARG_OPTIONS,
      },
    }));
  } catch (error) {
    process.stderr.write(`tcgen generate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  const drift = readDriftOptions(values);
  if (typeof drift === "string") {
    process.stderr.write(`tcgen generate: ${drift}\n${USAGE}`);
    return 2;
  }
  const outDir = values.out ?? "generated";
  let result;
  try {
    result = await runPipeline({
      inputs: values.specs ?? ["specs"],
      outDir,
      check: values.check,
      strict: values.strict,
      severityOverrides: drift.overrides,
    });
  } catch (error) {
    // A folder under --out that tcgen did not write: nothing was written, the user must act.
    if (!(error instanceof OutFolderRefusedError)) throw error;
    process.stderr.write(formatDiagnostics(error.diagnostics));
    process.stderr.write(`tcgen generate: refused to write to ${outDir} (see above).\n`);
    return 1;
  }
  process.stderr.write(formatDiagnostics(sortDiagnostics(result.diagnostics)));
  if (values.verbose) process.stderr.write(formatTimings(result));
  const groups = driftGroups(result);
  const changedFiles = result.write?.changed ?? [];
  printDrift(groups, drift, values.check, changedFiles);
  const driftOk = !values.check || !checkFails(groups, drift.failOn, changedFiles);
  // JSON keeps stdout for the report; the status lines then go to stderr.
  const status = drift.format === "json" ? process.stderr : process.stdout;
  return report(result, outDir, values.check, status) && driftOk ? 0 : 1;
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
