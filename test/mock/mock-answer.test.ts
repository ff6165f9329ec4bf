/**
 * Given examples and the request a generated test sends, want what the generated mock answers
 * (its rule: the first example whose request equals the body, else the first example).
 */
import { describe, expect, it } from "vitest";
import { mockAnswer } from "../../generator/emit/example-tests/mock-answer.js";
import type { Example, JsonValue } from "../../generator/ir/types.js";

function example(
  request: { [key: string]: JsonValue },
  response: { [key: string]: JsonValue } | null,
): Example {
  return {
    title: "t",
    requestStyle: "post",
    request,
    response,
    responseJson: response === null ? null : JSON.stringify(response),
    position: { file: "page.md", line: 1, column: 1 },
  };
}

const ok1 = example({ A: 1 }, { X: "one", RequestId: "r1" });
const ok2 = example({ A: 1 }, { X: "two", RequestId: "r2" });
const other = example({ A: 2 }, { X: "other", RequestId: "r3" });
const failing = example({ A: 3 }, { Error: { Code: "InvalidParameter.Bad", Message: "bad" } });
const typo = example({ A: 4 }, { RequestID: "r4" });
const silent = example({ A: 5 }, null);

interface Case {
  name: string;
  examples: Example[];
  sent: { [key: string]: JsonValue };
  want: unknown;
}

describe("mockAnswer", () => {
  it.each<Case>([
    {
      name: "own output when the request matches",
      examples: [ok1, other],
      sent: { A: 2 },
      want: {
        kind: "success",
        from: 2,
        contentJson: other.responseJson,
        addsRequestId: false,
      },
    },
    {
      name: "first of two examples with equal requests answers both",
      examples: [ok1, ok2],
      sent: { A: 1 },
      want: {
        kind: "success",
        from: 1,
        contentJson: ok1.responseJson,
        addsRequestId: false,
      },
    },
    {
      name: "request with placeholders matches nothing: the first example answers",
      examples: [other, ok1],
      sent: { A: 1, B: "placeholder" },
      want: {
        kind: "success",
        from: 1,
        contentJson: other.responseJson,
        addsRequestId: false,
      },
    },
    {
      name: "an error output makes the call fail with its code",
      examples: [ok1, failing],
      sent: { A: 3 },
      want: { kind: "error", from: 2, code: "InvalidParameter.Bad", message: "bad" },
    },
    {
      name: "an output without RequestId gets the mock's",
      examples: [typo],
      sent: { A: 4 },
      want: {
        kind: "success",
        from: 1,
        contentJson: '{"RequestID":"r4"}',
        addsRequestId: true,
      },
    },
    {
      name: "no output example",
      examples: [silent],
      sent: { A: 5 },
      want: { kind: "empty", from: 1 },
    },
    { name: "no examples at all", examples: [], sent: {}, want: { kind: "empty", from: 0 } },
  ])("$name", ({ examples, sent, want }) => {
    expect(mockAnswer(examples, sent)).toEqual(want);
  });
});
