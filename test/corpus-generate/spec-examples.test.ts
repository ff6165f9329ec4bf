/**
 * Every example of every page in specs/ (issue 11): generated, type-checked (each request of the
 * generated example data against the generated request type), and sent by the example-test
 * harness to the generated mock, which answers the documented output. The seed's example, which leaves out
 * the required DstInfo.Region, is sent as written. Counted and printed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCorpus, type CorpusCheck } from "../../generator/cli/corpus/check-corpus.js";
import { formatTally } from "../../generator/cli/corpus/tally-examples.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("every example of specs/", () => {
  let result: CorpusCheck;
  let outDir: string;
  beforeAll(async () => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    outDir = mkdtempSync(join(REPO_ROOT, "tmp", "spec-examples-"));
    result = await checkCorpus({
      folder: join(REPO_ROOT, "specs"),
      generate: true,
      outDir,
      lint: false,
      repoRoot: REPO_ROOT,
    });
  }, 300_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("is sent as written and answered as documented, type-checked against the request type", () => {
    const tally = result.examples;
    if (tally === undefined) throw new Error("the check counted no examples");
    console.log(`specs: ${formatTally(tally)}`);
    expect(tally.rejections).toEqual([]);
    expect(tally.examples).toBeGreaterThan(0);
    expect(tally.sent).toBe(tally.examples);
    expect(tally.answered).toBe(tally.examples);
    expect(result.pages.flatMap((p) => p.typeErrors)).toEqual([]);
  });

  it("sends the seed's example without DstInfo.Region, as the page writes it", () => {
    const data = readFileSync(
      join(outDir, "packages", "dts", "test", "v20180330", "examples.ts"),
      "utf8",
    );
    expect(data).toMatch(/DstInfo: \{ ReadOnly: 0 \},\s*\} satisfies ModifyMigrateJobRequest,/);
    expect(data).not.toContain("notSent");
    expect(data).not.toContain("placeholder");
  });
});
