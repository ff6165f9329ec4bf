/**
 * checkedRequestBody (issue 11) given/want, with validators built like generated ones: the body
 * each combination of validate / allowUnknownFields / extraFields sends, or the error it throws.
 */
import { describe, expect, it } from "vitest";
import { ConfigurationError, ValidationError } from "../../templates/runtime/errors.js";
import { checkedRequestBody, type BodyRules } from "../../templates/runtime/request-body.js";
import {
  collectObject,
  collectString,
  createValidator,
  isJsonObject,
  type Validator,
} from "../../templates/runtime/validation.js";

/** `{ JobId: string; JobName?: string }`, closed like a generated request validator. */
const closed: Validator<unknown> = createValidator(
  "JobRequest",
  (v) =>
    isJsonObject(v) &&
    Object.keys(v as object).every((k) => k === "JobId" || k === "JobName") &&
    typeof (v as { JobId?: unknown }).JobId === "string" &&
    ["string", "undefined"].includes(typeof (v as { JobName?: unknown }).JobName),
  (value, path, issues) =>
    collectObject(value, path, issues, "JobRequest", new Set(["JobId", "JobName"]), [
      ["JobId", true, false, collectString, "string"],
      ["JobName", false, false, collectString, "string"],
    ]),
);
/** An open object type: any keys, nothing reported for unknown ones. */
const open: Validator<unknown> = createValidator(
  "OpenRequest",
  (v) => isJsonObject(v),
  () => {},
);

const rules = (given: Partial<BodyRules> = {}): BodyRules => ({
  validate: true,
  allowUnknownFields: false,
  extraFields: undefined,
  ...given,
});
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
};

describe("checkedRequestBody", () => {
  it("sends a valid request as is", () => {
    expect(checkedRequestBody("A", closed, { JobId: "j" }, rules())).toBe('{"JobId":"j"}');
  });

  it("an unknown key is a ValidationError with unknownKey and the hint naming both options", () => {
    const error = thrown(() => checkedRequestBody("A", closed, { JobId: "j", Jobnam: 1 }, rules()));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toMatchObject([
      { path: ["Jobnam"], unknownKey: true },
    ]);
    expect((error as ValidationError).message).toMatch(
      /allowUnknownFields: true[\s\S]*extraFields/,
    );
  });

  it("allowUnknownFields drops only the unknown-key issues", () => {
    const lenient = rules({ allowUnknownFields: true });
    expect(checkedRequestBody("A", closed, { JobId: "j", New: [1] }, lenient)).toBe(
      '{"JobId":"j","New":[1]}',
    );
    const error = thrown(() => checkedRequestBody("A", closed, { JobId: 1, New: 1 }, lenient));
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([["JobId"]]);
  });

  it("validate: false sends anything, and skips the documented-field check of extraFields", () => {
    const off = rules({ validate: false });
    expect(checkedRequestBody("A", closed, { JobId: 1 }, off)).toBe('{"JobId":1}');
    expect(
      checkedRequestBody("A", closed, { JobId: "j" }, { ...off, extraFields: { JobName: 2 } }),
    ).toBe('{"JobId":"j","JobName":2}');
  });

  it("extraFields are appended unvalidated, big integers and a __proto__ key included", () => {
    const extraFields = JSON.parse('{"__proto__":{"x":1},"Big":0}') as Record<string, unknown>;
    extraFields["Big"] = 2n ** 64n;
    expect(checkedRequestBody("A", closed, { JobId: "j" }, rules({ extraFields }))).toBe(
      '{"JobId":"j","__proto__":{"x":1},"Big":18446744073709551616}',
    );
  });

  it("a documented key, or one also in the request, in extraFields is a ValidationError", () => {
    const documented = thrown(() =>
      checkedRequestBody("A", closed, { JobId: "j" }, rules({ extraFields: { JobName: "n" } })),
    );
    expect((documented as Error).message).toContain("JobName in extraFields is a documented field");
    const twice = thrown(() =>
      checkedRequestBody(
        "A",
        closed,
        { JobId: "j", New: 1 },
        rules({ allowUnknownFields: true, extraFields: { New: 2 } }),
      ),
    );
    expect((twice as Error).message).toContain("New in extraFields is both in the request");
  });

  it("an open request type documents no key for extraFields (it cannot tell)", () => {
    expect(checkedRequestBody("A", open, { A: 1 }, rules({ extraFields: { B: 2 } }))).toBe(
      '{"A":1,"B":2}',
    );
  });

  it("extraFields that are not an object, or a request that is not one, are refused", () => {
    const notObject = { extraFields: null as unknown as Record<string, unknown> };
    expect(
      thrown(() => checkedRequestBody("A", closed, { JobId: "j" }, rules(notObject))),
    ).toBeInstanceOf(ConfigurationError);
    const off = rules({ validate: false, extraFields: { New: 1 } });
    expect(thrown(() => checkedRequestBody("A", closed, "text", off))).toBeInstanceOf(
      ValidationError,
    );
  });
});
