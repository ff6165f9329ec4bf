import { describe, expect, it } from "vitest";
import { planErrorClasses } from "../../generator/emit/errors/plan-error-classes.js";
import { NameAllocator } from "../../generator/emit/naming/name-allocator.js";
import type { ErrorCode } from "../../generator/ir/types.js";
import {
  createServiceError,
  FailedOperationError,
  FailedOperationNotAllowOperationError,
  InvalidParameterError,
  ResourceNotFoundError,
  ResourceNotFoundJobNotExistError,
  TencentCloudError,
  AuthFailureSignatureFailureError,
  AuthFailureError,
  dtsV20180330Errors,
} from "./dts-package.js";

const at = { file: "x.md", line: 1, column: 1 };
const codes = (...list: string[]): ErrorCode[] =>
  list.map((code) => ({ code, description: `about ${code}`, position: at }));

describe("planErrorClasses", () => {
  const plan = (list: ErrorCode[]) =>
    planErrorClasses(list, ([best]) => best).map((p) => [
      p.code,
      p.className,
      p.parentClassName ?? null,
    ]);

  it.each([
    {
      given: ["ResourceNotFound.JobNotExist"],
      want: [
        ["ResourceNotFound", "ResourceNotFoundError", null],
        [
          "ResourceNotFound.JobNotExist",
          "ResourceNotFoundJobNotExistError",
          "ResourceNotFoundError",
        ],
      ],
    },
    {
      given: ["InvalidParameter"],
      want: [["InvalidParameter", "InvalidParameterError", null]],
    },
    {
      given: ["LimitExceeded.A.B", "InvalidParameter", "InvalidParameter.Foo", "InvalidParameter"],
      want: [
        ["InvalidParameter", "InvalidParameterError", null],
        ["InvalidParameter.Foo", "InvalidParameterFooError", "InvalidParameterError"],
        ["LimitExceeded", "LimitExceededError", null],
        ["LimitExceeded.A.B", "LimitExceededABError", "LimitExceededError"],
      ],
    },
    {
      given: ["InternalError.DatabaseError", "InternalError"],
      want: [
        ["InternalError", "InternalError", null],
        ["InternalError.DatabaseError", "InternalErrorDatabaseError", "InternalError"],
      ],
    },
    {
      given: ["Error", "Error.Fatal"],
      want: [
        ["Error", "ErrorError", null],
        ["Error.Fatal", "ErrorFatalError", "ErrorError"],
      ],
    },
    {
      given: ["FailedOperation.Errors", "FailedOperation.DBerror"],
      want: [
        ["FailedOperation", "FailedOperationError", null],
        ["FailedOperation.DBerror", "FailedOperationDBerrorError", "FailedOperationError"],
        ["FailedOperation.Errors", "FailedOperationErrorsError", "FailedOperationError"],
      ],
    },
  ])("$given", ({ given, want }) => {
    expect(plan(codes(...given))).toEqual(want);
  });

  it("falls back to the doubled suffix, then a number, when the name is taken", () => {
    const names = new NameAllocator(["TimeoutError"]);
    const plans = planErrorClasses(
      codes("TimeoutError", "A.Db", "A.DbError", "A.DbErrorError", "A.DbErrorErrorError"),
      (preferred) => names.claimFirstFree(preferred),
    );
    expect(plans.map((p) => [p.code, p.className])).toEqual([
      ["A", "AError"],
      ["A.Db", "ADbError"],
      ["A.DbError", "ADbErrorError"],
      ["A.DbErrorError", "ADbErrorErrorError"],
      ["A.DbErrorErrorError", "ADbErrorErrorErrorError"],
      ["TimeoutError", "TimeoutErrorError"],
    ]);
  });

  it("marks categories that only appear as prefixes as undocumented", () => {
    const plans = planErrorClasses(codes("A.B", "C"), ([best]) => best);
    expect(plans.map((p) => [p.code, p.documented])).toEqual([
      ["A", false],
      ["A.B", true],
      ["C", true],
    ]);
  });
});

describe("generated error classes (dts seed)", () => {
  const init = { code: "", message: "m", requestId: "r-1", action: "ModifyMigrateJob" };

  it("maps a documented code to its class, under its category and TencentCloudError", () => {
    const error = createServiceError(dtsV20180330Errors, {
      ...init,
      code: "ResourceNotFound.JobNotExist",
    });
    expect(error).toBeInstanceOf(ResourceNotFoundJobNotExistError);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.requestId]).toEqual([
      "ResourceNotFoundJobNotExistError",
      "ResourceNotFound.JobNotExist",
      "r-1",
    ]);
  });

  it("maps a code equal to its category to the category class", () => {
    const error = createServiceError(dtsV20180330Errors, { ...init, code: "InvalidParameter" });
    expect(error.constructor).toBe(InvalidParameterError);
  });

  it("maps an undocumented code to its category class, else the base class", () => {
    expect(
      createServiceError(dtsV20180330Errors, { ...init, code: "FailedOperation.Other" })
        .constructor,
    ).toBe(FailedOperationError);
    expect(
      createServiceError(dtsV20180330Errors, { ...init, code: "NoSuchCategory.X" }).constructor,
    ).toBe(TencentCloudError);
  });

  it("includes the common error codes", () => {
    const error = createServiceError(dtsV20180330Errors, {
      ...init,
      code: "AuthFailure.SignatureFailure",
    });
    expect(error).toBeInstanceOf(AuthFailureSignatureFailureError);
    expect(error).toBeInstanceOf(AuthFailureError);
    expect(new FailedOperationNotAllowOperationError(init)).toBeInstanceOf(FailedOperationError);
  });
});
