/**
 * Pages read and parsed in this thread and a worker beside it give exactly what this thread alone
 * gives, in the order of the files: parsed pages, diagnostics, and refused pages' load errors.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readPagesInParallel } from "../../generator/parse/read-pages-in-parallel.js";

const FIXTURES = fileURLToPath(new URL("../fixtures", import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), "tcgen-parallel-parse-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every Markdown fixture of the test suite, and three refused: binary text, missing, a folder. */
function pageFiles(): string[] {
  const pages = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(FIXTURES, name));
  const broken = path.join(scratch, "broken.md");
  writeFileSync(broken, "# A page\n\n| a | b |\n| --- |\n| \u0000 |\n");
  return [...pages, broken, path.join(scratch, "missing.md"), scratch];
}

/** Holds this thread ~20 ms per page, so that the worker surely starts and takes pages. */
function slowly(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
}

describe("reading and parsing pages in a worker thread too", () => {
  const files = pageFiles();

  it("gives the outcomes this thread alone gives, in file order", async () => {
    expect(files.length).toBeGreaterThan(40);
    const alone = await readPagesInParallel(files, { threads: 0 });
    const together = await readPagesInParallel(files, { threads: 1, between: slowly });
    expect(alone.workerPages).toBe(0);
    // The worker really parsed (a worker that cannot start would leave every page to this one).
    expect(together.workerPages).toBeGreaterThan(0);
    expect(together.outcomes).toEqual(alone.outcomes);
    expect(JSON.stringify(together.outcomes)).toBe(JSON.stringify(alone.outcomes));
    const refused = together.outcomes.filter((outcome) => outcome.refused === true);
    expect(refused.map((outcome) => outcome.diagnostics[0]?.code)).toEqual([
      "TCG002",
      "TCG001",
      "TCG001",
    ]);
  }, 60_000);

  it("parses a few pages in this thread only (a worker's start would cost more)", async () => {
    const few = files.slice(0, 3);
    const result = await readPagesInParallel(few, { threads: 1, between: slowly });
    expect(result.workerPages).toBe(0);
    expect(result.outcomes).toEqual((await readPagesInParallel(few, { threads: 0 })).outcomes);
  });
});
