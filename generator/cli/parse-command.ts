/**
 * `tcgen parse FILE|DIR... [--json] [--strict]`: runs the pipeline's load -> parse -> check and prints the IR on
 * stdout (JSON with --json, a short summary otherwise) and the diagnostics on stderr.
 * Exit code 0 when there are no errors, 1 otherwise, 2 for bad usage.
 */
import { formatDiagnostics, sortDiagnostics } from "../diagnostics/format.js";
import type { Ir } from "../ir/types.js";
import { runPipeline } from "../pipeline.js";
import { missingInput } from "./check-inputs.js";
import {
  EXIT_FAILED,
  EXIT_OK,
  parseCommandLine,
  usageError,
  type CommandDoc,
  type OptionDocs,
} from "./command-line.js";

export const PARSE_DOC = {
  name: "parse",
  synopsis: ["tcgen parse FILE|DIR... [--json] [--strict]"],
  summary: "print the IR of pages; diagnostics on stderr",
  description: [
    "Reads the pages (load -> parse -> check, nothing is written) and prints the intermediate model: an outline by default, the whole IR as JSON with --json. Diagnostics go to stderr, so stdout is only the IR: `npx tcgen parse DIR --json | jq`.",
  ],
  positionals: [["FILE|DIR...", "Markdown pages, or folders searched for *.md at any depth."]],
  options: {
    json: {
      type: "boolean",
      help: "Print the IR as JSON on stdout and the diagnostics as a JSON array on stderr.",
    },
    strict: { type: "boolean", help: "Treat warnings as errors (exit 1 when there is one)." },
  },
  exitCodes: [
    "0 no page had an error; 1 a page had an error (the other pages are still printed); 2 bad arguments or a missing file or folder.",
  ],
} as const satisfies CommandDoc<OptionDocs>;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(PARSE_DOC, argv);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return usageError(PARSE_DOC, "give at least one FILE or DIR");
  const missing = missingInput(positionals);
  if (missing !== undefined) return usageError(PARSE_DOC, missing);
  // Without an out folder the pipeline stops after check (and applies --strict).
  const result = await runPipeline({ inputs: positionals, strict: values.strict ?? false });
  const ir = result.ir;
  const diagnostics = sortDiagnostics(result.diagnostics);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(ir, null, 2)}\n`);
    if (diagnostics.length > 0) process.stderr.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
  } else {
    process.stdout.write(summarise(ir));
    process.stderr.write(formatDiagnostics(diagnostics));
  }
  return diagnostics.some((d) => d.severity === "error") ? EXIT_FAILED : EXIT_OK;
}

/** A readable outline of the IR: services, versions, actions and structures. */
export function summarise(ir: Ir): string {
  const lines: string[] = [];
  for (const service of ir.services) {
    for (const version of service.versions) {
      lines.push(`${service.name} ${version.version} (${version.host})`);
      for (const action of version.actions) {
        const counts = [
          `${action.input.length} input`,
          `${action.output.length} output`,
          `${action.errors.length} errors`,
          `${action.examples.length} examples`,
        ].join(", ");
        lines.push(`  action ${action.name}: ${counts}`);
      }
      for (const structure of version.structures) {
        const shape = structure.open ? "open" : `${structure.fields.length} fields`;
        lines.push(`  structure ${structure.name}: ${shape}`);
      }
    }
  }
  lines.push(`common error codes: ${ir.commonErrors.length}`);
  return `${lines.join("\n")}\n`;
}
