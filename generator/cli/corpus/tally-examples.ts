/**
 * Every example of every generated action, counted against its generated test (issue 11: the docs'
 * own examples must pass): sent means the generated test sends the request as written (it passed
 * tcgen's check against the widened contract, so the validator and the request type accept it);
 * answered means that test passed (the mock answered with the documented output). An example not
 * sent, or whose test failed, is an example rejection, listed with the reason.
 */
import { join, resolve } from "node:path";
import { planExamples, unsentReason } from "../../emit/example-tests/plan-examples.js";
import { packageFolder, versionContexts } from "../../emit/version-context.js";
import type { Ir } from "../../ir/types.js";
import { examplesSuite } from "../../../templates/test-harness/test-version-examples.js";
import type { TestFileResult } from "./run-example-tests.js";

export interface ExampleTally {
  /** Action pages whose examples these are: each generated action's page, and a duplicate page whose examples joined it. */
  readonly pages: number;
  readonly examples: number;
  readonly sent: number;
  readonly answered: number;
  /** One line per example not sent or not answered as documented: "<page>: <example>: <why>". */
  readonly rejections: readonly string[];
}

export function tallyExamples(
  ir: Ir,
  tests: readonly TestFileResult[],
  packagesDir: string,
): ExampleTally {
  const byFile = new Map(tests.map((t) => [resolve(t.file), t]));
  const pages = new Set<string>();
  let examples = 0;
  let sent = 0;
  let answered = 0;
  const rejections: string[] = [];
  for (const { service, version, names } of versionContexts(ir)) {
    const file = join(packagesDir, packageFolder(service.name), names.testing.exampleTest);
    const result = byFile.get(resolve(file));
    const passed = new Set(result?.passedTests ?? []);
    for (const action of version.actions) {
      pages.add(action.position.file);
      for (const example of action.examples) pages.add(example.position.file);
      for (const planned of planExamples(version, action)) {
        examples++;
        const where = `${action.position.file}: Example ${planned.index} (${planned.title})`;
        if (planned.sent === undefined) {
          rejections.push(`${where}: not sent (${unsentReason(planned)})`);
          continue;
        }
        sent++;
        const test = `${examplesSuite(action.name)} ${planned.index}. ${planned.title}`;
        if (passed.has(test)) {
          answered++;
        } else {
          const failure = result?.failures.find((f) => f.startsWith(`${test}: `));
          rejections.push(`${where}: ${failure ?? "its test did not pass"}`);
        }
      }
    }
  }
  return { pages: pages.size, examples, sent, answered, rejections };
}

/** "N examples from M pages: N sent, N answered as documented; 0 example rejections". */
export function formatTally(tally: ExampleTally): string {
  const examples = count(tally.examples, "example");
  const rejections = count(tally.rejections.length, "example rejection");
  return `${examples} from ${count(tally.pages, "page")}: ${tally.sent} sent, ${tally.answered} answered as documented; ${rejections}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
