/**
 * Unknown keys name the known key the caller most likely meant (issue 11): given/want for the
 * runtime's closestKey, and the messages of the generated seed validators.
 */
import { describe, expect, it } from "vitest";
import { closestKey } from "../../templates/runtime/validation.js";
import { validateMigrateOption, validateModifyMigrateJobRequest } from "./dts-package.js";

const KNOWN = ["JobId", "JobName", "MigrateOption", "SrcInfo", "DstInfo", "Id", "Zone", "Zones"];

describe("closestKey", () => {
  it.each([
    { name: "a swap of two neighbours", given: "JobNmae", want: "JobName" },
    { name: "one letter missing", given: "JobNam", want: "JobName" },
    { name: "two edits", given: "JbNme", want: "JobName" },
    { name: "case only", given: "jobname", want: "JobName" },
    { name: "case and a typo", given: "JOBNMAE", want: "JobName" },
    { name: "case only beats a closer-looking key", given: "zones", want: "Zones" },
    { name: "the first of equally close keys in the docs' order", given: "Zonez", want: "Zone" },
    { name: "three edits", given: "JbNmeX", want: undefined },
    { name: "nothing alike", given: "Extra", want: undefined },
    { name: "a one-letter key is close only to its other case", given: "X", want: undefined },
    { name: "a one-letter key in other case", given: "i", want: undefined },
    { name: "a two-letter key one edit away", given: "Ix", want: "Id" },
    { name: "a very long key", given: "J".repeat(20_000), want: undefined },
  ])("$name: $given", ({ given, want }) => {
    expect(closestKey(given, KNOWN)).toBe(want);
  });

  it("finds nothing among no keys", () => {
    expect(closestKey("JobName", [])).toBeUndefined();
  });
});

describe("unknown-key issues of the generated validators", () => {
  const base = { JobId: "dts-1" };

  it("a close key: the message suggests it, the issue carries it", () => {
    const result = validateModifyMigrateJobRequest.validate({ ...base, JobNmae: "x" });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: ["JobNmae"],
          expected: "a parameter of ModifyMigrateJob",
          received: '"x"',
          unknownKey: true,
          suggestion: "JobName",
          message: "JobNmae is not a parameter of ModifyMigrateJob; did you mean JobName?",
        },
      ],
    });
  });

  it("a key that differs only in case", () => {
    const result = validateModifyMigrateJobRequest.validate({ ...base, jobname: "x" });
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      "jobname is not a parameter of ModifyMigrateJob; did you mean JobName?",
    ]);
  });

  it("no close key: no suggestion", () => {
    const result = validateModifyMigrateJobRequest.validate({ ...base, Colour: 1 });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: ["Colour"],
          expected: "a parameter of ModifyMigrateJob",
          received: "1",
          unknownKey: true,
          message: "Colour is not a parameter of ModifyMigrateJob.",
        },
      ],
    });
  });

  it("a nested structure: the path leads to the key, the structure is named", () => {
    const result = validateModifyMigrateJobRequest.validate({
      ...base,
      MigrateOption: { RunMode: 1, MigrateTpye: 2 },
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: ["MigrateOption", "MigrateTpye"],
          expected: "a field of MigrateOption",
          received: "2",
          unknownKey: true,
          suggestion: "MigrateType",
          message:
            "MigrateOption.MigrateTpye is not a field of MigrateOption; did you mean MigrateType?",
        },
      ],
    });
  });

  it("a structure validated on its own", () => {
    const result = validateMigrateOption.validate({ RunMode: 1, migratetype: 2 });
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      "migratetype is not a field of MigrateOption; did you mean MigrateType?",
    ]);
  });

  it("the fast check still rejects the key, and a valid value has no issue", () => {
    expect(validateModifyMigrateJobRequest.is({ ...base, JobNmae: "x" })).toBe(false);
    expect(validateModifyMigrateJobRequest.validate({ ...base, JobName: "x" }).ok).toBe(true);
  });
});
