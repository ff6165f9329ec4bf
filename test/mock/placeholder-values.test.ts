import { describe, expect, it } from "vitest";
import { checkExampleRequest } from "../../generator/emit/example-tests/check-example.js";
import { requiredOnly } from "../../generator/emit/example-tests/placeholder-values.js";
import { modifyJob, structures } from "./ir-fixture.js";

const byName = new Map(structures.map((s) => [s.name, s]));

describe("requiredOnly", () => {
  it("builds a request the page's tables accept", () => {
    const request = requiredOnly(modifyJob.input, byName);
    expect(request).toEqual({ JobId: "placeholder" });
    expect(checkExampleRequest(modifyJob, structures, request ?? {})).toEqual([]);
  });
});
