/**
 * tcgen's command line end to end, through the package's bin (node bin/tcgen.js) in child
 * processes: --version, --help of every command listing every option, the exit-code rule (0 ok,
 * 1 page errors or drift, 2 usage), one-line errors without stack traces, progress and the
 * closing summary on stderr, and stdout holding only data for --json.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS_DOC } from "../../generator/cli/corpus.js";
import { DIFF_DOC } from "../../generator/cli/diff-command.js";
import { GENERATE_DOC } from "../../generator/cli/generate-command.js";
import { MOCK_DOC } from "../../generator/cli/mock-command.js";
import { PARSE_DOC } from "../../generator/cli/parse-command.js";
import { linesOf, REPO_ROOT, runCorpus, runTcgen } from "./run-tcgen.js";

const version = (
  JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    version: string;
  }
).version;
const docs = [PARSE_DOC, GENERATE_DOC, DIFF_DOC, MOCK_DOC];
const SEED = "specs/dts";
const REFUSED_PAGE = "test/fixtures/parse/_error_/prose-page/input.md";
/** The seed's pages, counted here as the load phase finds them (*.md at any depth). */
const SEED_PAGES = readdirSync(join(REPO_ROOT, SEED), { recursive: true }).filter((name) =>
  String(name).endsWith(".md"),
).length;

/** One line on stderr, naming the command and pointing at its --help; no stack, no "internal". */
function expectOneLineError(stderr: string, command: string, message: string): void {
  const lines = linesOf(stderr);
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toContain(`${command}: `);
  expect(lines[0]).toContain(message);
  expect(stderr).not.toContain("internal error");
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe("tcgen --version and --help", () => {
  it("--version prints the package version and exits 0", async () => {
    const run = await runTcgen(["--version"]);
    expect(run).toEqual({ code: 0, stdout: `tcgen ${version}\n`, stderr: "" });
  });

  it("npx tcgen runs the bin from the repository", async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile("npx", ["--no-install", "tcgen", "--version"], { cwd: REPO_ROOT }, (e, out) =>
        e === null ? resolve(out) : reject(e),
      );
    });
    expect(stdout).toBe(`tcgen ${version}\n`);
  }, 60_000);

  it("a bare tcgen prints the help on stderr and exits 2; --help prints it on stdout, 0", async () => {
    const bare = await runTcgen([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("Usage: tcgen <command>");
    const help = await runTcgen(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(bare.stderr);
    for (const doc of docs) expect(help.stdout).toMatch(new RegExp(`^  ${doc.name} +\\S`, "m"));
  });

  it.each(docs.map((doc) => [doc.name, doc] as const))(
    "%s --help exits 0 and explains every option",
    async (name, doc) => {
      for (const args of [
        [name, "--help"],
        [name, "-h"],
        ["help", name],
      ]) {
        const run = await runTcgen(args);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe("");
        expect(run.stdout.startsWith(`Usage: tcgen ${name}`)).toBe(true);
        for (const [option, spec] of Object.entries(doc.options)) {
          // The option's label, then at least the first words of its explanation.
          expect(run.stdout).toContain(`--${option}`);
          const firstWords = spec.help.split(" ").slice(0, 3).join(" ");
          expect(run.stdout).toContain(firstWords);
        }
        expect(run.stdout).toContain("Exit codes:");
      }
    },
    30_000,
  );

  it("generate --help explains --verbose", async () => {
    const run = await runTcgen(["generate", "--help"]);
    const verbose = run.stdout.split("\n").find((line) => /^ +--verbose/.test(line));
    expect(verbose).toMatch(/--verbose +Also print each phase's time/);
  });
});

describe("exit code 2: one line for a command line that cannot be carried out", () => {
  it("an unknown command or option", async () => {
    const command = await runTcgen(["frobnicate"]);
    expect(command.code).toBe(2);
    expectOneLineError(command.stderr, "tcgen", 'unknown command "frobnicate"');
    for (const doc of docs) {
      const run = await runTcgen([doc.name, "--nope"]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `tcgen ${doc.name}: unknown option --nope. See: tcgen ${doc.name} --help\n`,
      );
    }
  }, 30_000);

  it("an option without its value, and a boolean given one", async () => {
    const missing = await runTcgen(["generate", "--out"]);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr, "tcgen generate", "--out needs a value");
    const extra = await runTcgen(["parse", "--json=yes", SEED]);
    expect(extra.code).toBe(2);
    expectOneLineError(extra.stderr, "tcgen parse", "--json takes no value");
  });

  it("generate with a missing specs folder (not 'up to date')", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "tcgen-cli-")), "out");
    const run = await runTcgen(["generate", "--specs", "no/such/specs", "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expectOneLineError(
      run.stderr,
      "tcgen generate",
      '--specs "no/such/specs": no such file or folder',
    );
  });

  it("parse and mock with a missing folder; mock without --specs does not start", async () => {
    const parse = await runTcgen(["parse", "no/such/page.md"]);
    expect(parse.code).toBe(2);
    expectOneLineError(parse.stderr, "tcgen parse", '"no/such/page.md": no such file or folder');
    const noSpecs = await runTcgen(["mock", "--port", "0"]);
    expect(noSpecs.code).toBe(2);
    expect(noSpecs.stdout).toBe("");
    expectOneLineError(noSpecs.stderr, "tcgen mock", "--specs DIR is required");
    const missing = await runTcgen(["mock", "--specs", "no/such/specs"]);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr, "tcgen mock", "no such file or folder");
  });

  it("mock with a bad --port, --cors-origin or half a key pair", async () => {
    for (const [args, message] of [
      [["--port", "http"], "--port must be an integer from 0 to 65535"],
      [["--port", "70000"], "--port must be an integer from 0 to 65535"],
      [["--cors-origin", "localhost:5173"], "is not an origin"],
      [["--secret-id", "AKIDx"], "give both a secret id and a secret key"],
    ] as const) {
      const run = await runTcgen(["mock", "--specs", SEED, ...args]);
      expect(run.code, run.stderr).toBe(2);
      expectOneLineError(run.stderr, "tcgen mock", message);
    }
  });

  it("diff without its sides", async () => {
    const run = await runTcgen(["diff", SEED]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, "tcgen diff", "give OLD and NEW");
  });
});

describe("stdout is data, stderr is for people", () => {
  it("parse --json: stdout is exactly the IR as JSON, diagnostics are a JSON array on stderr", async () => {
    const run = await runTcgen(["parse", SEED, "--json"]);
    expect(run.code).toBe(0);
    const ir = JSON.parse(run.stdout) as { services: { name: string }[] };
    expect(ir.services.map((s) => s.name)).toEqual(["dts"]);
    const diagnostics = JSON.parse(run.stderr) as { severity: string }[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
  });

  it("parse exits 1 when a page has an error", async () => {
    const run = await runTcgen(["parse", SEED, REFUSED_PAGE]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("action ModifyMigrateJob");
  });
});

describe("progress and the closing summary", () => {
  const summaryLine = (stderr: string, label: string): string | undefined =>
    linesOf(stderr).find((line) => line.startsWith(`${label}: `) && line.includes("read, "));

  it("generate: progress lines with --progress, none without; a summary with counts by code", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "tcgen-cli-")), "generated");
    const quiet = await runTcgen(["generate", "--specs", SEED, "--out", out]);
    expect(quiet.code, quiet.stderr).toBe(0);
    const quietLines = linesOf(quiet.stderr).filter((line) => line.startsWith("tcgen generate: "));
    expect(quietLines).toEqual([summaryLine(quiet.stderr, "tcgen generate")]);
    const pages = (await runTcgen(["parse", SEED, "--json"])).stderr;
    const warnings = (JSON.parse(pages) as { code: string }[]).map((d) => d.code);
    const counted = [...new Set(warnings)]
      .sort()
      .map((code) => `${code}x${warnings.filter((c) => c === code).length}`)
      .join(" ");
    expect(summaryLine(quiet.stderr, "tcgen generate")).toBe(
      `tcgen generate: ${SEED_PAGES} page(s) read, 1 action(s) generated in 1 package(s), 0 page(s) refused; warnings: ${counted}; errors: none`,
    );

    const loud = await runTcgen(["generate", "--specs", SEED, "--out", `${out}2`, "--progress"]);
    expect(loud.code, loud.stderr).toBe(0);
    // One line per step as the pipeline reports them (which steps is the pipeline's business).
    const steps = linesOf(loud.stderr).filter(
      (line) =>
        line.startsWith("tcgen generate: ") && line !== summaryLine(loud.stderr, "tcgen generate"),
    );
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps).toContain(`tcgen generate: parse ${SEED_PAGES} page(s)`);
    expect(steps.some((line) => line.includes("package"))).toBe(true);
    // The progress comes before the diagnostics and the summary closes the output.
    expect(linesOf(loud.stderr).at(-1)).toBe(summaryLine(loud.stderr, "tcgen generate"));

    const check = await runTcgen([
      "generate",
      "--specs",
      SEED,
      "--out",
      out,
      "--check",
      "--format",
      "json",
    ]);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ upToDate: true, files: [] });
  }, 60_000);

  it("generate: a refused page is counted with its error codes, exit 1", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "tcgen-cli-")), "generated");
    const run = await runTcgen([
      "generate",
      "--specs",
      SEED,
      "--specs",
      REFUSED_PAGE,
      "--out",
      out,
    ]);
    expect(run.code).toBe(1);
    const summary = summaryLine(run.stderr, "tcgen generate") ?? "";
    expect(summary).toContain(
      `${SEED_PAGES + 1} page(s) read, 1 action(s) generated in 1 package(s), 1 page(s) refused`,
    );
    expect(summary).toMatch(/; errors: TCG\d+x1$/);
  }, 60_000);

  it("corpus: help, a usage error, progress lines and the summary", async () => {
    const help = await runCorpus(["--help"]);
    expect(help.code).toBe(0);
    for (const option of Object.keys(CORPUS_DOC.options))
      expect(help.stdout).toContain(`--${option}`);
    const bad = await runCorpus(["--nope"]);
    expect(bad.code).toBe(2);
    expectOneLineError(bad.stderr, "npm run corpus", "unknown option --nope");
    const missing = await runCorpus(["no/such/corpus"]);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr, "npm run corpus", "no such file or folder");

    const run = await runCorpus([SEED, "--progress"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("ok: all 1 action pages parsed");
    expect(run.stderr).toContain(`corpus: parse 0/${SEED_PAGES} pages`);
    expect(summaryLine(run.stderr, "corpus")).toContain(`corpus: ${SEED_PAGES} page(s) read`);
    expect(summaryLine(run.stderr, "corpus")).toMatch(
      /^corpus: \d+ page\(s\) read, 0 action\(s\) generated in 0 package\(s\), 0 page\(s\) refused; warnings: (TCG\d+x\d+ ?)+; errors: none$/,
    );
  }, 60_000);
});
