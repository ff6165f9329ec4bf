/**
 * Runs the generated example tests of an out folder and returns per-file results.
 *
 * Route chosen: a child `vitest run` with vitest's JSON reporter, not vitest's programmatic API.
 * The corpus check itself runs inside vitest (npm test), and a second vitest instance in the same
 * process shares module state with the first; a child process is isolated, and its JSON report
 * is vitest's stable, documented output. The child gets a small config written beside the out
 * folder (the repository's config only includes test/ and generated/).
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

export interface TestFileResult {
  /** Absolute path of the test file. */
  readonly file: string;
  readonly passed: number;
  readonly failed: number;
  /** Skipped and todo tests. */
  readonly skipped: number;
  /** How long vitest took over the file. */
  readonly ms: number;
  /** First lines of each failure (a file that fails to load counts as one failure). */
  readonly failures: readonly string[];
  /** Full names (describe and test titles) of the tests that passed. */
  readonly passedTests?: readonly string[];
  /** Every test of the file, so that a part of it (one action's suites) can be told apart. */
  readonly tests?: readonly TestOutcome[];
}

interface TestOutcome {
  /** Describe and test titles, e.g. "ModifyMigrateJob examples 1. Example 1". */
  readonly fullName: string;
  /** vitest's status: "passed", "failed", "skipped", "pending" or "todo". */
  readonly status: string;
  readonly ms: number;
  /** First line of the failure, for a failed test. */
  readonly failure?: string;
}

interface VitestJsonReport {
  readonly testResults?: readonly {
    readonly name: string;
    readonly status: string;
    readonly message?: string;
    readonly startTime?: number;
    readonly endTime?: number;
    readonly assertionResults: readonly {
      readonly fullName: string;
      readonly status: string;
      readonly duration?: number | null;
      readonly failureMessages?: readonly string[];
    }[];
  }[];
}

export async function runExampleTests(dir: string, repoRoot: string): Promise<TestFileResult[]> {
  const root = resolve(dir);
  const config = join(dirname(root), "example-tests.vitest.config.mjs");
  const report = join(dirname(root), "example-tests.report.json");
  await writeFile(
    config,
    `export default { test: { include: ["*/test/**/*.test.ts"], testTimeout: 30000 } };\n`,
  );
  await writeFile(report, "{}");
  const vitest = join(repoRoot, "node_modules", "vitest", "vitest.mjs");
  const args = [vitest, "run", "--root", root, "--config", config, "--reporter=json"];
  const stderr = await spawnNode([...args, `--outputFile=${report}`], repoRoot);
  const parsed = JSON.parse(await readFile(report, "utf8")) as VitestJsonReport;
  if (parsed.testResults === undefined) {
    throw new Error(
      `vitest wrote no report for ${root}: ${stderr.split("\n").slice(-5).join(" ")}`,
    );
  }
  return parsed.testResults
    .map((file): TestFileResult => {
      const count = (status: string) =>
        file.assertionResults.filter((a) => a.status === status).length;
      const failures = file.assertionResults
        .filter((a) => a.status === "failed")
        .map((a) => `${a.fullName}: ${firstLine(a.failureMessages?.[0] ?? "")}`);
      const loadFailure = file.status === "failed" && failures.length === 0;
      return {
        file: file.name,
        passed: count("passed"),
        failed: count("failed") + (loadFailure ? 1 : 0),
        skipped: count("skipped") + count("pending") + count("todo"),
        ms: (file.endTime ?? 0) - (file.startTime ?? 0),
        failures: loadFailure ? [firstLine(file.message ?? "failed to run")] : failures,
        passedTests: file.assertionResults
          .filter((a) => a.status === "passed")
          .map((a) => a.fullName),
        tests: file.assertionResults.map((a) => ({
          fullName: a.fullName,
          status: a.status,
          ms: a.duration ?? 0,
          ...(a.status === "failed" ? { failure: firstLine(a.failureMessages?.[0] ?? "") } : {}),
        })),
      };
    })
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

/** Runs node with `args`; resolves with its stderr whatever the exit code (failures are in the report). */
function spawnNode(args: readonly string[], cwd: string): Promise<string> {
  // Variables of an enclosing vitest run (npm test runs this too) must not reach the child.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "TEST"),
  );
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", () => resolvePromise(stderr));
  });
}
