/**
 * The corpus check of `npm run corpus -- --generate`, run by `npm test`: every page of
 * ../shared/corpus goes through the real pipeline; each English API 3.0 action page (MANIFEST kind
 * "action") must come out generated, type-checked under tsc --strict, lint-clean, and with
 * passing example tests against its generated mock; every page that is not an action, data types
 * or common error codes page must be refused with exactly one error; and every example of every
 * generated action is sent by its generated test and answered as documented (counted and
 * printed). Skipped with a notice when the corpus is absent.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCorpus, type CorpusCheck } from "../../generator/cli/corpus/check-corpus.js";
import { formatTally } from "../../generator/cli/corpus/tally-examples.js";
import { sharedPath } from "../shared-folder.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const { path: CORPUS, present } = sharedPath("corpus generation check", "corpus");

const manifest = present
  ? readFileSync(join(CORPUS, "MANIFEST.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split("\t"))
      .map(([id = "", , , , kind = ""]) => ({ id, kind }))
  : [];

const kindOf: Record<string, string> = {
  action: "action",
  datatypes: "dataTypes",
  "common-errors": "commonErrors",
};

describe.skipIf(!present)("the corpus generated, type-checked, linted and example-tested", () => {
  let result: CorpusCheck;
  // A folder of its own (inside the repository, so generated tests resolve its node_modules):
  // other checkouts' test runs may be generating at the same time.
  let outDir: string;
  beforeAll(async () => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    outDir = mkdtempSync(join(REPO_ROOT, "tmp", "corpus-check-"));
    result = await checkCorpus({
      folder: CORPUS,
      generate: true,
      outDir,
      lint: true,
      repoRoot: REPO_ROOT,
    });
  }, 600_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const outcome = (id: string) => {
    const page = result.pages.find((p) => basename(p.file, ".md") === id);
    if (page === undefined) throw new Error(`${id} is not in the result`);
    return page;
  };

  it.each(manifest.filter((m) => m.kind === "action"))("$id is done", ({ id }) => {
    const page = outcome(id);
    expect(page.kind).toBe("action");
    expect(page.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    if (page.keptInstead !== undefined) {
      // A dropped duplicate: the page that won must itself be done (checked by its own row).
      expect(page.diagnostics.map((d) => d.code)).toContain("TCG051");
      return;
    }
    expect(page.packageName).toBeDefined();
    expect(page.typeErrors).toEqual([]);
    expect(page.lintProblems).toEqual([]);
    expect(page.tests?.failures).toEqual([]);
    expect(page.tests?.passed).toBeGreaterThan(0);
  });

  it.each(manifest.filter((m) => kindOf[m.kind] === undefined || m.kind === "action"))(
    "$id ($kind) is recognised as its manifest kind or refused with one error",
    ({ id, kind }) => {
      const page = outcome(id);
      const want = kindOf[kind];
      if (want !== undefined) return expect(page.kind).toBe(want);
      expect(page.kind).toBe("rejected");
      expect(page.diagnostics).toHaveLength(1);
      expect(page.diagnostics[0]?.severity).toBe("error");
    },
  );

  it("sends every example of every page and gets its documented output (issue 11)", () => {
    const tally = result.examples;
    if (tally === undefined) throw new Error("the corpus check counted no examples");
    // Printed so that a run shows what was checked, not only that it passed.
    console.log(`corpus: ${formatTally(tally)}`);
    expect(tally.rejections).toEqual([]);
    expect(tally.sent).toBe(tally.examples);
    expect(tally.answered).toBe(tally.examples);
    expect(tally.examples).toBeGreaterThan(100);
  });

  it("generates one package per service, every one type-checked and tested", () => {
    const packages = new Set(result.pages.flatMap((p) => p.packageName ?? []));
    expect(packages.size).toBeGreaterThan(30);
    const tested = result.pages.filter((p) => p.tests !== undefined);
    expect(tested.length).toBeGreaterThan(90);
  });
});
