/**
 * The one harness behind every package's example tests. Given a version's entry module, its mock
 * starter and the example data generated from its pages (`test/<version>/examples.ts`), it
 * declares, per action:
 * - "<Action> examples": one test per example (check-examples.ts `checkExample`): validator,
 *   client, real HTTP and the package's mock, and the documented output or error back; an example
 *   that cannot be sent is a todo that says why;
 * - "<Action> documented errors": one test per code (`checkErrorCase`): the code's class back.
 * Client and mock share one pinned clock. An example sent with keys that are no parameter names
 * goes to a second mock that allows unknown fields; every other request to a strict one.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  checkErrorCase,
  checkExample,
  connect,
  disconnect,
  type Connection,
  type VersionUnderTest,
} from "./check-examples.js";

/** Title of an action's examples suite; a test in it is "<index>. <example title>". */
export function examplesSuite(action: string): string {
  return `${action} examples`;
}

/** Title of an action's error suite; a test in it is named by its code. */
export function errorsSuite(action: string): string {
  return `${action} documented errors`;
}

export function testVersionExamples<ApiVersion extends string>(
  version: VersionUnderTest<ApiVersion>,
): void {
  const lenientNeeded = version.actions.some((a) =>
    a.examples.some((e) => "request" in e && e.allowUnknownFields === true),
  );
  let strict: Connection | undefined;
  let lenient: Connection | undefined;
  beforeAll(async () => {
    strict = await connect(version, false);
    if (lenientNeeded) lenient = await connect(version, true);
  });
  afterAll(async () => {
    if (strict !== undefined) await disconnect(strict);
    if (lenient !== undefined) await disconnect(lenient);
  });
  const connection = (allowUnknownFields: boolean): Connection => {
    const found = allowUnknownFields ? lenient : strict;
    if (found === undefined) throw new Error("the mock did not start");
    return found;
  };

  for (const action of version.actions) {
    describe(examplesSuite(action.action), () => {
      for (const example of action.examples) {
        const title = `${example.index}. ${example.title}`;
        if ("notSent" in example) it.todo(`${title} (not sent: ${example.notSent})`);
        else {
          it(title, () =>
            checkExample(connection(example.allowUnknownFields === true), action, example),
          );
        }
      }
      if (action.examples.length === 0) it.todo("the page has no examples");
    });
    const errorCases = action.errorCases;
    if (errorCases === undefined) continue;
    describe(errorsSuite(action.action), () => {
      for (const errorCase of errorCases.cases) {
        it(errorCase.code, () => checkErrorCase(connection(false), action, errorCases, errorCase));
      }
    });
  }
}
