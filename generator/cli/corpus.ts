/**
 * `npm run corpus [-- DIR] [--generate] [--out DIR] [--no-lint]`: checks every page of a corpus
 * folder (default ../shared/corpus) and prints, per product of MANIFEST.tsv: pages, parsed pages,
 * and with --generate the action pages generated, type-checked (tsc --strict, one in-process
 * program over all packages), example tests passed and failed (a child `vitest run` with the
 * JSON reporter) and eslint problems; then warnings and errors by code and the time taken (parse
 * plus example tests of the product's pages; corpus-wide phases are printed below the table).
 *
 * Exits 1 when any English API 3.0 action page fails to parse, generate, type-check, lint or
 * pass its example tests; pages of other kinds are refused with an error and do not fail the run;
 * 2 for bad arguments or a missing folder. Progress goes to stderr (a live line on a terminal,
 * lines with --progress), then the same closing summary as `tcgen generate` (run-summary.ts).
 * Products come from the manifest only for grouping the report; tcgen reads service names from
 * page content. Generated packages go to OUT/packages (default tmp/corpus-out), inside the
 * repository so they resolve its node_modules.
 */
import { readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { missingInput } from "./check-inputs.js";
import {
  EXIT_FAILED,
  EXIT_OK,
  parseCommandLine,
  usageError,
  type CommandDoc,
  type OptionDocs,
} from "./command-line.js";
import { checkCorpus, type PageOutcome } from "./corpus/check-corpus.js";
import { formatTally } from "./corpus/tally-examples.js";
import { actionPageFailure, formatReport, productRows } from "./corpus-report.js";
import { Progress, progressMode } from "./progress.js";
import { byCode, formatRunSummary } from "./run-summary.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const DEFAULT_OUT = join(REPO_ROOT, "tmp", "corpus-out");

export const CORPUS_DOC = {
  name: "corpus",
  program: "npm run corpus --",
  synopsis: ["npm run corpus -- [DIR] [--generate] [--out DIR] [--no-lint] [--progress]"],
  summary: "check every page of a corpus folder and report per product",
  description: [
    "Parses every page of DIR and prints a table per product of MANIFEST.tsv (pages, parsed, warnings and errors by code, time), then the action pages that failed. With --generate it also generates the packages, type-checks them (tsc --strict), lints them and runs their example tests against the generated mocks.",
    "stderr gets the progress (a live line on a terminal once the run has taken a second, one line per step with --progress) and a closing summary: pages read, actions generated, pages refused, warnings and errors by code.",
  ],
  positionals: [["DIR", "The corpus folder (default: ../shared/corpus)."]],
  options: {
    generate: {
      type: "boolean",
      help: "Also generate, type-check, lint and example-test the packages (minutes on the full corpus).",
    },
    out: {
      type: "string",
      value: "DIR",
      defaultText: "tmp/corpus-out",
      help: "Where --generate writes (DIR/packages); keep it inside the repository so the packages resolve its node_modules.",
    },
    "no-lint": { type: "boolean", help: "With --generate: skip eslint on the packages." },
    progress: {
      type: "boolean",
      help: "Print one progress line per step on stderr even when it is not a terminal (for CI logs).",
    },
  },
  exitCodes: [
    "0 every action page passed; 1 an action page failed (listed on stdout); 2 bad arguments or a missing folder.",
  ],
} as const satisfies CommandDoc<OptionDocs>;

export async function run(argv: string[]): Promise<number> {
  const commandLine = parseCommandLine(CORPUS_DOC, argv);
  if (typeof commandLine === "number") return commandLine;
  const { positionals, values } = commandLine;
  if (positionals.length > 1) return usageError(CORPUS_DOC, "give at most one corpus folder");
  const folder = positionals[0] ?? join("..", "shared", "corpus");
  const missing = missingInput([folder]);
  if (missing !== undefined) return usageError(CORPUS_DOC, missing);
  const generate = values.generate === true;
  const progress = new Progress("corpus", progressMode(values.progress === true));
  const products = await readManifest(join(folder, "MANIFEST.tsv"));
  const started = performance.now();
  let result;
  try {
    result = await checkCorpus({
      folder,
      generate,
      outDir: values.out ?? DEFAULT_OUT,
      lint: values["no-lint"] !== true,
      repoRoot: REPO_ROOT,
      onStep: (step) => progress.step(step),
    });
  } finally {
    progress.end();
  }
  const productOf = (file: string) => products.get(basename(file, ".md")) ?? "(unlisted)";
  const rows = productRows(result.pages, productOf, generate);
  process.stdout.write(formatReport(rows));

  const parsed = result.pages.filter((p) => p.kind !== "rejected").length;
  const phases = [...result.phaseMs].map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`);
  const ms = performance.now() - started;
  process.stdout.write(
    `total: ${result.pages.length} pages, ${parsed} parsed, ${ms.toFixed(0)} ms (${phases.join(", ")})\n`,
  );
  if (result.examples !== undefined) {
    process.stdout.write(`examples: ${formatTally(result.examples)}\n`);
    for (const rejection of result.examples.rejections) process.stdout.write(`  ${rejection}\n`);
  }
  const failures = result.pages.flatMap((page) => {
    const why = actionPageFailure(page, generate);
    return why === undefined ? [] : [`${relative(process.cwd(), page.file)}: ${why}`];
  });
  const actions = result.pages.filter((p) => p.kind === "action").length;
  process.stderr.write(corpusSummary(result.pages));
  if (failures.length > 0) {
    process.stdout.write(`FAILED: ${failures.length} of ${actions} action pages\n`);
    for (const failure of failures) process.stdout.write(`  ${failure}\n`);
    return EXIT_FAILED;
  }
  const done = generate
    ? "generated, type-checked, lint-clean and example-tested"
    : "parsed (add --generate to generate and test them)";
  process.stdout.write(`ok: all ${actions} action pages ${done}\n`);
  return EXIT_OK;
}

/** The closing summary over every page (generated: action pages placed in a package). */
function corpusSummary(pages: readonly PageOutcome[]): string {
  const diagnostics = pages.flatMap((p) => p.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === "error");
  const generated = pages.filter((p) => p.packageName !== undefined);
  return formatRunSummary("corpus", {
    pagesRead: pages.length,
    actions: generated.length,
    packages: new Set(generated.map((p) => p.packageName)).size,
    refused: pages.filter(
      (p) => p.kind === "rejected" || p.diagnostics.some((d) => d.severity === "error"),
    ).length,
    warnings: byCode(diagnostics.filter((d) => d.severity === "warning")),
    errors: byCode(errors),
  });
}

async function readManifest(path: string): Promise<Map<string, string>> {
  try {
    const lines = (await readFile(path, "utf8")).trim().split("\n").slice(1);
    return new Map(
      lines.map((line) => line.split("\t")).map(([id = "", product = ""]) => [id, product]),
    );
  } catch {
    return new Map();
  }
}

// Run when executed directly (npm run corpus), not when imported.
if (process.argv[1] !== undefined && /corpus\.[cm]?[jt]s$/.test(process.argv[1])) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
