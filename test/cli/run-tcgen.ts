/**
 * Runs tcgen as a user does, in a child process: `node bin/tcgen.js ...` (the package's bin), or
 * another script of the repository (generator/cli/corpus.ts) under tsx. stdin is closed and
 * stderr is a pipe, not a terminal, so progress appears only with --progress.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runTcgen(args: readonly string[], cwd = REPO_ROOT): Promise<CliRun> {
  return runNode([fileURLToPath(new URL("../../bin/tcgen.js", import.meta.url)), ...args], cwd);
}

/** `npm run corpus -- ...` without npm (whose banner would go to stdout). */
export function runCorpus(args: readonly string[]): Promise<CliRun> {
  return runNode(["--import", "tsx", "generator/cli/corpus.ts", ...args], REPO_ROOT);
}

function runNode(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The lines of a text, without the empty one after the last newline. */
export function linesOf(text: string): string[] {
  return text.split("\n").filter((line, i, all) => line !== "" || i < all.length - 1);
}
