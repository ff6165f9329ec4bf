/**
 * What the parse phase hands to the check phase: one value per recognised page. Plain data, like
 * the IR. Examples are still raw here, because typing their values needs the structures of other
 * pages; `check/` turns them into IR examples.
 */
import type { Action, ErrorCode, Field, JsonValue, SourcePosition } from "../ir/types.js";

/** One `key=value` pair of a GET example URL, as written (URL-decoded). */
export interface QueryPair {
  readonly key: string;
  readonly value: string;
}

/** The request of an example before it is typed against the parameter tables. */
export type RawRequest =
  | { readonly style: "get"; readonly pairs: readonly QueryPair[] }
  | { readonly style: "post"; readonly body: { readonly [key: string]: JsonValue } };

export interface ExampleDraft {
  readonly title: string;
  readonly request: RawRequest;
  /** The Action the example names (URL parameter or X-TC-Action header). */
  readonly action?: string;
  readonly response: { readonly [key: string]: JsonValue } | null;
  /** `response` as the page wrote it (see `Example.responseJson`), or null with it. */
  readonly responseJson: string | null;
  /** True when the input could not be read (TCG046/TCG070): `request` is then empty, not the example's. */
  readonly unread?: true;
  readonly position: SourcePosition;
}

/** An action as parsed from its page: the IR action with raw examples. */
interface ActionDraft extends Omit<Action, "examples"> {
  readonly examples: readonly ExampleDraft[];
}

export interface ParsedActionPage {
  readonly kind: "action";
  readonly file: string;
  /** First label of the host, e.g. "dts". */
  readonly service: string;
  /** Host as written on the page, e.g. "live.intl.tencentcloudapi.com". */
  readonly host: string;
  readonly version: string;
  readonly action: ActionDraft;
}

/** A structure from a data types page, with the actions its "Referenced by:" line names. */
export interface StructureDraft {
  readonly name: string;
  readonly description: string;
  readonly referencedBy: readonly string[];
  readonly fields: readonly Field[];
  readonly position: SourcePosition;
}

export interface ParsedDataTypesPage {
  readonly kind: "dataTypes";
  readonly file: string;
  readonly structures: readonly StructureDraft[];
}

export interface ParsedCommonErrorsPage {
  readonly kind: "commonErrors";
  readonly file: string;
  /** Every code of the page: those of its "Common Error Codes" table, then the service's own. */
  readonly errors: readonly ErrorCode[];
  /** The codes of `errors` that are the product's own (other tables than the common one). */
  readonly serviceCodes: readonly string[];
  /** The service a `<service>.tencentcloudapi.com` host on the page names, if exactly one. */
  readonly hostService?: string;
}

export type ParsedPage = ParsedActionPage | ParsedDataTypesPage | ParsedCommonErrorsPage;
