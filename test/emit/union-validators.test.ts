/**
 * Fields the check phase widened to a union (issue 11: the docs' example gives another type than
 * the table): the generated validator accepts a value of any option and names every option when
 * none fits; the types admit each option.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import type { TypeRef } from "../../generator/ir/types.js";
import { typeText } from "../../generator/emit/types/type-expression.js";
import { versionContexts } from "../../generator/emit/version-context.js";
import { emitFixture, loadFixtureIr, tsFilesUnder, typeCheck, writeTree } from "./emit-fixture.js";

interface Result {
  readonly ok: boolean;
  readonly issues?: readonly { readonly message: string; readonly expected: string }[];
}
type Validators = Record<string, { validate(value: unknown): Result; is(value: unknown): boolean }>;

const dir = writeTree(await emitFixture("widened"));
const validators = (await import(
  pathToFileURL(join(dir, "cbs/src/v20170312/validators.ts")).href
)) as Validators;
const request = validators["validateDescribeDisksRequest"]!;
const response = validators["validateDescribeDisksResponse"]!;

const messages = (result: Result) => (result.ok ? [] : (result.issues ?? []).map((i) => i.message));

describe("a union field's validator", () => {
  it.each([
    { name: "the documented type", given: { DiskIds: ["disk-1"], Limit: 10 } },
    { name: "the example's type", given: { DiskIds: "disk-1", Limit: "10" } },
    { name: "a structure option", given: { Placement: { Zone: "ap-guangzhou-3" } } },
    { name: "a string option beside a structure", given: { Placement: "ap-guangzhou-3" } },
    { name: "an array of a union", given: { Tags: [1, "two", 3] } },
    { name: "a nested union", given: { Placement: { Zone: "z", ProjectId: "0" } } },
  ])("accepts $name", ({ given }) => {
    expect(request.validate(given)).toEqual({ ok: true, value: given });
    expect(request.is(given)).toBe(true);
  });

  it.each([
    {
      name: "a value of no option",
      given: { DiskIds: 5 },
      want: ["DiskIds: expected string or array of string, received 5"],
    },
    {
      name: "a wrong element in an array option",
      given: { DiskIds: ["a", 2] },
      want: ["DiskIds: expected string or array of string, received array"],
    },
    {
      name: "a float for integer or string",
      given: { Limit: 1.5 },
      want: ["Limit: expected integer or string, received 1.5"],
    },
    {
      name: "an invalid structure and not a string",
      given: { Placement: { Zone: 1 } },
      want: ["Placement: expected object (Placement) or string, received object"],
    },
    {
      name: "an element of an array of a union",
      given: { Tags: [1, true] },
      want: ["Tags[1]: expected integer or string, received true"],
    },
  ])("rejects $name, naming the options", ({ given, want }) => {
    expect(messages(request.validate(given))).toEqual(want);
    expect(request.is(given)).toBe(false);
  });

  it("says the array of a union unambiguously", () => {
    const result = request.validate({ Tags: "x" });
    expect(result.issues?.[0]?.expected).toBe("array of (integer or string)");
  });

  it("on the response side, an integer option also takes a decimal string", () => {
    expect(response.validate({ TotalCount: "123456789012345678901234567890" }).ok).toBe(true);
    expect(messages(response.validate({ TotalCount: false }))).toEqual([
      "TotalCount: expected integer or string, received false",
    ]);
  });
});

describe("a union field's type", () => {
  it("admits every option and nothing else", () => {
    const use = join(dir, "cbs/src/v20170312/use-unions.ts");
    writeFileSync(
      use,
      [
        'import type { DescribeDisksRequest } from "./types.js";',
        'export const documented: DescribeDisksRequest = { DiskIds: ["a"], Limit: 1, Tags: [1] };',
        'export const example: DescribeDisksRequest = { DiskIds: "a", Limit: "1", Tags: ["1"], Placement: "p" };',
        "// @ts-expect-error a number is neither option of DiskIds",
        "export const wrong: DescribeDisksRequest = { DiskIds: 1 };",
        "",
      ].join("\n"),
    );
    expect(typeCheck(tsFilesUnder(dir))).toEqual([]);
  });
});

describe("typeText of a union", () => {
  const names = versionContexts(loadFixtureIr("widened"))[0]!.names;
  const integer: TypeRef = { kind: "primitive", name: "integer", docType: "Integer" };
  const float: TypeRef = { kind: "primitive", name: "float", docType: "Float" };
  const string: TypeRef = { kind: "primitive", name: "string", docType: "String" };
  const union = (...options: TypeRef[]): TypeRef => ({ kind: "union", options, docType: "X" });
  it.each([
    { name: "two scalars", given: union(integer, string), want: "number | string" },
    { name: "options that print alike, once", given: union(integer, float), want: "number" },
    {
      name: "a scalar or its array",
      given: union(string, { kind: "array", element: string, docType: "Array of String" }),
      want: "string | string[]",
    },
    {
      name: "an array of a union",
      given: { kind: "array", element: union(integer, string), docType: "Array of Integer" },
      want: "Array<number | string>",
    },
    {
      name: "a structure option",
      given: union({ kind: "struct", name: "Placement", docType: "Placement" }, string),
      want: "Placement | string",
    },
  ] satisfies { name: string; given: TypeRef; want: string }[])("$name", ({ given, want }) => {
    expect(typeText(given, names)).toBe(want);
  });

  it("on the response side, an integer option is ResponseInteger", () => {
    expect(typeText(union(integer, float), names, "response")).toBe("ResponseInteger | number");
  });
});
