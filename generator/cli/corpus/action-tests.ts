/**
 * Example tests run one file per package version (test/<version>/examples.test.ts), with one pair
 * of suites per action (the harness's examplesSuite and errorsSuite titles). A page's results are
 * its action's suites: this module cuts them out of the version's file result.
 */
import {
  errorsSuite,
  examplesSuite,
} from "../../../templates/test-harness/test-version-examples.js";
import type { TestFileResult } from "./run-example-tests.js";

/** The tests of `action` in its version's file; the whole file when it did not load. */
export function actionTestResult(file: TestFileResult, action: string): TestFileResult {
  const tests = file.tests ?? [];
  if (tests.length === 0) return file;
  const suites = [`${examplesSuite(action)} `, `${errorsSuite(action)} `];
  const own = tests.filter((t) => suites.some((suite) => t.fullName.startsWith(suite)));
  const count = (...statuses: readonly string[]) =>
    own.filter((t) => statuses.includes(t.status)).length;
  return {
    file: file.file,
    passed: count("passed"),
    failed: count("failed"),
    skipped: count("skipped", "pending", "todo"),
    ms: own.reduce((sum, t) => sum + t.ms, 0),
    failures: own.flatMap((t) =>
      t.status === "failed" ? [`${t.fullName}: ${t.failure ?? ""}`] : [],
    ),
    passedTests: own.filter((t) => t.status === "passed").map((t) => t.fullName),
    tests: own,
  };
}
