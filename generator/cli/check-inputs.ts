/**
 * Folders and files named on the command line must exist before a run starts: a missing one is a
 * command-line problem (exit 2, one line), not a page error that would also make the run look
 * "up to date" with nothing to generate.
 */
import { existsSync } from "node:fs";

/** A message naming the first input that does not exist, or undefined when all do. */
export function missingInput(inputs: readonly string[]): string | undefined {
  const missing = inputs.find((input) => !existsSync(input));
  if (missing === undefined) return undefined;
  return `${JSON.stringify(missing)}: no such file or folder`;
}
