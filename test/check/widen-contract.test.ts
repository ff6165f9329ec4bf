/**
 * The docs' own examples widen the contract just enough (issue 11, item 4): given a page whose
 * example contradicts its tables, want the widened fields (with their `widened` entries), the
 * example as it is sent, and the warning that says what was widened.
 */
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import type { Field, JsonValue } from "../../generator/ir/types.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { actionPage } from "../parse/helpers.js";

const rows = [
  "| InstanceIds.N | Yes | Array of String | Instance IDs. |",
  "| Limit | No | Integer | Page size. |",
  "| Place | No | [Placement](/document/api/1/2#Placement) | Where. |",
].join("\n");

const dataTypes = [
  "## Placement",
  "",
  "Where an instance is.",
  "",
  "Referenced by: DoThing.",
  "",
  "| Name | Type | Required | Description |",
  "|---|---|---|---|",
  "| Zone | String | Yes | Zone. |",
  "| ProjectId | Integer | No | Project. |",
].join("\n");

const get = (query: string) => `https://demo.tencentcloudapi.com/?Action=DoThing\n${query}`;
const post = (body: string) =>
  `POST / HTTP/1.1\nHost: demo.tencentcloudapi.com\nX-TC-Action: DoThing\n<Common Request Parameters>\n\n${body}`;

function build(example: string, extraPages: { file: string; text: string }[] = []) {
  const parsed = parsePages([
    { file: "page.md", text: actionPage({ inputRows: rows, example }) },
    { file: "types.md", text: dataTypes },
    ...extraPages,
  ]);
  const built = buildIr(parsed.pages);
  const version = built.ir.services[0]?.versions[0];
  const action = version?.actions.find((a) => a.name === "DoThing");
  const diagnostics = [...parsed.diagnostics, ...built.diagnostics];
  const field = (name: string): Field | undefined => action?.input.find((f) => f.name === name);
  const structureField = (name: string): Field | undefined =>
    version?.structures.find((s) => s.name === "Placement")?.fields.find((f) => f.name === name);
  return {
    action,
    version,
    field,
    structureField,
    request: action?.examples[0]?.request,
    messages: diagnostics.map((d) => `${d.code} ${d.message}`),
  };
}

const widening = (kind: string, detail: string) => ({
  kind,
  example: "Example 1 Do it",
  detail,
  position: { file: "page.md", line: 25, column: 1 },
});

describe("widening the contract to accept the page's own example", () => {
  it("a parameter the table lacks becomes an optional field typed from the value (POST)", () => {
    const { field, request, messages, action } = build(
      post('{"InstanceIds": ["ins-1"], "DryRun": true, "Tags": [{"Key": "k"}]}'),
    );
    expect(field("DryRun")).toEqual({
      name: "DryRun",
      required: false,
      type: { kind: "primitive", name: "boolean", docType: "Boolean" },
      description: "",
      nullable: false,
      widened: [widening("added-from-example", "example gives Boolean")],
      position: { file: "page.md", line: 25, column: 1 },
    });
    expect(field("Tags")?.type).toEqual({
      kind: "array",
      element: { kind: "primitive", name: "object", docType: "Object" },
      docType: "Array of Object",
    });
    // Documented fields first, in the table's order; the new ones after.
    expect(action?.input.map((f) => f.name)).toEqual([
      "InstanceIds",
      "Limit",
      "Place",
      "DryRun",
      "Tags",
    ]);
    expect(request).toEqual({ InstanceIds: ["ins-1"], DryRun: true, Tags: [{ Key: "k" }] });
    expect(messages).toContain(
      'TCG042 example "Example 1 Do it" sets DryRun, which the parameter tables do not list; widened the contract: DryRun is an optional Boolean field, and the example is sent as written',
    );
  });

  it("a GET parameter the table lacks is typed from its text (whole numbers as Integer)", () => {
    const { field, request } = build(get("&InstanceIds.0=ins-1\n&Offset=20\n&Mode=fast"));
    expect(field("Offset")?.type).toEqual({
      kind: "primitive",
      name: "integer",
      docType: "Integer",
    });
    expect(field("Mode")?.type).toEqual({ kind: "primitive", name: "string", docType: "String" });
    expect(request).toEqual({ InstanceIds: ["ins-1"], Offset: 20, Mode: "fast" });
  });

  it("a near miss of a documented name is the example's typo: sent under the documented name", () => {
    const { action, request, messages } = build(get("&InnstanceIds.0=ins-1\n&limit=5"));
    expect(action?.input.map((f) => [f.name, f.required, f.widened])).toEqual([
      ["InstanceIds", true, undefined],
      ["Limit", false, undefined],
      ["Place", false, undefined],
    ]);
    expect(request).toEqual({ InstanceIds: ["ins-1"], Limit: 5 });
    expect(messages).toEqual([
      'TCG076 example "Example 1 Do it" sets InnstanceIds, a misspelling of the documented InstanceIds; kept the contract, and the example is sent with InstanceIds',
      'TCG076 example "Example 1 Do it" sets limit, a misspelling of the documented Limit; kept the contract, and the example is sent with Limit',
    ]);
  });

  it("a near miss beside the documented name merges into it when both are objects", () => {
    const { request, field } = build(get("&InstanceIds.0=i\n&Place.Zone=z\n&Plaec.ProjectId=3"));
    expect(request).toEqual({ InstanceIds: ["i"], Place: { Zone: "z", ProjectId: 3 } });
    expect(field("Plaec")).toBeUndefined();
  });

  it("a near miss beside the documented name with a scalar is a new field, not a typo", () => {
    const { field, request } = build(get("&InstanceIds.0=i\n&Limit=1\n&Limits=2"));
    expect(field("Limits")?.widened?.[0]?.kind).toBe("added-from-example");
    expect(request).toEqual({ InstanceIds: ["i"], Limit: 1, Limits: 2 });
  });

  it("a required field the example omits becomes optional", () => {
    const { field, request, messages } = build(get("&Limit=1"));
    expect(field("InstanceIds")?.required).toBe(false);
    expect(field("InstanceIds")?.widened).toEqual([
      widening("required-omitted-by-example", "example omits it"),
    ]);
    expect(request).toEqual({ Limit: 1 });
    expect(messages).toEqual([
      'TCG077 example "Example 1 Do it" leaves out InstanceIds, which the table marks required; widened the contract: InstanceIds is optional, and the example is sent as written',
    ]);
  });

  it("a scalar where the table says array makes the union of both", () => {
    const { field, request, messages } = build(post('{"InstanceIds": "ins-1"}'));
    expect(field("InstanceIds")?.type).toEqual({
      kind: "union",
      options: [
        {
          kind: "array",
          element: { kind: "primitive", name: "string", docType: "String" },
          docType: "Array of String",
        },
        { kind: "primitive", name: "string", docType: "String" },
      ],
      docType: "Array of String or String",
    });
    expect(field("InstanceIds")?.required).toBe(true);
    expect(request).toEqual({ InstanceIds: "ins-1" });
    expect(messages).toEqual([
      'TCG043 example "Example 1 Do it" gives InstanceIds = "ins-1", which is not a valid Array of String; widened the contract: InstanceIds accepts Array of String or String, and the example is sent as written',
    ]);
  });

  it("inside a structure, the structure's field is widened (once for every action sharing it)", () => {
    const other = actionPage({
      inputRows: "| Where | No | [Placement](/document/api/1/2#Placement) | Where. |",
      example: get("&Where.ProjectId=7"),
    })
      .replaceAll("DoThing", "DoOther")
      .replace("### Example 1 Do it", "### Example 1 Do other");
    const { structureField, request, messages, version } = build(
      get("&InstanceIds.0=i\n&Place.ProjectId=x"),
      [{ file: "other.md", text: other }],
    );
    expect(structureField("Zone")?.required).toBe(false);
    expect(structureField("Zone")?.widened?.map((w) => [w.kind, w.example])).toEqual([
      // Actions in name order: DoOther, then DoThing.
      ["required-omitted-by-example", "Example 1 Do other"],
      ["required-omitted-by-example", "Example 1 Do it"],
    ]);
    expect(structureField("ProjectId")?.type).toMatchObject({
      kind: "union",
      docType: "Integer or String",
    });
    expect(request).toEqual({ InstanceIds: ["i"], Place: { ProjectId: "x" } });
    expect(version?.structures.filter((s) => s.name === "Placement")).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith("TCG077"))).toHaveLength(2);
  });

  it("null where the field may not be null makes it nullable", () => {
    const { field } = build(post('{"InstanceIds": ["i"], "Limit": null}'));
    expect(field("Limit")?.nullable).toBe(true);
    expect(field("Limit")?.type).toEqual({
      kind: "primitive",
      name: "integer",
      docType: "Integer",
    });
    expect(field("Limit")?.widened?.[0]?.detail).toBe("example gives null");
  });

  it("a key outside the name grammar stays data and gains no field", () => {
    const { action, request, messages } = build(post('{"InstanceIds": ["i"], "a-b": 1}'));
    expect(action?.input.map((f) => f.name)).toEqual(["InstanceIds", "Limit", "Place"]);
    expect(request).toEqual({ InstanceIds: ["i"], "a-b": 1 });
    expect(messages).toEqual([
      'TCG075 example "Example 1 Do it" sets "a-b", which is no parameter name; kept it as data in the example, and the contract gains no field for it',
    ]);
  });

  it("an example whose input cannot be read widens nothing", () => {
    const { field, messages } = build(post("{not json"));
    expect(field("InstanceIds")?.required).toBe(true);
    expect(messages.map((m) => m.slice(0, 6))).toEqual(["TCG046"]);
  });

  it("an example that agrees with the tables widens nothing", () => {
    const { action, messages } = build(get("&InstanceIds.0=i\n&Place.Zone=z"));
    expect(action?.input.every((f) => f.widened === undefined)).toBe(true);
    expect(messages).toEqual([]);
  });
});

describe("examples typed against widened unions", () => {
  it("keeps values as JSON: every example value is a JsonValue", () => {
    const { request } = build(post('{"InstanceIds": "x", "Extra": {"A": [1, "b"]}}'));
    const value: JsonValue | undefined = request;
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });
});
