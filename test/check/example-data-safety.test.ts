/**
 * Given a page whose examples or tables carry hostile data, want a diagnostic and plain data in the
 * IR, never a crash and never a write through a prototype: `__proto__`/`constructor` keys, type
 * cells named after Object.prototype members, JSON nested thousands deep, huge list indices,
 * tables with thousands of rows.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import type { Diagnostic } from "../../generator/diagnostics/types.js";
import type { Example, Ir } from "../../generator/ir/types.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { MAX_TABLE_ROWS } from "../../generator/parse/read-table.js";

function page(options: { rows?: string; input: string; output?: string }): string {
  return [
    "# DoThing",
    "",
    "## 1. API Description",
    "",
    "Domain name for API request: demo.tencentcloudapi.com.",
    "",
    "This API is used to test.",
    "",
    "## 2. Input Parameters",
    "",
    "| Parameter Name | Required | Type | Description |",
    "|---|---|---|---|",
    "| Action | Yes | String | Common parameter. The value used for this API: DoThing. |",
    "| Version | Yes | String | Common parameter. The value used for this API: 2020-01-01. |",
    options.rows ?? "| Name | No | String | A name. |",
    "",
    "## 3. Output Parameters",
    "",
    "| Parameter Name | Type | Description |",
    "|---|---|---|",
    "| RequestId | String | Request ID. |",
    "",
    "## 4. Example",
    "",
    "### Example 1 Hostile",
    "",
    "#### Input Example",
    "",
    "```",
    options.input,
    "```",
    "",
    "#### Output Example",
    "",
    "```json",
    options.output ?? '{ "Response": { "RequestId": "r-1" } }',
    "```",
    "",
  ].join("\n");
}

function run(text: string): { ir: Ir; diagnostics: Diagnostic[]; example: Example } {
  const parsed = parsePages([{ file: "page.md", text }]);
  const built = buildIr(parsed.pages);
  const example = built.ir.services[0]?.versions[0]?.actions[0]?.examples[0];
  if (example === undefined) throw new Error("the page gave no example");
  return { ir: built.ir, diagnostics: [...parsed.diagnostics, ...built.diagnostics], example };
}

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.code);
const get = (query: string): string =>
  `https://demo.tencentcloudapi.com/?Action=DoThing&${query}&<Common request parameters>`;
const post = (body: string): string =>
  `POST / HTTP/1.1\nHost: demo.tencentcloudapi.com\nX-TC-Action: DoThing\n\n${body}`;

afterEach(() => {
  // Clean up should a regression pollute, so that one failure does not cascade.
  delete (Object.prototype as { polluted?: unknown }).polluted;
});

describe("prototype names in example keys are data", () => {
  it("a GET key __proto__.polluted sets no Object.prototype member and is reported", () => {
    const { example, diagnostics } = run(page({ input: get("Name=x&__proto__.polluted=yes") }));
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(example.request)).toBe(Object.prototype);
    expect(Object.keys(example.request)).toEqual(["Name", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(example.request, "__proto__")?.value).toEqual({
      polluted: "yes",
    });
    // Reported as a prototype name, and kept as data: no field is added for it (TCG075).
    expect(codes(diagnostics)).toEqual(expect.arrayContaining(["TCG073", "TCG075"]));
    expect(codes(diagnostics)).not.toContain("TCG042");
  });

  it("GET keys constructor and prototype become own members, not lookups of inherited ones", () => {
    const { example } = run(page({ input: get("constructor.name=c&prototype.0=p") }));
    expect(JSON.parse(JSON.stringify(example.request))).toEqual({
      constructor: { name: "c" },
      prototype: ["p"],
    });
  });

  it("a POST body's __proto__ key stays an own member through typing", () => {
    const { example, diagnostics } = run(
      page({ input: post('{"Name": "x", "__proto__": {"polluted": "yes"}}') }),
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(example.request)).toEqual(["Name", "__proto__"]);
    expect(codes(diagnostics)).toContain("TCG073");
  });

  it("an output's __proto__ key is kept in the parsed response and in its text", () => {
    const output = '{"Response": {"Meta": {"__proto__": {"a": 1}}, "RequestId": "r"}}';
    const { example } = run(page({ input: get("Name=x"), output }));
    expect(example.responseJson).toBe('{"Meta":{"__proto__":{"a":1}},"RequestId":"r"}');
    const meta = example.response?.["Meta"] as object;
    expect(Object.keys(meta)).toEqual(["__proto__"]);
  });
});

describe("example outputs are kept as written", () => {
  it("big numbers, 1e400 and key order survive in responseJson", () => {
    const output = [
      '{ "Response": {',
      '  "Total": 123456789012345678901234567890,',
      '  "Size": 1e400, "Text": "a  b",',
      '  "RequestId": "r" } }',
    ].join("\n");
    const { example } = run(page({ input: get("Name=x"), output }));
    expect(example.responseJson).toBe(
      '{"Total":123456789012345678901234567890,"Size":1e400,"Text":"a  b","RequestId":"r"}',
    );
  });
});

describe("type cells named after Object.prototype members", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "a %s type cell is a structure name (undefined here), not a crash",
    (cell) => {
      const { ir, diagnostics } = run(
        page({ rows: `| Thing | No | ${cell} | A thing. |`, input: get("Name=x") }),
      );
      const field = ir.services[0]?.versions[0]?.actions[0]?.input.find((f) => f.name === "Thing");
      expect(field?.type).toEqual({ kind: "struct", name: cell, docType: cell });
      expect(codes(diagnostics)).toContain("TCG050");
    },
  );
});

describe("limits", () => {
  const deep = (depth: number): string => "[".repeat(depth) + "]".repeat(depth);

  it("a request body nested 5,000 deep is refused before any walk (TCG070)", () => {
    const { example, diagnostics } = run(page({ input: post(`{"Name": ${deep(5000)}}`) }));
    expect(codes(diagnostics)).toContain("TCG070");
    expect(example.request).toEqual({});
  });

  it("an output nested 5,000 deep is refused before any walk (TCG070)", () => {
    const output = `{"Response": {"Deep": ${deep(5000)}, "RequestId": "r"}}`;
    const { example, diagnostics } = run(page({ input: get("Name=x"), output }));
    expect(codes(diagnostics)).toContain("TCG070");
    expect(example.response).toBeNull();
    expect(example.responseJson).toBeNull();
  });

  it("brackets inside strings do not count as nesting", () => {
    const output = `{"Response": {"Text": "${"[".repeat(500)}", "RequestId": "r"}}`;
    const { example, diagnostics } = run(page({ input: get("Name=x"), output }));
    expect(codes(diagnostics)).not.toContain("TCG070");
    expect(example.response?.["Text"]).toBe("[".repeat(500));
  });

  it("a GET key of 5,000 dotted parts is dropped (TCG071)", () => {
    const key = Array.from({ length: 5000 }, () => "A").join(".");
    const { example, diagnostics } = run(page({ input: get(`Name=x&${key}=1`) }));
    expect(codes(diagnostics)).toContain("TCG071");
    expect(example.request).toEqual({ Name: "x" });
  });

  it("a GET list index of a billion is dropped instead of allocating (TCG071)", () => {
    const { example, diagnostics } = run(page({ input: get("Name=x&Ids.1000000000=1") }));
    expect(codes(diagnostics)).toContain("TCG071");
    expect(example.request).toEqual({ Name: "x" });
  });

  it(`a table of more than ${MAX_TABLE_ROWS} rows is read up to the limit (TCG072)`, () => {
    const rows = Array.from(
      { length: MAX_TABLE_ROWS + 500 },
      (_, i) => `| P${i} | No | String | Row ${i}. |`,
    ).join("\n");
    const { ir, diagnostics } = run(page({ rows, input: get("P0=x") }));
    expect(codes(diagnostics)).toContain("TCG072");
    // Action and Version are two of the rows read; they are no input of the IR.
    expect(ir.services[0]?.versions[0]?.actions[0]?.input).toHaveLength(MAX_TABLE_ROWS - 2);
  });
});
