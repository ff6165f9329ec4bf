/**
 * `tcgen parse` end to end, as a user runs it: the IR on stdout, diagnostics on stderr, the exit
 * code saying whether any page had an error.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const seedPages = [
  "specs/dts/2018-03-30/ModifyMigrateJob.md",
  "specs/dts/2018-03-30/data-types.md",
];

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function tcgen(args: readonly string[]): Promise<CliRun> {
  const tsx = join(root, "node_modules", ".bin", "tsx");
  return new Promise((resolve) => {
    execFile(tsx, ["generator/cli/main.ts", ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe("tcgen parse", () => {
  it("--json prints the golden seed IR and the four seed warnings as data, exit 0", async () => {
    const run = await tcgen(["parse", ...seedPages, "--json"]);
    expect(run.code).toBe(0);
    const golden = readFileSync(join(root, "test", "golden", "ir", "dts-2018-03-30.json"), "utf8");
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(golden));
    const diagnostics = JSON.parse(run.stderr) as { code: string; severity: string }[];
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([
      "warning TCG030",
      "warning TCG044",
      "warning TCG077",
      "warning TCG040",
    ]);
  }, 30_000);

  it("--strict turns the warnings into errors and exits 1", async () => {
    const run = await tcgen(["parse", ...seedPages, "--strict"]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines)
      expect(line).toMatch(/^specs\/dts\/2018-03-30\/\S+:\d+:\d+ error TCG0\d\d /);
  }, 30_000);

  it("exits 1 with one error for a refused page and still prints the other pages", async () => {
    const refused = "test/fixtures/parse/_error_/prose-page/input.md";
    const run = await tcgen(["parse", seedPages[0] ?? "", refused]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("action ModifyMigrateJob");
    const errors = run.stderr.split("\n").filter((line) => line.includes(" error "));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^test\/fixtures\/parse\/_error_\/prose-page\/input\.md:\d+:\d+ error /,
    );
  }, 30_000);
});
