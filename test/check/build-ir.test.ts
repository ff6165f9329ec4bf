import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { actionPage } from "../parse/helpers.js";

function build(pages: { file: string; text: string }[]) {
  const parsed = parsePages(pages);
  const built = buildIr(parsed.pages);
  return { ir: built.ir, diagnostics: [...parsed.diagnostics, ...built.diagnostics] };
}

describe("buildIr", () => {
  it("keeps the richer of two pages for one action and names both", () => {
    const small = actionPage({ inputRows: "| A | No | String | a |" });
    const large = actionPage({ inputRows: "| A | No | String | a |\n| B | No | String | b |" });
    const { ir, diagnostics } = build([
      { file: "a.md", text: small },
      { file: "b.md", text: large },
    ]);
    const actions = ir.services[0]?.versions[0]?.actions ?? [];
    expect(actions.map((a) => a.input.map((f) => f.name))).toEqual([["A", "B"]]);
    expect(diagnostics.map((d) => [d.code, d.position.file])).toEqual([["TCG051", "a.md"]]);
    expect(diagnostics[0]?.message).toContain("a.md");
    expect(diagnostics[0]?.message).toContain("b.md");
  });

  it("adds the dropped page's examples to the kept page's, so every example is tested", () => {
    const small = actionPage({
      inputRows: "| A | No | String | a |",
      example: "https://demo.tencentcloudapi.com/?Action=DoThing\n&A=x",
    });
    const large = actionPage({ inputRows: "| A | No | String | a |\n| B | No | String | b |" });
    const { ir, diagnostics } = build([
      { file: "a.md", text: small },
      { file: "b.md", text: large },
    ]);
    const examples = ir.services[0]?.versions[0]?.actions[0]?.examples ?? [];
    expect(examples.map((e) => [e.position.file, e.request])).toEqual([
      ["b.md", {}],
      ["a.md", { A: "x" }],
    ]);
    expect(diagnostics[0]?.message).toContain("with the examples of a.md added to its own");
  });

  it("breaks a tie by file name", () => {
    const page = actionPage({});
    const { ir, diagnostics } = build([
      { file: "z.md", text: page },
      { file: "m.md", text: page },
    ]);
    expect(ir.services[0]?.versions[0]?.actions[0]?.position.file).toBe("m.md");
    expect(diagnostics.map((d) => d.position.file)).toEqual(["z.md"]);
  });

  it("turns a structure nobody defines into an open structure with one warning", () => {
    const rows = "| Spec | No | [Spec](/document/api/1/2#Spec) | s |\n| Other | No | Spec | o |";
    const { ir, diagnostics } = build([{ file: "p.md", text: actionPage({ inputRows: rows }) }]);
    expect(ir.services[0]?.versions[0]?.structures).toEqual([
      {
        name: "Spec",
        description: "",
        fields: [],
        open: true,
        position: { file: "p.md", line: 13, column: 1 },
      },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(["TCG050"]);
  });

  it("takes the service from the host's first label and keeps the host as written", () => {
    const text = actionPage({}).replace(
      "demo.tencentcloudapi.com",
      "live.intl.tencentcloudapi.com",
    );
    const { ir } = build([{ file: "p.md", text }]);
    expect(ir.services.map((s) => [s.name, s.versions[0]?.host])).toEqual([
      ["live", "live.intl.tencentcloudapi.com"],
    ]);
  });

  it("prefers the data types page whose Referenced by line names the action", () => {
    const types = (description: string, referencedBy: string) =>
      [
        "## Spec",
        "",
        description,
        "",
        referencedBy,
        "",
        "| Name | Type | Description |",
        "|---|---|---|",
        "| Size | Integer | size |",
      ].join("\n");
    const { ir } = build([
      { file: "p.md", text: actionPage({ inputRows: "| S | No | Spec | s |" }) },
      { file: "a-types.md", text: types("Someone else's spec.", "Referenced by: OtherAction.") },
      { file: "b-types.md", text: types("Our spec.", "Referenced by: DoThing.") },
    ]);
    expect(ir.services[0]?.versions[0]?.structures.map((s) => s.description)).toEqual([
      "Our spec.",
    ]);
  });

  it("collects common error codes, sorted, first page winning", () => {
    const page = (rows: string) =>
      [
        "## Error Codes",
        "",
        "### Common Error Codes",
        "",
        "| Error Code | Description |",
        "|---|---|",
        rows,
      ].join("\n");
    const { ir } = build([
      { file: "b.md", text: page("| InternalError | from b |\n| AuthFailure | auth |") },
      { file: "a.md", text: page("| InternalError | from a |") },
    ]);
    expect(ir.commonErrors.map((e) => [e.code, e.description])).toEqual([
      ["AuthFailure", "auth"],
      ["InternalError", "from a"],
    ]);
  });
});
