/**
 * Every page of ../shared/corpus is parsed: English API 3.0 action pages and data types pages
 * without errors (warnings are allowed and counted), common error pages accepted as such, and
 * every other page refused with exactly one error. Skipped with a notice when the corpus is absent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import { loadPages } from "../../generator/load/load-pages.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { sharedPath } from "../shared-folder.js";

const { path: corpus, present } = sharedPath("corpus test", "corpus");

const expectedKind: Record<string, string> = {
  action: "action",
  datatypes: "dataTypes",
  "common-errors": "commonErrors",
};

describe.skipIf(!present)("corpus", () => {
  const manifest = present
    ? readFileSync(join(corpus, "MANIFEST.tsv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split("\t"))
        .map(([id = "", , , , kind = ""]) => ({ id, kind }))
    : [];

  it.each(manifest)("$id ($kind)", async ({ id, kind }) => {
    const { pages } = await loadPages([join(corpus, `${id}.md`)]);
    const result = parsePages(pages);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    const want = expectedKind[kind];
    if (want !== undefined) {
      expect(errors).toEqual([]);
      expect(result.pages.map((p) => p.kind)).toEqual([want]);
    } else {
      expect(result.pages).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(result.diagnostics).toHaveLength(1);
    }
  });

  it("builds one IR from the whole corpus, with no errors and a JSON-stable result", async () => {
    const { pages } = await loadPages([corpus]);
    const parsed = parsePages(pages);
    const built = buildIr(parsed.pages);
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(JSON.parse(JSON.stringify(built.ir))).toEqual(built.ir);
    const dts = built.ir.services.find((s) => s.name === "dts")?.versions[0];
    expect(dts?.actions.map((a) => a.name)).toContain("ModifyMigrateJob");
  });
});
