/**
 * Issue 10's reproductions, one fixture page each (test/fixtures/hostile): through the CLI, tcgen
 * answers every one with diagnostics (never "internal error", never a raw terminal escape); the
 * pages with names outside the grammar are refused; the others generate packages that type-check,
 * lint clean and pass their own generated tests; no payload's canary file ever appears, and
 * nothing outside --out changes.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCorpus, type CorpusCheck } from "../../generator/cli/corpus/check-corpus.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = join(REPO_ROOT, "test", "fixtures", "hostile");
const TSX = join(REPO_ROOT, "node_modules", ".bin", "tsx");

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let work: string;
let cli: CliRun;
let corpus: CorpusCheck;

beforeAll(async () => {
  mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
  work = mkdtempSync(join(REPO_ROOT, "tmp", "hostile-"));
  cpSync(FIXTURES, join(work, "pages"), { recursive: true });
  const main = join(REPO_ROOT, "generator", "cli", "main.ts");
  const args = [main, "generate", "--specs", "pages", "--out", "out"];
  cli = await promisify(execFile)(TSX, args, { cwd: work }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  corpus = await checkCorpus({
    folder: join(work, "pages"),
    generate: true,
    outDir: join(work, "check"),
    lint: true,
    repoRoot: REPO_ROOT,
  });
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const outcome = (file: string) => {
  const found = corpus.pages.find((p) => p.file.endsWith(`/${file}`));
  if (found === undefined) throw new Error(`no outcome for ${file}`);
  return found;
};
const errorCodes = (file: string) =>
  outcome(file)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => d.code);

describe("hostile pages through tcgen generate", () => {
  it("end in diagnostics and exit 1, never an internal error or a raw escape", () => {
    expect(cli.code).toBe(1);
    expect(`${cli.stdout}${cli.stderr}`).not.toMatch(/internal error/i);
    // eslint-disable-next-line no-control-regex
    expect(`${cli.stdout}${cli.stderr}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(cli.stderr).toContain("\\u001b");
  });

  it.each([
    ["f1-host-header.md", "TCG090"],
    ["f2-action-from-example.md", "TCG014"],
    ["f3-attacker-host.md", "TCG090"],
    ["f5-empty-label-host.md", "TCG090"],
    ["f5-host-space.md", "TCG016"],
    ["f5-host-dash.md", "TCG090"],
  ])("refuses %s with %s", (file, code) => {
    expect(errorCodes(file)).toEqual([code]);
    expect(outcome(file).packageName).toBeUndefined();
  });

  it("generates only the packages of the pages in the grammar", () => {
    expect(
      readdirSync(join(work, "out"))
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(["ansi", "deep", "numbers", "pollute", "recursive", "typecells"].sort());
  });

  it.each([
    "f4-proto-pollution.md",
    "f5-type-cells.md",
    "f5-deep-json.md",
    "f5-recursive.md",
    "f8-ansi.md",
    "f8-numbers.md",
  ])("%s: its package type-checks, lints clean and passes its own generated tests", (file) => {
    const page = outcome(file);
    expect(errorCodes(file)).toEqual([]);
    expect(page.typeErrors).toEqual([]);
    expect(page.lintProblems).toEqual([]);
    expect(page.tests?.failures).toEqual([]);
    expect(page.tests?.passed).toBeGreaterThan(0);
  });

  it("never lets a payload run or write outside --out", () => {
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    for (const folder of [REPO_ROOT, work, join(work, "out"), join(work, "check")]) {
      expect(readdirSync(folder).filter((f) => f.startsWith("CANARY"))).toEqual([]);
    }
    expect(readdirSync(work).sort()).toEqual(["check", "out", "pages"]);
    expect(existsSync(join(work, "pages", "f1-host-header.md"))).toBe(true);
  });
});
