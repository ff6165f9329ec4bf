/**
 * `npm run corpus [-- DIR] [--generate] [--out DIR] [--no-lint]`: checks every page of a corpus
 * folder (default ../shared/corpus) and prints, per product of MANIFEST.tsv: pages, parsed pages,
 * and with --generate the action pages generated, type-checked (tsc --strict, one in-process
 * program over all packages), example tests passed and failed (a child `vitest run` with the
 * JSON reporter) and eslint problems; then warnings and errors by code and the time taken (parse
 * plus example tests of the product's pages; corpus-wide phases are printed below the table).
 *
 * Exits 1 when any English API 3.0 action page fails to parse, generate, type-check, lint or
 * pass its example tests; pages of other kinds are refused with an error and do not fail the run.
 * Products come from the manifest only for grouping the report; tcgen reads service names from
 * page content. Generated packages go to OUT/packages (default tmp/corpus-out), inside the
 * repository so they resolve its node_modules.
 */
import { readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkCorpus } from "./corpus/check-corpus.js";
import { actionPageFailure, formatReport, productRows } from "./corpus-report.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      generate: { type: "boolean", default: false },
      out: { type: "string", default: join(REPO_ROOT, "tmp", "corpus-out") },
      "no-lint": { type: "boolean", default: false },
    },
  });
  const folder = positionals[0] ?? join("..", "shared", "corpus");
  const products = await readManifest(join(folder, "MANIFEST.tsv"));
  const started = performance.now();
  const result = await checkCorpus({
    folder,
    generate: values.generate,
    outDir: values.out,
    lint: !values["no-lint"],
    repoRoot: REPO_ROOT,
  });
  const productOf = (file: string) => products.get(basename(file, ".md")) ?? "(unlisted)";
  const rows = productRows(result.pages, productOf, values.generate);
  process.stdout.write(formatReport(rows));

  const parsed = result.pages.filter((p) => p.kind !== "rejected").length;
  const phases = [...result.phaseMs].map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`);
  const ms = performance.now() - started;
  process.stdout.write(
    `total: ${result.pages.length} pages, ${parsed} parsed, ${ms.toFixed(0)} ms (${phases.join(", ")})\n`,
  );
  const failures = result.pages.flatMap((page) => {
    const why = actionPageFailure(page, values.generate);
    return why === undefined ? [] : [`${relative(process.cwd(), page.file)}: ${why}`];
  });
  const actions = result.pages.filter((p) => p.kind === "action").length;
  if (failures.length > 0) {
    process.stdout.write(`FAILED: ${failures.length} of ${actions} action pages\n`);
    for (const failure of failures) process.stdout.write(`  ${failure}\n`);
    return 1;
  }
  const done = values.generate
    ? "generated, type-checked, lint-clean and example-tested"
    : "parsed (add --generate to generate and test them)";
  process.stdout.write(`ok: all ${actions} action pages ${done}\n`);
  return 0;
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
