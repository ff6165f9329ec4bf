import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../generator/ir/types.js";
import { checkExampleRequest } from "../../generator/emit/example-tests/check-example.js";
import { modifyJob, structures } from "./ir-fixture.js";

const cases: { name: string; given: { [key: string]: JsonValue }; want: string[] }[] = [
  { name: "required only", given: { JobId: "a" }, want: [] },
  { name: "missing required", given: {}, want: ["JobId"] },
  { name: "unknown parameter", given: { JobId: "a", Nope: 1 }, want: ["Nope"] },
  { name: "null where the page says may be null", given: { JobId: "a", JobName: null }, want: [] },
  {
    name: "string where a struct is",
    given: { JobId: "a", MigrateOption: "x" },
    want: ["MigrateOption"],
  },
  {
    name: "integer as a string",
    given: { JobId: "a", MigrateOption: { RunMode: "1" } },
    want: ["MigrateOption.RunMode"],
  },
  {
    name: "float in an integer field",
    given: { JobId: "a", MigrateOption: { RunMode: 1.5 } },
    want: ["MigrateOption.RunMode"],
  },
  {
    name: "integer in a float field",
    given: { JobId: "a", MigrateOption: { RunMode: 1, Speed: 2 } },
    want: [],
  },
  {
    name: "missing required struct field",
    given: { JobId: "a", MigrateOption: {} },
    want: ["MigrateOption.RunMode"],
  },
  {
    name: "boolean as 0",
    given: { JobId: "a", MigrateOption: { RunMode: 1, Enabled: 0 } },
    want: ["MigrateOption.Enabled"],
  },
  {
    name: "array element paths",
    given: { JobId: "a", Options: [{ RunMode: 1 }, { RunMode: "x" }] },
    want: ["Options.1.RunMode"],
  },
  { name: "scalar where an array is", given: { JobId: "a", Tags: "t" }, want: ["Tags"] },
  {
    name: "open structure takes anything",
    given: { JobId: "a", Extra: { Any: [1, { b: 2 }] } },
    want: [],
  },
  {
    name: "several problems at once",
    given: { JobId: 1, Tags: [1, "ok"], Nope: true },
    want: ["JobId", "Tags.0", "Nope"],
  },
];

describe("checkExampleRequest", () => {
  it.each(cases)("$name", ({ given, want }) => {
    expect(checkExampleRequest(modifyJob, structures, given).map((p) => p.path)).toEqual(want);
  });

  it("says what the page expected and what the example has", () => {
    const [problem] = checkExampleRequest(modifyJob, structures, {
      JobId: "a",
      MigrateOption: { RunMode: "1" },
    });
    expect(problem?.reason).toBe('expected Integer, the example has "1"');
  });
});
