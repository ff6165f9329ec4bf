/**
 * The print phase does not format plans of kind "formatted" (the package README): right only
 * while each is exactly what prettier prints, for the fixtures and every package of the corpus.
 */
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import type { PlannedFile } from "../../generator/emit/planned-file.js";
import type { Ir } from "../../generator/ir/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import { withGeneratedHeader } from "../../generator/print/generated-header.js";
import { PRETTIER_OPTIONS } from "../../generator/print/prettier-options.js";
import { renderPlan } from "../../generator/print/render-plans.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";
import { sharedPath } from "../shared-folder.js";

function formattedPlans(ir: Ir): PlannedFile[] {
  return emitPackages(ir).filter((f) => f.plan.kind === "formatted");
}

/** The files that formatting would change. */
async function unformatted(files: readonly PlannedFile[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) {
    const content = withGeneratedHeader(file.path, renderPlan(file.plan));
    const fileName = file.path.slice(file.path.lastIndexOf("/") + 1);
    const formatted = await format(content, { ...PRETTIER_OPTIONS, filepath: fileName });
    if (formatted !== content) changed.push(file.path);
  }
  return changed;
}

describe("plans laid out as prettier would", () => {
  it.each(["dts-seed", "edge-cases", "widened"])("%s: READMEs need no formatting", async (name) => {
    const files = formattedPlans(loadFixtureIr(name));
    expect(files.map((f) => f.path.split("/").slice(1).join("/"))).toContain("README.md");
    expect(await unformatted(files)).toEqual([]);
  });

  const corpus = sharedPath("README layout over the corpus", "corpus");
  it.skipIf(!corpus.present)(
    "the corpus: no package README needs formatting",
    async () => {
      const { ir } = await runPipeline({ inputs: [corpus.path] });
      const files = formattedPlans(ir);
      expect(files.length).toBe(ir.services.length);
      expect(await unformatted(files)).toEqual([]);
    },
    120_000,
  );
});
