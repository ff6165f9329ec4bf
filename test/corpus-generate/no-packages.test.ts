import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCorpus } from "../../generator/cli/corpus/check-corpus.js";
import { REPO_ROOT } from "../emit/emit-fixture.js";

describe("checkCorpus --generate on pages that give no package", () => {
  it("reports each page instead of failing on the missing packages folder", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tcgen-no-packages-"));
    writeFileSync(join(folder, "notes.md"), "# Notes\n\nNot an API page.\n");
    const result = await checkCorpus({
      folder,
      generate: true,
      outDir: mkdtempSync(join(tmpdir(), "tcgen-no-packages-out-")),
      lint: true,
      repoRoot: REPO_ROOT,
    });
    expect(result.pages.map((p) => p.kind)).toEqual(["rejected"]);
    expect(result.pages[0]?.diagnostics.length).toBeGreaterThan(0);
    expect([...result.phaseMs.keys()]).toEqual(["parse", "generate"]);
  });
});
