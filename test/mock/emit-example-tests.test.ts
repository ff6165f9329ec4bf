import { describe, expect, it } from "vitest";
import {
  emitExampleTests,
  kebabCase,
} from "../../generator/emit/example-tests/emit-example-tests.js";
import type { Action } from "../../generator/ir/types.js";
import { fixtureIr } from "./ir-fixture.js";
import { syntaxErrors } from "./syntax.js";

describe("emitExampleTests", () => {
  const files = emitExampleTests(fixtureIr);
  const modify = files.find((f) => f.path === "dts/test/v20180330/modify-migrate-job.test.ts");
  const describeJobs = files.find(
    (f) => f.path === "dts/test/v20180330/describe-migrate-jobs.test.ts",
  );

  it("emits one syntactically valid test file per action", () => {
    expect(files.map((f) => f.path).sort()).toEqual([
      "dts/test/v20180330/describe-migrate-jobs.test.ts",
      "dts/test/v20180330/modify-migrate-job.test.ts",
    ]);
    for (const file of files) expect(syntaxErrors(file.path, file.content)).toEqual([]);
  });

  it("sends a consistent example through the client and checks body, signature and result", () => {
    const text = modify?.content ?? "";
    expect(text).toContain('it("1. Example 1 Modify a task"');
    expect(text).toContain("await client.modifyMigrateJob(request)");
    expect(text).toContain("expect(received?.signatureValid).toBe(true)");
    expect(text).toContain("expect(received?.body).toEqual(request)");
    expect(text).toContain('expect(result).toEqual({"RequestId":"req-1"})');
  });

  // The check phase widens the IR so that the docs' own examples are accepted; an IR that still
  // contradicts an example (hand-written here) gets no rejection test: the example is listed as
  // not sent, with the reason, and left as a todo.
  it("lists an example its IR does not accept, with the reason, and asserts no rejection", () => {
    const text = modify?.content ?? "";
    expect(text).toMatch(
      /Example 2 \(Example 2 Contradicts the page\) cannot be sent as written \(MigrateOption\.RunMode: expected Integer.*\): it is not sent/,
    );
    expect(text).toContain("Bogus: not a parameter on the page");
    expect(text).toContain("the example names action ModifyMigrateJobs");
    expect(text).toContain('it.todo("2. Example 2 Contradicts the page (not sent: ');
    expect(text).not.toContain("validator rejects");
    expect(text).not.toContain("toBe(false)");
  });

  it("fills no placeholders into an example that lacks required parameters", () => {
    const ir = structuredClone(fixtureIr);
    const action = ir.services[0]?.versions[0]?.actions[1];
    const example = action?.examples[0];
    if (action === undefined || example === undefined) throw new Error("fixture changed");
    (action as { examples: Action["examples"] }).examples = [
      { ...example, request: { MigrateOption: { Speed: 2 } } },
    ];
    const file = emitExampleTests(ir).find((f) => f.path.endsWith("modify-migrate-job.test.ts"));
    const text = file?.content ?? "";
    expect(text).toContain(
      "(not sent: JobId: required by the page but missing; MigrateOption.RunMode: required by the page but missing)",
    );
    // The example is not filled in; only the error tests get a request of placeholders.
    expect(text).not.toContain('"RunMode":0');
    expect(text).toContain("Error codes are tested with a request of placeholders");
    expect(text).not.toContain("validator rejects");
  });

  it("asserts each documented code's class, its category class and the base class", () => {
    const text = modify?.content ?? "";
    expect(text).toContain(
      '{ code: "ResourceNotFound.JobNotExist", message: "The migration task does not exist.", specific: ResourceNotFoundJobNotExistError, category: ResourceNotFoundError }',
    );
    // A code that is its own category is the category class; the action's description wins.
    expect(text).toContain(
      '{ code: "InvalidParameter", message: "Parameter error", specific: InvalidParameterError, category: InvalidParameterError }',
    );
    // A sample of common codes, not the ones the action already lists.
    expect(text).toContain('code: "AuthFailure.SignatureExpire"');
    expect(text).toContain('code: "InternalError"');
    expect(text).toContain('code: "MissingParameter"');
    expect(text).not.toContain('code: "RequestLimitExceeded"');
    expect(text).toContain("expect(error).toBeInstanceOf(TencentCloudError)");
  });

  it("says so when a page has no examples, and still tests errors when nothing is required", () => {
    const text = describeJobs?.content ?? "";
    expect(text).toContain("The page has no examples.");
    expect(text).toContain('it.todo("the page has no examples")');
    expect(text).toContain("await client.describeMigrateJobs({})");
  });

  it("expects what the mock answers: error outputs throw, a missing RequestId is the mock's, equal requests share the first output", () => {
    const ir = structuredClone(fixtureIr);
    const action = ir.services[0]?.versions[0]?.actions[1];
    const example = action?.examples[0];
    if (action === undefined || example === undefined) throw new Error("fixture changed");
    (action as { examples: Action["examples"] }).examples = [
      {
        ...example,
        title: "Fails",
        response: { Error: { Code: "FailedOperation", Message: "no" } },
        responseJson: '{"Error":{"Code":"FailedOperation","Message":"no"}}',
      },
      { ...example, title: "Same request", response: { Other: 1 }, responseJson: '{"Other":1}' },
      {
        ...example,
        title: "Own request",
        request: { ...example.request, JobName: "x" },
        response: { RequestID: "typo" },
        responseJson: '{"RequestID":"typo"}',
      },
    ];
    const file = emitExampleTests(ir).find((f) => f.path.endsWith("modify-migrate-job.test.ts"));
    const text = file?.content ?? "";
    expect(text).toContain(
      'expect(error).toMatchObject({"code":"FailedOperation","message":"no"})',
    );
    expect(text).toContain("Example 2 (Same request) is answered with Example 1's output");
    expect(text).toContain(
      'expect(result).toEqual({ ...{"RequestID":"typo"}, RequestId: received?.requestId })',
    );
    expect(text).not.toContain('{"Other":1}');
    expect(syntaxErrors(file?.path ?? "x.ts", text)).toEqual([]);
  });

  it("imports only what a test file uses", () => {
    const text = describeJobs?.content ?? "";
    expect(text).not.toMatch(/import \{[^}]*describeMigrateJobsOperation/);
  });

  it("pins the clock of the client and the mock", () => {
    expect(modify?.content).toMatch(
      /now: \(\) => PINNED_MS[\s\S]*clock: \{ now: \(\) => PINNED_MS/,
    );
  });
});

describe("kebabCase", () => {
  it.each([
    ["ModifyMigrateJob", "modify-migrate-job"],
    ["DescribeDBInstances", "describe-db-instances"],
    ["GetURL", "get-url"],
  ])("%s -> %s", (given, want) => {
    expect(kebabCase(given)).toBe(want);
  });
});
