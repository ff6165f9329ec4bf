/**
 * The plain description a mock server is built from: one service version, its actions, their
 * request validators, example outputs and documented error codes. Generated packages build one
 * of these from their own validators and the IR's examples (see the package's `mock` entry point).
 */

/** The part of a generated `Validator<T>` the mock needs (structurally compatible with it). */
export interface RequestValidator {
  validate(
    value: unknown,
  ): { readonly ok: true } | { readonly ok: false; readonly issues: readonly RequestIssue[] };
}

/** The part of a generated validator's issue the mock reads. */
export interface RequestIssue {
  readonly message: string;
  /** Where the issue is, e.g. ["DstInfo", "Region"]; names an unknown parameter. */
  readonly path?: readonly (string | number)[];
  /** True for a key the docs do not list: answered with UnknownParameter. */
  readonly unknownKey?: boolean;
}

/** One documented example of an action. */
export interface MockExample {
  readonly title: string;
  /** The example request body (parameters without Action/Version/Region). */
  readonly request: { readonly [key: string]: unknown };
  /** The content of the example's `Response` object, or null when the page has none. */
  readonly response?: { readonly [key: string]: unknown } | null;
  /**
   * The same content as JSON object text, answered exactly as written; wins over `response`.
   * Generated packages give this: a parsed value would round big numbers and lose
   * `"__proto__"` keys on the way to the client.
   */
  readonly responseJson?: string | null;
}

/** A documented error code and its description (used as the mock's message). */
export interface MockErrorCode {
  readonly code: string;
  readonly description: string;
}

export interface MockAction {
  readonly name: string;
  /**
   * Validates the request body. A field it does not know is answered with UnknownParameter (as
   * the real service does), any other issue with InvalidParameter.
   */
  readonly request: RequestValidator;
  readonly examples: readonly MockExample[];
  /** Action-specific documented error codes. */
  readonly errors: readonly MockErrorCode[];
}

export interface MockServiceDescription {
  /** Service name, as in the credential scope, e.g. "dts". */
  readonly service: string;
  /** API version, e.g. "2018-03-30". */
  readonly version: string;
  /** Endpoint host, e.g. "dts.tencentcloudapi.com". */
  readonly host: string;
  /** More hosts the service answers on (finance-region hosts, for example). */
  readonly extraHosts?: readonly string[];
  readonly actions: readonly MockAction[];
  /** Error codes every action may return (the product's common error codes). */
  readonly commonErrors?: readonly MockErrorCode[];
}
