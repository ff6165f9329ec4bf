/**
 * The key of one generate run: everything its result depends on. Two runs with the same key
 * produce the same files and the same diagnostics.
 */
import path from "node:path";
import { hashPath, hashText } from "./hash-files.js";

export interface RunKeyInput {
  /** Input files or folders, exactly as given (positions in diagnostics quote them). */
  readonly inputs: readonly string[];
  readonly strict: boolean;
  /** `generatorFingerprint()`. */
  readonly generator: string;
}

export interface RunKey {
  readonly key: string;
  /**
   * The SHA-256 of each file read, by its path as the load phase names it (`path.join` of the
   * input and the path below it), so that the page cache need not read unchanged pages again.
   */
  readonly fileHashes: ReadonlyMap<string, string>;
}

/**
 * Hashes every file under every input (all files, not only `*.md`: over-inclusion can only cost
 * a needless full run, never a wrong result). Undefined when an input cannot be read: such a run
 * is never cached, so the pipeline reports the problem itself.
 */
export function computeRunKey(input: RunKeyInput): RunKey | undefined {
  const pages: [string, Record<string, string>][] = [];
  const fileHashes = new Map<string, string>();
  try {
    for (const given of input.inputs) {
      const hashes = hashPath(given);
      pages.push([given, hashes]);
      for (const [relative, hash] of Object.entries(hashes)) {
        fileHashes.set(relative === "" ? given : path.join(given, relative), hash);
      }
    }
  } catch {
    return undefined;
  }
  const key = hashText(
    JSON.stringify({
      generator: input.generator,
      strict: input.strict,
      cwd: process.cwd(),
      pages,
    }),
  );
  return { key, fileHashes };
}
