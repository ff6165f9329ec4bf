/**
 * The tcgen intermediate representation (IR).
 *
 * This file is the one documented place where the IR is defined. The IR is plain, readonly,
 * JSON-serialisable data: `JSON.parse(JSON.stringify(ir))` is equal to `ir`. It contains no class
 * instances, no functions, no `undefined`-only members that matter, no Maps or Sets.
 *
 * Every node that came from a documentation page carries a `position` pointing at the Markdown
 * that produced it. Emitters read only the IR, never Markdown; the parser never imports an emitter.
 *
 * Bump `IR_VERSION` on every change to these shapes that a consumer could observe.
 */

/** Version of the IR shapes below. */
export const IR_VERSION = 3 as const;

/** JSON value, as found in example requests and responses. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Where in a documentation page a node came from. Lines and columns are 1-based. */
export interface SourcePosition {
  /** Path of the page as given to tcgen (relative to the working directory when possible). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** Scalar types the docs use, normalised. `docType` on the `TypeRef` keeps the original spelling. */
export type PrimitiveName =
  /** "String" */
  | "string"
  /** "Integer", "Int", "Long" */
  | "integer"
  /** "Float", "Double", "Number" */
  | "float"
  /** "Boolean", "Bool" */
  | "boolean"
  /** "Timestamp": a date-time string such as "2019-01-01 00:00:00" */
  | "timestamp"
  /** "Timestamp ISO8601" */
  | "timestampIso8601"
  /** "Date": a date string such as "2019-01-01" */
  | "date"
  /** "Object" or "JSON": a free-form JSON object */
  | "object"
  /** "String/Number": either a string or a number on the wire */
  | "stringOrNumber"
  /** "Binary": base64 text on the wire */
  | "binary";

/** The type of a parameter or field. */
export type TypeRef =
  | {
      readonly kind: "primitive";
      readonly name: PrimitiveName;
      /** The type cell exactly as written on the page (trimmed), e.g. "Integer". */
      readonly docType: string;
    }
  | {
      readonly kind: "array";
      /** The element type. `Array of Array of X` nests. */
      readonly element: TypeRef;
      readonly docType: string;
    }
  | {
      readonly kind: "struct";
      /** The structure name as the docs spell it, e.g. "MigrateOption". */
      readonly name: string;
      /** Link target from the type cell, when the cell was a Markdown link. */
      readonly link?: string;
      readonly docType: string;
    }
  | {
      /**
       * Either of `options`: the documented type and the one an example of the page gives instead
       * (the check phase widens a field so that the docs' own example is accepted; see
       * `Field.widened`). Options are distinct and never unions themselves.
       */
      readonly kind: "union";
      readonly options: readonly TypeRef[];
      readonly docType: string;
    }
  | {
      /** A type cell tcgen could not understand (a diagnostic was reported). Emitted as `unknown`. */
      readonly kind: "unknown";
      readonly docType: string;
    };

/**
 * How the check phase widened a field so that an example of its page is accepted, where the
 * example contradicts the table. The field's `required` and `type` are already widened.
 */
export interface FieldWidening {
  /**
   * "added-from-example": the table lacks the parameter, the example sends it (typed from its value);
   * "required-omitted-by-example": the table marks it required, the example leaves it out (now optional);
   * "type-from-example": the example's value has another type (now the union of both).
   */
  readonly kind: "added-from-example" | "required-omitted-by-example" | "type-from-example";
  /** The example's title, e.g. "Example 1 Modify a data migration task". */
  readonly example: string;
  /** What the example does, e.g. "example gives a string". */
  readonly detail: string;
  /** Where the example is. */
  readonly position: SourcePosition;
}

/** One row of an input, output or structure table. */
export interface Field {
  /** Wire name, e.g. "JobId". For `.N` rows the suffix is removed ("InstanceIds.N" becomes "InstanceIds") and the type is an array. */
  readonly name: string;
  /** Whether the table marks it required. Output parameters are always `false` unless the doc says otherwise. */
  readonly required: boolean;
  readonly type: TypeRef;
  /** Description as plain text; `<br/>` is kept as "\n". May be empty. */
  readonly description: string;
  /** True when the description says the field "may return null". */
  readonly nullable: boolean;
  /** How the field was widened to accept the page's own examples; absent when it was not. */
  readonly widened?: readonly FieldWidening[];
  readonly position: SourcePosition;
}

/** A documented error code, e.g. `ResourceNotFound.JobNotExist`. */
export interface ErrorCode {
  /** Dotted code exactly as documented. */
  readonly code: string;
  readonly description: string;
  readonly position: SourcePosition;
}

/** One example from the "Example" section. */
export interface Example {
  /** The example heading, e.g. "Example 1 Modify a data migration task". */
  readonly title: string;
  /** How the page wrote the request. */
  readonly requestStyle: "get" | "post";
  /**
   * The request parameters, structured: dotted keys unflattened, `.0` indices as arrays, values
   * coerced to the documented parameter types, Action and Version removed. A key that misspells a
   * documented name is under the documented name (TCG076); every other key and value is as the
   * page wrote it, and the fields are widened to accept it (`Field.widened`).
   */
  readonly request: { readonly [key: string]: JsonValue };
  /** The Action named by the example, if any (it may contradict the page; a warning says so). */
  readonly action?: string;
  /**
   * Parsed `Response` content of the output example (the object inside `{"Response": ...}`), or
   * null when absent/unparseable. For checks only: parsing rounds big numbers (and `1e400` is
   * Infinity), so emitted example data is built from `responseJson`.
   */
  readonly response: { readonly [key: string]: JsonValue } | null;
  /**
   * The same `Response` object as JSON text, exactly as the page wrote it except for the
   * whitespace between tokens (e.g. `{"Total":123456789012345678901234567890,"RequestId":"r"}`);
   * null when `response` is. Kept since IR version 2 so that example outputs reach the generated
   * mock and tests losslessly (big numbers exact, `"__proto__"` keys as data).
   */
  readonly responseJson: string | null;
  readonly position: SourcePosition;
}

/** Finance-region facts from the API Description section. */
export interface FinanceNote {
  /** True when the page says the API supports finance regions. */
  readonly supported: boolean;
  /** Finance-region hosts the page names, e.g. ["dts.ap-shenzhen-fsi.tencentcloudapi.com"]. */
  readonly hosts: readonly string[];
  /** Host template with `{region}` where the region goes, e.g. "dts.{region}.tencentcloudapi.com". */
  readonly hostTemplate: string;
}

/** One API action page. */
export interface Action {
  /** e.g. "ModifyMigrateJob" */
  readonly name: string;
  /** Description paragraphs from the API Description section, as plain text. */
  readonly description: string;
  /** Documented rate limit in requests per second, when the page gives one. */
  readonly rateLimitPerSecond?: number;
  readonly finance?: FinanceNote;
  /** Task statuses in which the action may be called, when the page lists them. */
  readonly callableStatuses?: readonly string[];
  /** Input parameters, without the common parameters Action, Version and Region. */
  readonly input: readonly Field[];
  /** Output parameters, RequestId included. */
  readonly output: readonly Field[];
  /** Action-specific error codes. */
  readonly errors: readonly ErrorCode[];
  readonly examples: readonly Example[];
  /** How to page through the action's results, when its tables show a paginated list. */
  readonly pagination?: Pagination;
  readonly position: SourcePosition;
}

/**
 * A list action's paging, detected from its tables (check/detect-pagination.ts): the request
 * parameters that move through the results and the response fields that hold the total and the
 * items. `offset` style: `start` is an item offset (Offset/Limit); `page` style: a 1-based page
 * number (PageNumber/PageSize).
 */
export interface Pagination {
  readonly style: "offset" | "page";
  /** "Offset" or "PageNumber". */
  readonly start: string;
  /** "Limit" or "PageSize". */
  readonly size: string;
  /** True when the docs type `start` and `size` as String (decimal text is sent). */
  readonly numbersAsText: boolean;
  /** The response's total count field, e.g. "TotalCount". */
  readonly total: string;
  /** The response's list field, e.g. "VpcSet". */
  readonly items: string;
}

/** A structure from a Data Types page. */
export interface Structure {
  readonly name: string;
  readonly description: string;
  readonly fields: readonly Field[];
  /**
   * True when no Data Types page defined this structure: it is emitted as an open object type
   * (`{ [key: string]: unknown }`) and a warning was reported.
   */
  readonly open: boolean;
  readonly position: SourcePosition;
}

/** One version of one service, e.g. dts 2018-03-30. */
export interface ServiceVersion {
  /** e.g. "2018-03-30" */
  readonly version: string;
  /** Default endpoint host from the pages' domain line, e.g. "dts.tencentcloudapi.com". */
  readonly host: string;
  /** Sorted by name. */
  readonly actions: readonly Action[];
  /** Every structure reachable from the actions, sorted by name. */
  readonly structures: readonly Structure[];
  /**
   * The product's own error codes from its error codes page (not the common ones, not only those
   * an action page lists), sorted by code; absent when no such page belongs to the service. Every
   * version of the service gets them.
   */
  readonly serviceErrors?: readonly ErrorCode[];
}

/** A service (product API), e.g. dts. */
export interface Service {
  /** Service name as used in hosts and the credential scope, e.g. "dts". */
  readonly name: string;
  /** Sorted by version. */
  readonly versions: readonly ServiceVersion[];
}

/** The root of the IR. */
export interface Ir {
  readonly irVersion: typeof IR_VERSION;
  /** Sorted by name. */
  readonly services: readonly Service[];
  /** Error codes every action of every service can return (from a common error codes page), sorted by code. */
  readonly commonErrors: readonly ErrorCode[];
}
