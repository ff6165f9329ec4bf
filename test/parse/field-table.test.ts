import { describe, expect, it } from "vitest";
import { actionPage, asAction, parseOne } from "./helpers.js";

const cases: {
  name: string;
  given: string;
  want: { name: string; required: boolean; type: string; description: string; nullable?: boolean };
  codes: string[];
}[] = [
  {
    name: "a complete row",
    given: "| JobId | Yes | String | ID of the job |",
    want: { name: "JobId", required: true, type: "String", description: "ID of the job" },
    codes: [],
  },
  {
    name: "a row without its Required cell",
    given: "| DstAccessType | String | Connection type |",
    want: {
      name: "DstAccessType",
      required: false,
      type: "String",
      description: "Connection type",
    },
    codes: ["TCG030"],
  },
  {
    name: "a row with an extra trailing cell",
    given: "| Vcodec | No | String | Video codec | |",
    want: { name: "Vcodec", required: false, type: "String", description: "Video codec" },
    codes: ["TCG031"],
  },
  {
    name: "a row pasted twice",
    given: "| LogType | No | String | | LogType | No | String | Log kind |",
    want: { name: "LogType", required: false, type: "String", description: "Log kind" },
    codes: ["TCG031"],
  },
  {
    name: "Type and Description swapped",
    given: "| Limit | No | How many to return | Integer |",
    want: { name: "Limit", required: false, type: "Integer", description: "How many to return" },
    codes: ["TCG032"],
  },
  {
    name: "a .N parameter",
    given: "| InstanceIds.N | No | Array of String | IDs |",
    want: { name: "InstanceIds", required: false, type: "Array of String", description: "IDs" },
    codes: [],
  },
  {
    name: "a <br/> in the description and a null note",
    given: "| Remark | No | String | First line<br/>Note: This field may return null |",
    want: {
      name: "Remark",
      required: false,
      type: "String",
      description: "First line\nNote: This field may return null",
      nullable: true,
    },
    codes: [],
  },
  {
    name: "an unknown type",
    given: "| Odd | No | some words here | Odd field |",
    want: { name: "Odd", required: false, type: "some words here", description: "Odd field" },
    codes: ["TCG033"],
  },
  {
    name: "a Required cell that is neither Yes nor No",
    given: "| Mode | Maybe | String | Mode |",
    want: { name: "Mode", required: false, type: "String", description: "Mode" },
    codes: ["TCG035"],
  },
];

describe("input table rows", () => {
  it.each(cases)("reads $name", ({ given, want, codes }) => {
    const { page, diagnostics } = parseOne(actionPage({ inputRows: given, example: "" }));
    const field = asAction(page).action.input[0];
    expect(field?.name).toBe(want.name);
    expect(field?.required).toBe(want.required);
    expect(field?.type.docType).toBe(want.type);
    expect(field?.description).toBe(want.description);
    expect(field?.nullable).toBe(want.nullable ?? false);
    expect(diagnostics.map((d) => d.code).filter((c) => c !== "TCG046")).toEqual(codes);
  });

  it("reads the column order Name | Type | Required | Description", () => {
    const { page } = parseOne(
      actionPage({
        header: "| Name | Type | Required | Description |",
        inputRows: "| Limit | Integer | Yes | How many |",
      }),
    );
    const input = asAction(page).action.input;
    expect(input.map((f) => [f.name, f.type.docType, f.required])).toEqual([
      ["Limit", "Integer", true],
    ]);
  });

  it("keeps the first of two rows with the same name", () => {
    const rows = "| A | No | String | first |\n| A | Yes | Integer | second |";
    const { page, diagnostics } = parseOne(actionPage({ inputRows: rows }));
    expect(asAction(page).action.input.map((f) => f.description)).toEqual(["first"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["TCG037"]);
  });
});
