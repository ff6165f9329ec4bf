/**
 * Page shapes real docs use (issue 11, item 5), each on a fixture page in
 * test/fixtures/parse/page-shapes: given the page, want what tcgen reads from it. Each case names
 * what tcgen did before.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import { planVersionNames } from "../../generator/emit/naming/plan-names.js";
import type { Field } from "../../generator/ir/types.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import type { ParsedPage } from "../../generator/parse/parsed-page.js";
import { REPO_ROOT } from "../emit/emit-fixture.js";
import { asAction } from "./helpers.js";

const FOLDER = join(REPO_ROOT, "test", "fixtures", "parse", "page-shapes");

function fixture(name: string): { file: string; text: string } {
  return { file: `${name}.md`, text: readFileSync(join(FOLDER, `${name}.md`), "utf8") };
}

function parse(...pages: { file: string; text: string }[]) {
  const result = parsePages(pages);
  return { ...result, codes: result.diagnostics.map((d) => d.code) };
}

const names = (fields: readonly Field[]) => fields.map((f) => f.name);

describe("page shapes", () => {
  it("a section heading one level deeper (### 2. Input Parameters among ##) is read (was: page refused)", () => {
    const { pages, codes } = parse(fixture("deeper-section"));
    const page = asAction(pages[0]);
    expect(page.action.name).toBe("DoThing");
    expect(page.version).toBe("2020-01-01");
    expect(names(page.action.input)).toEqual(["InstanceId"]);
    expect(names(page.action.output)).toEqual(["RequestId"]);
    expect(codes.filter((c) => c.startsWith("TCG01"))).toEqual([]);
  });

  it("an Action row labelled as a second Version row is read as the Action row (was: 'no Version row')", () => {
    const { pages, diagnostics } = parse(fixture("action-row-labelled-version"));
    const page = asAction(pages[0]);
    expect(page.action.name).toBe("DoThing");
    expect(page.version).toBe("2020-01-01");
    expect(names(page.action.input)).toEqual(["InstanceId"]);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "TCG110 row is labelled Version, but its description gives the Action value; read it as the Action row",
    ]);
  });

  it("a cell continued over lines is joined to the cell above, with no junk property (was: one property per line)", () => {
    const { pages, codes } = parse(fixture("continued-cell"));
    const input = asAction(pages[0]).action.input;
    expect(names(input)).toEqual(["ProjectId", "Name"]);
    expect(input[0]?.description).toBe(
      "The project ID.\nQuery the project ID via the project list.\nUse 0 for the default project.",
    );
    expect(input[0]?.type).toEqual({ kind: "primitive", name: "integer", docType: "Integer" });
    expect(codes).toEqual(["TCG112"]);
  });

  it("a row starting with || keeps its parameter (was: dropped, with TCG031 and TCG034)", () => {
    const { pages, codes } = parse(fixture("leading-empty-cell"));
    const input = asAction(pages[0]).action.input;
    expect(input.map((f) => [f.name, f.required, f.type.docType])).toEqual([
      ["InstanceId", true, "String"],
      ["Name", false, "String"],
    ]);
    expect(input[0]?.description).toBe("Instance ID.");
    expect(codes).toEqual(["TCG111"]);
  });

  it("a structure link with a space in its anchor names the structure (was: unknown)", () => {
    const { pages, codes } = parse(fixture("spaced-anchor"));
    const input = asAction(pages[0]).action.input;
    expect(input[0]?.type).toEqual({
      kind: "struct",
      name: "Placement",
      link: "#placement",
      docType: "[Placement](# placement)",
    });
    expect(input[1]?.type).toMatchObject({
      kind: "array",
      element: { kind: "struct", name: "Placement" },
    });
    expect(codes).not.toContain("TCG033");
  });

  it("'Referenced by the following API(s):' and its variants name the actions (was: not recognised)", () => {
    const { pages } = parse(fixture("data-types-referenced"));
    const page = pages[0] as Extract<ParsedPage, { kind: "dataTypes" }>;
    expect(page.structures.map((s) => [s.name, s.referencedBy, s.description])).toEqual([
      ["Placement", ["DoThing"], "Where an instance is."],
      ["Tag", ["DoThing", "DoOther"], "A tag."],
      ["Filter", ["DoOther"], "A filter."],
    ]);
  });

  it("a page referencing an action is owned through that line, not by structure use", () => {
    // Service "other" uses Placement twice; only "demo"'s action is named by the Referenced line.
    const other = fixture("spaced-anchor");
    const otherPage = {
      file: "other.md",
      text: other.text
        .replaceAll("demo.tencentcloudapi.com", "other.tencentcloudapi.com")
        .replaceAll("DoThing", "DoElse"),
    };
    const demo = fixture("deeper-section");
    const demoPage = {
      file: "demo.md",
      text: demo.text.replace(
        "| InstanceId | Yes | String | Instance ID. |",
        "| InstanceId | Yes | String | Instance ID. |\n| Where | No | [Placement](#Placement) | Place. |",
      ),
    };
    const { pages } = parse(otherPage, demoPage, fixture("data-types-referenced"));
    const { ir, diagnostics } = buildIr(pages);
    const structure = (service: string) =>
      ir.services
        .find((s) => s.name === service)
        ?.versions[0]?.structures.find((s) => s.name === "Placement");
    expect(structure("demo")?.open).toBe(false);
    expect(structure("other")?.open).toBe(true);
    expect(diagnostics.map((d) => d.code)).toContain("TCG054");
  });

  it("a service error codes page gives the service its own codes as error classes (was: common codes only)", () => {
    const action = fixture("deeper-section");
    const withErrors = {
      file: "action.md",
      text: `${action.text}\n## 5. Error Codes\n\n| Error Code | Description |\n|---|---|\n| ResourceNotFound.InstanceNotExist | The instance does not exist. |\n`,
    };
    const { pages, codes } = parse(withErrors, fixture("service-error-codes"));
    expect(pages.map((p) => p.kind)).toEqual(["action", "commonErrors"]);
    const { ir } = buildIr(pages);
    expect(ir.commonErrors.map((e) => e.code)).toEqual([
      "AuthFailure.SignatureFailure",
      "InternalError",
    ]);
    const version = ir.services[0]?.versions[0];
    expect(version?.serviceErrors?.map((e) => [e.code, e.description])).toEqual([
      ["LimitExceeded.InstanceQuota", "The instance quota is used up."],
      ["ResourceNotFound.InstanceNotExist", "The instance does not exist."],
    ]);
    if (version === undefined) throw new Error("no version");
    const classes = planVersionNames("demo", version, ir.commonErrors).errorClasses;
    expect(classes.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        "LimitExceeded",
        "LimitExceeded.InstanceQuota",
        "ResourceNotFound.InstanceNotExist",
      ]),
    );
    expect(codes).toEqual([]);
  });

  it("a service error codes page no service's actions document is left out with TCG113", () => {
    const { pages } = parse(fixture("deeper-section"), fixture("service-error-codes"));
    const { ir, diagnostics } = buildIr(pages);
    expect(ir.services[0]?.versions[0]?.serviceErrors).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(["TCG113"]);
  });
});
