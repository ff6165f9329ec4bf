/**
 * `tcgen parse FILE|DIR... [--json] [--strict]`: runs the pipeline's load -> parse -> check and prints the IR on
 * stdout (JSON with --json, a short summary otherwise) and the diagnostics on stderr.
 * Exit code 0 when there are no errors, 1 otherwise, 2 for bad usage.
 */
import { parseArgs } from "node:util";
import { formatDiagnostics, sortDiagnostics } from "../diagnostics/format.js";
import type { Ir } from "../ir/types.js";
import { runPipeline } from "../pipeline.js";

export async function run(argv: string[]): Promise<number> {
  let values: { json?: boolean; strict?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean" }, strict: { type: "boolean" } },
    }));
  } catch (error) {
    process.stderr.write(
      `tcgen parse: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  if (positionals.length === 0) {
    process.stderr.write("Usage: tcgen parse FILE|DIR... [--json] [--strict]\n");
    return 2;
  }
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
  return diagnostics.some((d) => d.severity === "error") ? 1 : 0;
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
