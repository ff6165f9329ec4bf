import { describe, expect, it } from "vitest";
import type { TypeRef } from "../../generator/ir/types.js";
import { parseTypeText } from "../../generator/parse/parse-type-cell.js";

const string = (docType = "String"): TypeRef => ({ kind: "primitive", name: "string", docType });

const cases: { given: string; want: TypeRef }[] = [
  { given: "String", want: string() },
  { given: "Integer", want: { kind: "primitive", name: "integer", docType: "Integer" } },
  { given: "Int", want: { kind: "primitive", name: "integer", docType: "Int" } },
  { given: "Float", want: { kind: "primitive", name: "float", docType: "Float" } },
  { given: "Bool", want: { kind: "primitive", name: "boolean", docType: "Bool" } },
  { given: "Boolean", want: { kind: "primitive", name: "boolean", docType: "Boolean" } },
  { given: "Timestamp", want: { kind: "primitive", name: "timestamp", docType: "Timestamp" } },
  {
    given: "Timestamp ISO8601",
    want: { kind: "primitive", name: "timestampIso8601", docType: "Timestamp ISO8601" },
  },
  { given: "Date", want: { kind: "primitive", name: "date", docType: "Date" } },
  { given: "Object", want: { kind: "primitive", name: "object", docType: "Object" } },
  {
    given: "String/Number",
    want: { kind: "primitive", name: "stringOrNumber", docType: "String/Number" },
  },
  {
    given: "Array of String",
    want: { kind: "array", element: string(), docType: "Array of String" },
  },
  {
    given: "Array of Array of Integer",
    want: {
      kind: "array",
      docType: "Array of Array of Integer",
      element: {
        kind: "array",
        docType: "Array of Integer",
        element: { kind: "primitive", name: "integer", docType: "Integer" },
      },
    },
  },
  { given: "String Array", want: { kind: "array", element: string(), docType: "String Array" } },
  {
    given: "JSON Array",
    want: {
      kind: "array",
      docType: "JSON Array",
      element: { kind: "primitive", name: "object", docType: "JSON" },
    },
  },
  {
    given: "Object Array",
    want: {
      kind: "array",
      docType: "Object Array",
      element: { kind: "primitive", name: "object", docType: "Object" },
    },
  },
  {
    given: "[MigrateOption](/document/api/571/##MigrateOption)",
    want: {
      kind: "struct",
      name: "MigrateOption",
      link: "/document/api/571/##MigrateOption",
      docType: "[MigrateOption](/document/api/571/##MigrateOption)",
    },
  },
  {
    given: "Array of [Filter](https://cloud.tencent.com/document/api/213/15753#Filter)",
    want: {
      kind: "array",
      docType: "Array of [Filter](https://cloud.tencent.com/document/api/213/15753#Filter)",
      element: {
        kind: "struct",
        name: "Filter",
        link: "https://cloud.tencent.com/document/api/213/15753#Filter",
        docType: "[Filter](https://cloud.tencent.com/document/api/213/15753#Filter)",
      },
    },
  },
  { given: "Externals", want: { kind: "struct", name: "Externals", docType: "Externals" } },
  { given: "a list of things", want: { kind: "unknown", docType: "a list of things" } },
  { given: "", want: { kind: "unknown", docType: "" } },
];

describe("parseTypeText", () => {
  it.each(cases)("reads $given", ({ given, want }) => {
    expect(parseTypeText(given)).toEqual(want);
  });
});
