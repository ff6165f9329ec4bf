/**
 * Given a small IR, want example tests as data (test/<version>/examples.ts) that say, per action,
 * what is sent, what must come back and which error classes are expected; one test file per
 * version that hands the data to the harness; and the harness copied as it is.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitExampleTests } from "../../generator/emit/example-tests/emit-example-tests.js";
import type { Action, Example, Ir } from "../../generator/ir/types.js";
import type { ActionExamples } from "../../templates/test-harness/example-data.js";
import { fixtureIr } from "./ir-fixture.js";
import { syntaxErrors } from "./syntax.js";
import { renderEmitted } from "../emit/emit-fixture.js";

const DATA = "dts/test/v20180330/examples.ts";
const TEST = "dts/test/v20180330/examples.test.ts";

function fileOf(ir: Ir, path: string): string {
  const file = renderEmitted(ir, [emitExampleTests]).find((f) => f.path === path);
  if (file === undefined) throw new Error(`${path} not emitted`);
  return file.content;
}

/** The data module's export, evaluated (test-only: the generator itself never evaluates code). */
function dataOf(ir: Ir): readonly ActionExamples[] {
  const js = ts.transpileModule(fileOf(ir, DATA), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: { dtsV20180330Examples?: readonly ActionExamples[] } = {};
  new Function("exports", js)(exports);
  if (exports.dtsV20180330Examples === undefined) throw new Error("no data exported");
  return exports.dtsV20180330Examples;
}

function actionOf(ir: Ir, name: string): ActionExamples {
  const found = dataOf(ir).find((a) => a.action === name);
  if (found === undefined) throw new Error(`no data for ${name}`);
  return found;
}

/** The fixture with ModifyMigrateJob's examples replaced. */
function withExamples(make: (first: Example) => Example[]): Ir {
  const ir = structuredClone(fixtureIr);
  const action = ir.services[0]?.versions[0]?.actions[1];
  const example = action?.examples[0];
  if (action === undefined || example === undefined) throw new Error("fixture changed");
  (action as { examples: Action["examples"] }).examples = make(example);
  return ir;
}

describe("emitExampleTests", () => {
  const files = renderEmitted(fixtureIr, [emitExampleTests]);

  it("emits the harness as it is, and one data module and one test file per version", () => {
    const harness = files.filter((f) => f.path.startsWith("dts/test/harness/"));
    expect(harness.map((f) => f.path)).toEqual([
      "dts/test/harness/check-examples.ts",
      "dts/test/harness/example-data.ts",
      "dts/test/harness/expected-value.ts",
      "dts/test/harness/test-version-examples.ts",
    ]);
    for (const file of harness) {
      const name = file.path.slice("dts/test/harness/".length);
      const template = new URL(`../../templates/test-harness/${name}`, import.meta.url);
      expect(file.content).toBe(readFileSync(template, "utf8"));
    }
    expect(files.filter((f) => !harness.includes(f)).map((f) => f.path)).toEqual([TEST, DATA]);
    for (const file of files) expect(syntaxErrors(file.path, file.content)).toEqual([]);
  });

  it("hands the version's module, its mock and its data to the harness", () => {
    const text = fileOf(fixtureIr, TEST);
    expect(text).toContain('import * as api from "../../src/v20180330/index.js";');
    expect(text).toContain('from "../harness/test-version-examples.js"');
    expect(text).toContain("Client: api.DtsClient,");
    expect(text).toContain("startMock: startDtsMock,");
    expect(text).toContain('apiVersion: "2018-03-30",');
    expect(text).toContain("actions: dtsV20180330Examples,");
  });

  it("sends a consistent example as written and expects the page's output text", () => {
    const modify = actionOf(fixtureIr, "ModifyMigrateJob");
    expect(modify).toMatchObject({
      method: "modifyMigrateJob",
      operation: "modifyMigrateJobOperation",
    });
    expect(modify.examples[0]).toEqual({
      index: 1,
      title: "Example 1 Modify a task",
      request: { JobId: "dts-1", MigrateOption: { RunMode: 1 } },
      expected: { kind: "success", responseJson: '{"RequestId":"req-1"}', addsRequestId: false },
    });
  });

  // The check phase widens the IR so that the docs' own examples are accepted; an IR that still
  // contradicts an example (hand-written here) gets no rejection test: the example is listed as
  // not sent, with the reason, and left as a todo.
  it("lists an example its IR does not accept, with the reason, and asserts no rejection", () => {
    const modify = actionOf(fixtureIr, "ModifyMigrateJob");
    expect(modify.examples[1]).toEqual({
      index: 2,
      title: "Example 2 Contradicts the page",
      notSent:
        'MigrateOption.RunMode: expected Integer, the example has "1"; Bogus: not a parameter on the page',
    });
    const text = fileOf(fixtureIr, DATA);
    expect(text).toMatch(/Example 2 \(Example 2 Contradicts the page\) cannot be sent as written/);
    expect(text).toContain("the example names action ModifyMigrateJobs");
  });

  it("fills no placeholders into an example that lacks required parameters", () => {
    const ir = withExamples((first) => [{ ...first, request: { MigrateOption: { Speed: 2 } } }]);
    const modify = actionOf(ir, "ModifyMigrateJob");
    expect(modify.examples[0]).toMatchObject({
      notSent:
        "JobId: required by the page but missing; MigrateOption.RunMode: required by the page but missing",
    });
    // Only the error cases get a request of placeholders.
    expect(modify.errorCases?.request).toEqual({ JobId: "placeholder" });
    expect(fileOf(ir, DATA)).toContain("Error codes are tested with a request of placeholders");
  });

  it("expects each documented code's class and category class, and a sample of common codes", () => {
    const modify = actionOf(fixtureIr, "ModifyMigrateJob");
    expect(modify.errorCases?.request).toEqual({ JobId: "dts-1", MigrateOption: { RunMode: 1 } });
    expect(modify.errorCases?.cases).toEqual([
      {
        code: "ResourceNotFound.JobNotExist",
        message: "The migration task does not exist.",
        className: "ResourceNotFoundJobNotExistError",
        categoryClassName: "ResourceNotFoundError",
      },
      // A code that is its own category is the category class; the action's description wins.
      {
        code: "InvalidParameter",
        message: "Parameter error",
        className: "InvalidParameterError",
        categoryClassName: "InvalidParameterError",
      },
      // The common codes the action does not list, three of them.
      {
        code: "AuthFailure.SignatureExpire",
        message: "Signature expired.",
        className: "AuthFailureSignatureExpireError",
        categoryClassName: "AuthFailureError",
      },
      {
        code: "InternalError",
        message: "Internal error.",
        className: "InternalError",
        categoryClassName: "InternalError",
      },
      {
        code: "MissingParameter",
        message: "Missing parameter.",
        className: "MissingParameterError",
        categoryClassName: "MissingParameterError",
      },
    ]);
  });

  it("says so when a page has no examples, and still tests errors when nothing is required", () => {
    const jobs = actionOf(fixtureIr, "DescribeMigrateJobs");
    expect(jobs.examples).toEqual([]);
    expect(jobs.errorCases?.request).toEqual({});
    expect(fileOf(fixtureIr, DATA)).toContain("The page has no examples.");
  });

  it("tests no error codes when no valid request exists, and says why", () => {
    const ir = structuredClone(fixtureIr);
    const version = ir.services[0]?.versions[0];
    const action = version?.actions[1];
    if (version === undefined || action === undefined) throw new Error("fixture changed");
    // A required field whose structure requires itself: no finite request passes the validator.
    (version as unknown as { structures: unknown[] }).structures.push({
      name: "Loop",
      fields: [
        {
          name: "Next",
          type: { kind: "struct", name: "Loop", docType: "Loop" },
          required: true,
          description: "",
          position: action.position,
        },
      ],
      position: action.position,
    });
    (action as unknown as { input: unknown[] }).input = [
      {
        name: "Loop",
        type: { kind: "struct", name: "Loop", docType: "Loop" },
        required: true,
        description: "",
        position: action.position,
      },
    ];
    const modify = actionOf(ir, "ModifyMigrateJob");
    expect(modify.errorCases).toBeUndefined();
    expect(fileOf(ir, DATA)).toContain("Error codes are not tested: no example can be sent");
  });

  it("expects what the mock answers: error outputs throw, a missing RequestId is the mock's, equal requests share the first output", () => {
    const ir = withExamples((first): Example[] => [
      {
        ...first,
        title: "Fails",
        response: { Error: { Code: "FailedOperation", Message: "no" } },
        responseJson: '{"Error":{"Code":"FailedOperation","Message":"no"}}',
      },
      { ...first, title: "Same request", response: { Other: 1 }, responseJson: '{"Other":1}' },
      {
        ...first,
        title: "Own request",
        request: { ...first.request, JobName: "x" },
        response: { RequestID: "typo" },
        responseJson: '{"RequestID":"typo"}',
      },
      {
        ...first,
        title: "No output",
        request: { ...first.request, JobName: "y" },
        response: null,
        responseJson: null,
      },
    ]);
    const expected = actionOf(ir, "ModifyMigrateJob").examples.map((e) =>
      "expected" in e ? e.expected : undefined,
    );
    expect(expected).toEqual([
      { kind: "error", code: "FailedOperation", message: "no" },
      { kind: "error", code: "FailedOperation", message: "no" },
      { kind: "success", responseJson: '{"RequestID":"typo"}', addsRequestId: true },
      { kind: "empty" },
    ]);
    expect(fileOf(ir, DATA)).toContain(
      "Example 2 (Same request) is answered with Example 1's output",
    );
  });

  it("has tsc check each request without unknown keys against the request type", () => {
    const text = fileOf(fixtureIr, DATA);
    expect(text).toContain(
      'import type { DescribeMigrateJobsRequest, ModifyMigrateJobRequest } from "../../src/v20180330/index.js";',
    );
    // The example and the error cases' request.
    expect(text.match(/\} satisfies ModifyMigrateJobRequest,/g)).toHaveLength(2);
    const withData = fileOf(
      withExamples((first) => [{ ...first, request: { ...first.request, "x-trace": "on" } }]),
      DATA,
    );
    expect(withData).toMatch(/"x-trace":"on"\}, allowUnknownFields: true/);
  });

  it("sends keys that are no parameter names as data, with allowUnknownFields", () => {
    const ir = withExamples((first) => [
      { ...first, request: { ...first.request, "x-trace": "on" } },
    ]);
    const example = actionOf(ir, "ModifyMigrateJob").examples[0];
    expect(example).toMatchObject({ allowUnknownFields: true, request: { "x-trace": "on" } });
    // The error cases then use placeholders: the data keys would need the lenient mock.
    expect(actionOf(ir, "ModifyMigrateJob").errorCases?.request).toEqual({ JobId: "placeholder" });
  });
});
