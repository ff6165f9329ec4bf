/**
 * The shape of a package's example-test data (`test/<version>/examples.ts`, generated from the
 * documentation pages): per action, its examples as sent and the output each one must come back
 * with, and the error codes whose classes it must throw. The data is plain values; the one harness
 * that runs it is `test-version-examples.ts`, copied beside this file into every package.
 */

export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface JsonObject {
  readonly [key: string]: JsonValue;
}

export interface ActionExamples {
  /** The action as sent on the wire, e.g. "ModifyMigrateJob". */
  readonly action: string;
  /** The client method that calls it, e.g. "modifyMigrateJob". */
  readonly method: string;
  /** The exported operation whose `request.validate` must accept each example sent. */
  readonly operation: string;
  readonly examples: readonly ExampleCase[];
  /** Error codes to answer with and the request to send for them; absent when none are tested. */
  readonly errorCases?: ErrorCases;
}

export type ExampleCase = SentExample | UnsentExample;

interface ExampleHead {
  /** 1-based position of the example on its page. */
  readonly index: number;
  readonly title: string;
}

export interface SentExample extends ExampleHead {
  /**
   * The request exactly as the page writes it (misspelt keys already under their documented name).
   */
  readonly request: JsonObject;
  /** Set when the request keeps keys that are no parameter names: it goes as data. */
  readonly allowUnknownFields?: true;
  readonly expected: ExpectedOutput;
}

/** An example that cannot be sent as written: listed as a todo, with the reason. */
export interface UnsentExample extends ExampleHead {
  readonly notSent: string;
}

/** What the mock answers the example with, so what the client must return or throw. */
export type ExpectedOutput =
  /**
   * `responseJson` is the page's output text; `addsRequestId` when it has none and the mock adds
   * it.
   */
  | { readonly kind: "success"; readonly responseJson: string; readonly addsRequestId: boolean }
  /** The documented output is an error: the client throws a TencentCloudError with this code. */
  | { readonly kind: "error"; readonly code: string; readonly message: string }
  /** No output example: only success and the RequestId are checked. */
  | { readonly kind: "empty" };

export interface ErrorCases {
  readonly request: JsonObject;
  readonly cases: readonly ErrorCase[];
}

export interface ErrorCase {
  readonly code: string;
  /** The documented description, which the mock answers as the message. */
  readonly message: string;
  /** Exported class the client must throw for the code (looked up in the version's module). */
  readonly className: string;
  /** Exported class of the code's category, which the thrown error must also be. */
  readonly categoryClassName: string;
}
