/**
 * `npm run bench`: runs every benchmark, prints one table, and writes it to bench/RESULTS.md.
 *
 *   npm run bench                    all benchmarks
 *   npm run bench -- --quick         fewer rounds, smaller batches
 *   npm run bench -- --only signing  some benchmarks, by name (comma-separated)
 *   npm run bench -- --no-write      do not update RESULTS.md
 *   npm run bench -- --corpus DIR    pages for the generate/memory rows (default ../shared/corpus)
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import type { Benchmark } from "./harness/benchmark.js";
import { errorRow, reportOnly, type BenchRow } from "./harness/row.js";
import { renderMarkdownTable, renderTextTable } from "./harness/table.js";
import { benchmarks } from "./benchmarks/index.js";
import { CORPUS_DIR } from "./subjects/corpus.js";

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      "no-write": { type: "boolean", default: false },
      corpus: { type: "string" },
    },
  });
  const only = values.only?.split(",").map((s) => s.trim());
  const selected: Benchmark[] = only
    ? benchmarks.filter((b) => only.includes(b.name))
    : [...benchmarks];
  if (selected.length === 0) {
    process.stderr.write(
      `bench: no benchmark named ${values.only}; have ${benchmarks.map((b) => b.name).join(", ")}\n`,
    );
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const corpusDir = path.resolve(values.corpus ?? CORPUS_DIR);
  const rows: BenchRow[] = [];
  for (const benchmark of selected) {
    log(`# ${benchmark.name}`);
    try {
      rows.push(...(await benchmark.run({ quick: values.quick, corpusDir, log })));
    } catch (error) {
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
      rows.push(errorRow(benchmark.name, reportOnly("-"), `crashed: ${reason.split("\n")[0]}`));
    }
  }
  process.stdout.write(renderTextTable(rows));
  if (!values["no-write"] && only === undefined && values.corpus === undefined) {
    // Formatted like every other file in the repository, so `npm run format:check` stays green.
    const file = fileURLToPath(new URL("RESULTS.md", import.meta.url));
    const config = (await prettier.resolveConfig(file)) ?? {};
    const markdown = await prettier.format(resultsMarkdown(rows, values.quick), {
      ...config,
      filepath: file,
    });
    writeFileSync(file, markdown);
    log("written bench/RESULTS.md");
  }
  return 0;
}

function resultsMarkdown(rows: readonly BenchRow[], quick: boolean): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return [
    "# Benchmark results",
    "",
    `Latest \`npm run bench${quick ? " -- --quick" : ""}\`: Node ${process.version}, ${os.cpus().length} x ${cpu}, ${os.platform()}.`,
    "Each ratio is the median of per-round ratios of two sides run interleaved in one process;",
    "see bench/README.md for how each row is measured.",
    "",
    renderMarkdownTable(rows),
  ].join("\n");
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
