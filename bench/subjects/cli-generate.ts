/**
 * `tcgen generate` as a user runs it: the command (bin/tcgen.js) in a new process, so the time
 * includes starting Node, tsx's loader, loading the generator's modules and printing the run's
 * report, as `npm run generate` does (without npm's own start).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./ours.js";

const COMMAND = path.join(REPO_ROOT, "bin", "tcgen.js");

/**
 * Runs `tcgen generate --specs INPUT... --out OUT` and resolves when it exits: 0, or 1 (a page
 * had an error: the corpus holds refused pages on purpose). Any other exit rejects, with the last
 * line it printed to stderr.
 */
export function cliGenerate(inputs: readonly string[], outDir: string): Promise<void> {
  const args = [COMMAND, "generate", ...inputs.flatMap((input) => ["--specs", input])];
  args.push("--out", outDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let lastError = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      const lines = chunk.split("\n").filter((line) => line.trim() !== "");
      lastError = lines.at(-1) ?? lastError;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0 || code === 1) resolve();
      else reject(new Error(`tcgen generate exited with ${signal ?? code}: ${lastError}`));
    });
  });
}
