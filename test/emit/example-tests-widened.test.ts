/**
 * The docs' own examples through the whole pipeline (issue 11, item 4): test/fixtures/parse/
 * example-widening has a page whose examples contradict its tables in each way real docs do (a
 * scalar for a list, a misspelt name, a newer field, a required structure field left out, a value
 * of another type, a key that is no parameter name). Want: the package type-checks (each example's
 * request literal against its type in the example data), every example is sent as written by the
 * generated tests and answered with its documented output by the generated mock, and no generated test
 * asserts a rejection.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCorpus, type CorpusCheck } from "../../generator/cli/corpus/check-corpus.js";
import { formatTally } from "../../generator/cli/corpus/tally-examples.js";
import { REPO_ROOT } from "./emit-fixture.js";

describe("examples that contradict their page", () => {
  let result: CorpusCheck;
  let out: string;
  let testFile: string;
  beforeAll(async () => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    out = mkdtempSync(join(REPO_ROOT, "tmp", "example-widening-"));
    result = await checkCorpus({
      folder: join(REPO_ROOT, "test", "fixtures", "parse", "example-widening"),
      generate: true,
      outDir: out,
      lint: true,
      repoRoot: REPO_ROOT,
    });
    testFile = readFileSync(
      join(out, "packages", "widen", "test", "v20210601", "examples.ts"),
      "utf8",
    );
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("are each sent and answered as documented, in a package that type-checks and lints", () => {
    const page = result.pages.find((p) => p.kind === "action");
    expect(page?.typeErrors).toEqual([]);
    expect(page?.lintProblems).toEqual([]);
    expect(page?.tests?.failures).toEqual([]);
    expect(result.examples?.rejections).toEqual([]);
    expect(result.examples && formatTally(result.examples)).toBe(
      "3 examples from 1 page: 3 sent, 3 answered as documented; 0 example rejections",
    );
  });

  it("report each widening as a warning", () => {
    const codes = result.pages.flatMap((p) => p.diagnostics.map((d) => d.code)).sort();
    expect(codes).toEqual(["TCG042", "TCG043", "TCG043", "TCG075", "TCG076", "TCG077"]);
  });

  it("send the misspelt name under the documented one, and the other keys as written", () => {
    expect(testFile).toContain('Placement: { Zone: "ap-guangzhou-3" }');
    expect(testFile).not.toContain("Placment");
    expect(testFile).toContain('InstanceIds: "ins-1"');
    expect(testFile).toContain("DryRun: true");
    expect(testFile).toContain('Count: "two"');
  });

  it("send a key that is no name with allowUnknownFields, to a mock that allows it", () => {
    expect(testFile).toContain('"x-trace": "t"');
    // The harness sends such an example with the option, to a mock started with it.
    expect(testFile).toMatch(/"x-trace": "t"[^]*?\},\s*allowUnknownFields: true,/);
    expect(testFile).not.toMatch(/validator rejects|toBe\(false\)|placeholder/);
  });
});
