/**
 * What the generated mock answers when an example's request is sent, so a generated test expects
 * exactly that. The mock's rule (templates/mock/pick-example.ts): the first example whose request
 * equals the body answers, else the first example. Real pages break the naive expectation "each
 * example gets its own output" in three ways this module settles:
 * - two examples with the same request but different outputs (the first one answers both);
 * - an example sent with placeholders no longer equals its own request (the first example answers);
 * - an output that is an error (`{"Error":{"Code","Message"}}`) makes the client throw;
 * - an output without `RequestId` (e.g. the page wrote `RequestID`) gets the mock's RequestId added.
 */
import { isDeepStrictEqual } from "node:util";
import type { Example, JsonValue } from "../../ir/types.js";

export type MockAnswer =
  /** A success body, compared with the result; `addsRequestId` when the mock adds it. */
  | {
      readonly kind: "success";
      readonly from: number;
      /** The body as the page wrote it (the example's `responseJson`): expected values come from it. */
      readonly contentJson: string;
      readonly addsRequestId: boolean;
    }
  /** The example output is an error: the client throws a TencentCloudError with this code. */
  | {
      readonly kind: "error";
      readonly from: number;
      readonly code: string;
      readonly message: string;
    }
  /** No output example: only success and the RequestId can be checked. */
  | { readonly kind: "empty"; readonly from: number };

/** `from` is the 1-based number of the answering example (0 when the action has none). */
export function mockAnswer(
  examples: readonly Example[],
  sent: { readonly [key: string]: JsonValue },
): MockAnswer {
  const found = examples.findIndex((e) => isDeepStrictEqual(e.request, sent));
  const index = found === -1 ? 0 : found;
  const response = examples[index]?.response ?? null;
  const contentJson = examples[index]?.responseJson ?? null;
  const from = examples.length === 0 ? 0 : index + 1;
  if (response === null || contentJson === null) return { kind: "empty", from };
  const error = errorOf(response);
  if (error !== undefined) return { kind: "error", from, ...error };
  const addsRequestId = !Object.hasOwn(response, "RequestId");
  return { kind: "success", from, contentJson, addsRequestId };
}

function errorOf(response: {
  readonly [key: string]: JsonValue;
}): { code: string; message: string } | undefined {
  const error = Object.hasOwn(response, "Error") ? response["Error"] : undefined;
  if (error === undefined || error === null || typeof error !== "object" || Array.isArray(error))
    return undefined;
  const member = (key: string): JsonValue | undefined =>
    Object.hasOwn(error, key) ? (error as { readonly [key: string]: JsonValue })[key] : undefined;
  const code = member("Code");
  const message = member("Message");
  if (typeof code !== "string") return undefined;
  return { code, message: typeof message === "string" ? message : "" };
}
