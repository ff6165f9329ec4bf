/** Runs a tcgen command in process (its module's run()), capturing what it prints. */
import { vi } from "vitest";
import { run as diffRun } from "../../generator/cli/diff-command.js";
import { run as generateRun } from "../../generator/cli/generate-command.js";

export const runDiff = (argv: string[]) => runCommand(diffRun, argv);
export const runGenerate = (argv: string[]) => runCommand(generateRun, argv);

async function runCommand(
  run: (argv: string[]) => Promise<number>,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
