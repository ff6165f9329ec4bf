import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../generator/ir/types.js";
import { checkExampleRequest } from "../../generator/emit/example-tests/check-example.js";
import {
  fillMissing,
  requiredOnly,
} from "../../generator/emit/example-tests/placeholder-values.js";
import { modifyJob, structures } from "./ir-fixture.js";

const byName = new Map(structures.map((s) => [s.name, s]));

type Request = { [key: string]: JsonValue };
const cases: { name: string; given: Request; want: Request | undefined }[] = [
  { name: "nothing missing", given: { JobId: "a" }, want: { JobId: "a" } },
  { name: "top-level required", given: {}, want: { JobId: "placeholder" } },
  {
    name: "required field inside a struct, the rest kept",
    given: { JobId: "a", MigrateOption: { Speed: 1.5 } },
    want: { JobId: "a", MigrateOption: { Speed: 1.5, RunMode: 0 } },
  },
  {
    name: "inside an array element",
    given: { JobId: "a", Options: [{ RunMode: 2 }, {}] },
    want: { JobId: "a", Options: [{ RunMode: 2 }, { RunMode: 0 }] },
  },
  { name: "a wrong type cannot be repaired", given: { JobId: 1 }, want: undefined },
  {
    name: "an unknown parameter cannot be repaired",
    given: { JobId: "a", Nope: 1 },
    want: undefined,
  },
];

describe("fillMissing", () => {
  it.each(cases)("$name", ({ given, want }) => {
    const problems = checkExampleRequest(modifyJob, structures, given);
    const filled = fillMissing(given, problems, byName);
    expect(filled).toEqual(want);
    if (filled !== undefined)
      expect(checkExampleRequest(modifyJob, structures, filled)).toEqual([]);
  });

  it("does not change the example it repairs", () => {
    const given = { JobId: "a", MigrateOption: {} };
    fillMissing(given, checkExampleRequest(modifyJob, structures, given), byName);
    expect(given).toEqual({ JobId: "a", MigrateOption: {} });
  });
});

describe("requiredOnly", () => {
  it("builds a request the page's tables accept", () => {
    const request = requiredOnly(modifyJob.input, byName);
    expect(request).toEqual({ JobId: "placeholder" });
    expect(checkExampleRequest(modifyJob, structures, request ?? {})).toEqual([]);
  });
});
