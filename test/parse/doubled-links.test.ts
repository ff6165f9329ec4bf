/**
 * Doubled links (`https://cloud.tencent.comhttps://...`) are repaired in the page text before
 * Markdown parsing, with a TCG038 warning at the link saying what it was read as.
 */
import { describe, expect, it } from "vitest";
import { repairDoubledLinks } from "../../generator/parse/repair-doubled-links.js";
import { asAction, actionPage, parseOne } from "./helpers.js";

describe("repairDoubledLinks", () => {
  it.each([
    {
      given:
        "see [Regions](https://cloud.tencent.comhttps://cloud.tencent.com/document/api/1/2#R).",
      want: "see [Regions](https://cloud.tencent.com/document/api/1/2#R).",
    },
    {
      given:
        "[I](https://intl.cloud.tencent.comhttps://intl.cloud.tencent.comhttps://intl.cloud.tencent.com/document/product/362/15633)",
      want: "[I](https://intl.cloud.tencent.com/document/product/362/15633)",
    },
    {
      given: "bare http://a.comhttps://b.com/x and https://ok.com/y",
      want: "bare https://b.com/x and https://ok.com/y",
    },
    {
      given: "https://cloud.tencent.com/document/api/1/2",
      want: "https://cloud.tencent.com/document/api/1/2",
    },
    { given: "no links at all", want: "no links at all" },
  ])("$given", ({ given, want }) => {
    expect(repairDoubledLinks("p.md", given).text).toBe(want);
  });

  it("reports each repair at its line and column, naming both spellings", () => {
    const text =
      "line one\nsee (https://a.comhttps://a.com/p) and\n  https://b.comhttps://b.com/q\n";
    const { diagnostics } = repairDoubledLinks("p.md", text);
    expect(
      diagnostics.map((d) => [d.code, d.severity, d.position.line, d.position.column]),
    ).toEqual([
      ["TCG038", "warning", 2, 6],
      ["TCG038", "warning", 3, 3],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'link "https://a.comhttps://a.com/p" repeats its scheme and host; read it as "https://a.com/p"',
    );
  });
});

describe("doubled links in a page", () => {
  it("repairs a structure link in a type cell and warns", () => {
    const rows =
      "| Spec | No | [Spec](https://cloud.tencent.comhttps://cloud.tencent.com/document/api/1/2#Spec) | s |";
    const { page, diagnostics } = parseOne(actionPage({ inputRows: rows }));
    const spec = asAction(page).action.input.find((f) => f.name === "Spec");
    expect(spec?.type).toEqual({
      kind: "struct",
      name: "Spec",
      link: "https://cloud.tencent.com/document/api/1/2#Spec",
      docType: "[Spec](https://cloud.tencent.com/document/api/1/2#Spec)",
    });
    expect(diagnostics.map((d) => d.code)).toEqual(["TCG038"]);
  });

  it("reports nothing for a page it refuses (its one error says why)", () => {
    const { page, diagnostics } = parseOne("Just prose https://a.comhttps://a.com/x\n");
    expect(page).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(["TCG013"]);
  });
});
