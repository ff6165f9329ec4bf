/**
 * The key of one generate run: everything its result depends on. Two runs with the same key
 * produce the same files and the same diagnostics.
 */
import { hashPath, hashText } from "./hash-files.js";

export interface RunKeyInput {
  /** Input files or folders, exactly as given (positions in diagnostics quote them). */
  readonly inputs: readonly string[];
  readonly strict: boolean;
  /** `generatorFingerprint()`. */
  readonly generator: string;
}

/**
 * Hashes every file under every input (all files, not only `*.md`: over-inclusion can only cost
 * a needless full run, never a wrong result). Undefined when an input cannot be read: such a run
 * is never cached, so the pipeline reports the problem itself.
 */
export function computeRunKey(input: RunKeyInput): string | undefined {
  const pages: [string, Record<string, string>][] = [];
  try {
    for (const given of input.inputs) pages.push([given, hashPath(given)]);
  } catch {
    return undefined;
  }
  return hashText(
    JSON.stringify({
      generator: input.generator,
      strict: input.strict,
      cwd: process.cwd(),
      pages,
    }),
  );
}
