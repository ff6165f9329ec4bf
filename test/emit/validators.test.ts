/**
 * Behaviour of the generated validators: the seed package and the edge-case package, emitted into
 * temp folders and imported.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emitFixture, writeTree } from "./emit-fixture.js";
import {
  validateMigrateOption,
  validateModifyMigrateJobRequest,
  validateModifyMigrateJobResponse,
} from "./dts-package.js";

const edgeDir = writeTree(await emitFixture("edge-cases"));
const edge = (await import(
  pathToFileURL(join(edgeDir, "cvm/src/v20170312/validators.ts")).href
)) as Record<string, { validate(value: unknown): { ok: boolean; issues?: { message: string }[] } }>;

const messages = (result: { ok: boolean; issues?: readonly { message: string }[] }) =>
  result.ok ? [] : (result.issues ?? []).map((i) => i.message).sort();

describe("ModifyMigrateJobRequest validator", () => {
  const seedExample = {
    JobId: "dts-1kl0iy0v",
    JobName: "userdts",
    DatabaseInfo: '[{"Database":"test","Table":["user","log"]}]',
    MigrateOption: {
      RunMode: 1,
      MigrateType: 2,
      MigrateObject: 2,
      ConsistencyType: 5,
      IsOverrideRoot: 0,
    },
    DstInfo: { ReadOnly: 0, Region: "ap-guangzhou" },
  };

  it("accepts the seed example and returns the same value", () => {
    const result = validateModifyMigrateJobRequest.validate(seedExample);
    expect(result).toEqual({ ok: true, value: seedExample });
    expect(validateModifyMigrateJobRequest.is(seedExample)).toBe(true);
  });

  it("reports every issue at once, with paths, expected and received", () => {
    const result = validateModifyMigrateJobRequest.validate({
      JobName: 7,
      MigrateOption: { RunMode: "1", Mode: 1 },
      SrcInfo: [],
      Extra: true,
    });
    expect(messages(result)).toEqual(
      [
        "Extra is not a parameter of ModifyMigrateJob.",
        "JobId: expected string, received undefined",
        "JobName: expected string, received 7",
        'MigrateOption.RunMode: expected integer, received "1"',
        "MigrateOption.Mode is not a field of MigrateOption.",
        "SrcInfo: expected object (SrcInfo), received array",
      ].sort(),
    );
    expect(validateModifyMigrateJobRequest.is({ JobId: "x", Extra: 1 })).toBe(false);
  });

  it("gives structured issues", () => {
    const result = validateModifyMigrateJobRequest.validate({
      JobId: "j",
      MigrateOption: { RunMode: 1.5 },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: ["MigrateOption", "RunMode"],
          expected: "integer",
          received: "1.5",
          message: "MigrateOption.RunMode: expected integer, received 1.5",
        },
      ],
    });
  });

  it("reports a non-object at the root", () => {
    expect(messages(validateModifyMigrateJobRequest.validate(null))).toEqual([
      "value: expected object (ModifyMigrateJobRequest), received null",
    ]);
  });

  it("implements Standard Schema v1", async () => {
    const standard = validateModifyMigrateJobRequest["~standard"];
    expect([standard.version, standard.vendor]).toEqual([1, "tcgen"]);
    expect(await standard.validate({ JobId: "j" })).toEqual({ value: { JobId: "j" } });
    const failed = await standard.validate({});
    expect("issues" in failed && failed.issues?.map((i) => [i.path, i.message])).toEqual([
      [["JobId"], "JobId: expected string, received undefined"],
    ]);
  });

  it("validates structures on their own and responses", () => {
    expect(validateMigrateOption.validate({ RunMode: 2 }).ok).toBe(true);
    expect(validateMigrateOption.name).toBe("MigrateOption");
    expect(validateModifyMigrateJobResponse.validate({ RequestId: "r" }).ok).toBe(true);
    expect(messages(validateModifyMigrateJobResponse.validate({ RequestId: 1, Other: 2 }))).toEqual(
      [
        "Other is not a field of the ModifyMigrateJob response.",
        "RequestId: expected string, received 1",
      ],
    );
  });
});

// The fast check counts an object's keys against the fields it found and checks keys by name only
// when the counts differ; each row is a way the two counts can differ or agree.
describe("unknown keys on the fast path (is) and the issue path (validate)", () => {
  const inherited = (proto: object, own: object) => Object.assign(Object.create(proto), own);
  it.each([
    {
      name: "an optional field set to undefined",
      given: { JobId: "j", JobName: undefined },
      ok: true,
    },
    {
      name: "a field set to undefined beside an unknown key",
      given: { JobId: "j", JobName: undefined, Extra: 1 },
      ok: false,
    },
    { name: "an unknown key set to undefined", given: { JobId: "j", Extra: undefined }, ok: false },
    {
      name: "a null-prototype object",
      given: Object.assign(Object.create(null), { JobId: "j" }),
      ok: true,
    },
    {
      name: "an inherited enumerable unknown key",
      given: inherited({ Extra: 1 }, { JobId: "j" }),
      ok: false,
    },
    { name: "an inherited enumerable field", given: inherited({ JobId: "j" }, {}), ok: true },
    {
      name: "an unknown key in a nested structure",
      given: { JobId: "j", DstInfo: { Region: "r", Zone: "z" } },
      ok: false,
    },
    {
      name: "a nested structure with a field set to undefined",
      given: { JobId: "j", DstInfo: { Region: "r", Port: undefined } },
      ok: true,
    },
  ])("$name: ok=$ok", ({ given, ok }) => {
    expect(validateModifyMigrateJobRequest.is(given)).toBe(ok);
    expect(validateModifyMigrateJobRequest.validate(given).ok).toBe(ok);
  });

  it("names the unknown key found beside a field set to undefined", () => {
    const result = validateModifyMigrateJobRequest.validate({
      JobId: "j",
      JobName: undefined,
      X: 1,
    });
    expect(messages(result)).toEqual(["X is not a parameter of ModifyMigrateJob."]);
  });
});

describe("edge-case validators", () => {
  const request = edge["validateDescribeDBInstancesRequest"]!;
  const response = edge["validateDescribeDBInstancesResponse"]!;

  it.each([
    { name: "minimal", given: { InstanceIds: [] } },
    { name: "nullable field set to null", given: { InstanceIds: ["a"], Offset: null } },
    {
      name: "every kind of field",
      given: {
        InstanceIds: ["a", "b"],
        Filters: [{ Name: "zone", Values: ["ap-guangzhou-3"] }],
        class: "x",
        "Weird-Name": true,
        Matrix: [[1.5], []],
        Extra: { any: [1] },
        Value: 3,
        Mystery: Symbol.iterator,
        When: "2024-01-01 00:00:00",
        Opaque: { anything: true },
        Payload: { Text: "t" },
        Options: { Verbose: false },
        Self: { Nested: "n" },
        Nothing: {},
      },
    },
  ])("accepts $name", ({ given }) => {
    expect(request.validate(given)).toEqual({ ok: true, value: given });
  });

  it.each([
    {
      name: "non-nullable null and wrong array elements",
      given: { InstanceIds: ["a", 2, null], Limit: null },
      want: [
        "InstanceIds[1]: expected string, received 2",
        "InstanceIds[2]: expected string, received null",
        "Limit: expected integer, received null",
      ],
    },
    {
      name: "nested arrays and structures in arrays",
      given: {
        InstanceIds: [],
        Matrix: [[1], ["x"], 3],
        Filters: [{ Name: "n" }, { Name: "n", Values: [], Extra: 1 }],
      },
      want: [
        "Filters[0].Values: expected array of string, received undefined",
        "Filters[1].Extra is not a field of Filter.",
        'Matrix[1][0]: expected number, received "x"',
        "Matrix[2]: expected array of number, received 3",
      ],
    },
    {
      name: "quoted keys, open structures and string-or-number",
      given: { InstanceIds: [], "Weird-Name": "yes", Opaque: [], Value: false, Extra: "{}" },
      want: [
        'Extra: expected object, received "{}"',
        "Opaque: expected object (Opaque), received array",
        "Value: expected string or number, received false",
        '["Weird-Name"]: expected boolean, received "yes"',
      ],
    },
  ])("reports $name", ({ given, want }) => {
    expect(messages(request.validate(given))).toEqual([...want].sort());
  });

  it("rejects any key in a structure without fields", () => {
    expect(messages(request.validate({ InstanceIds: [], Nothing: { A: 1 } }))).toEqual([
      "Nothing.A is not a field of Empty.",
    ]);
  });

  it("accepts null where the response docs allow it", () => {
    expect(response.validate({ TotalCount: 0, InstanceSet: null, RequestId: "r" }).ok).toBe(true);
    expect(messages(response.validate({ InstanceSet: [{ Tags: null }] }))).toEqual([
      "InstanceSet[0].InstanceId: expected string, received undefined",
    ]);
  });
});
