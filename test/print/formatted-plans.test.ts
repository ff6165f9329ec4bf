/**
 * The print phase does not format plans of kind "formatted" (the package README, and a changelog
 * whose new entry prettier would leave as it is): right only while each is exactly what prettier
 * prints, for the fixtures and every package of the corpus.
 */
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import type { PlannedFile } from "../../generator/emit/planned-file.js";
import type { Ir } from "../../generator/ir/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";
import { sharedPath } from "../shared-folder.js";
import { changedByPrettier } from "./prettier-fixed-point.js";

function formattedPlans(ir: Ir): PlannedFile[] {
  return emitPackages(ir).filter((f) => f.plan.kind === "formatted");
}

describe("plans laid out as prettier would", () => {
  it.each(["dts-seed", "edge-cases", "widened"])(
    "%s: READMEs and changelogs need no formatting",
    async (name) => {
      const files = formattedPlans(loadFixtureIr(name));
      const names = files.map((f) => f.path.split("/").slice(1).join("/"));
      expect(names).toContain("README.md");
      expect(names).toContain("CHANGELOG.md");
      expect(await changedByPrettier(files)).toEqual([]);
    },
  );

  const corpus = sharedPath("README layout over the corpus", "corpus");
  it.skipIf(!corpus.present)(
    "the corpus: no package README or changelog needs formatting",
    async () => {
      const { ir } = await runPipeline({ inputs: [corpus.path] });
      const files = formattedPlans(ir);
      // A README and a first changelog entry per package.
      expect(files.length).toBe(2 * ir.services.length);
      expect(await changedByPrettier(files)).toEqual([]);
    },
    120_000,
  );
});
