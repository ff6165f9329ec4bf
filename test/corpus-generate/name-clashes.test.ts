/**
 * Names that clash with generated names (DescribeThingsRequest, ClashClient, validateSpec,
 * TencentCloudError), with globals (Error, Promise), with each other (Name/name), with keywords
 * (class, default, delete, in, enum) and names that are no identifiers (Foo-Bar, 1stValue) go
 * through the whole pipeline and the corpus check (tsc --strict, eslint, example tests against
 * the mock) from Markdown pages in test/fixtures/parse/name-clashes, with wire names unchanged.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCorpus, type CorpusCheck } from "../../generator/cli/corpus/check-corpus.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = join(REPO_ROOT, "test", "fixtures", "parse", "name-clashes");

describe("clashing names through the whole pipeline", () => {
  let result: CorpusCheck;
  // A folder of its own inside the repository (generated tests resolve its node_modules).
  let out: string;
  beforeAll(async () => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    out = mkdtempSync(join(REPO_ROOT, "tmp", "name-clashes-check-"));
    result = await checkCorpus({
      folder: FIXTURE,
      generate: true,
      outDir: out,
      lint: true,
      repoRoot: REPO_ROOT,
    });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const actionPage = () => {
    const page = result.pages.find((p) => p.kind === "action");
    if (page === undefined) throw new Error("the fixture's action page was not read");
    return page;
  };

  it("reads both pages without a diagnostic", () => {
    expect(result.pages.map((p) => p.kind).sort()).toEqual(["action", "dataTypes"]);
    expect(result.pages.flatMap((p) => p.diagnostics)).toEqual([]);
  });

  it("type-checks, lints clean and passes its generated example tests", () => {
    const page = actionPage();
    expect(page.packageName).toBe("clash");
    expect(page.typeErrors).toEqual([]);
    expect(page.lintProblems).toEqual([]);
    expect(page.tests?.failures).toEqual([]);
    // The example and each of the three documented error codes (plus a common-code sample).
    expect(page.tests?.passed).toBeGreaterThanOrEqual(4);
  });

  it("keeps every wire name as documented in the generated types", () => {
    const types = readFileSync(
      join(out, "packages", "clash", "src", "v20210101", "types.ts"),
      "utf8",
    );
    for (const wire of [
      "class",
      "Foo-Bar",
      "1stValue",
      "constructor",
      "toString",
      "Name",
      "name",
    ]) {
      expect(types).toMatch(new RegExp(`^\\s*(readonly )?("${wire}"|${wire})\\?{0,1}:`, "m"));
    }
    for (const wire of ["default", "in", "then", "enum", "delete", "message", "code"]) {
      expect(types).toMatch(new RegExp(`^\\s*(readonly )?("${wire}"|${wire})\\?{0,1}:`, "m"));
    }
  });
});
