/**
 * The API model that drift is judged on: what code using a generated package can observe, and
 * nothing else. Built from the IR (model-from-ir.ts) or read back from a recorded `api.json`
 * (record-file.ts). Plain, sorted data, so that two models compare field by field and a recorded
 * one is a reviewable file. Descriptions are kept only as a hash: a prose edit is visible as a
 * change of hash without the record repeating the docs.
 *
 * `position` is where a node came from on a page; the recorded file leaves it out (line numbers
 * move with every edit above them and would make every record diff noisy), so it is optional.
 */
import type { SourcePosition } from "../ir/types.js";

/** A field of a request, a response or a structure. */
export interface ApiField {
  readonly name: string;
  readonly required: boolean;
  /** Canonical type text (canonical-type.ts), `| null` appended when the field may be null. */
  readonly type: string;
  readonly descriptionHash: string;
  readonly position?: SourcePosition;
}

export interface ApiErrorCode {
  readonly code: string;
  readonly descriptionHash: string;
  readonly position?: SourcePosition;
}

export interface ApiAction {
  readonly name: string;
  readonly descriptionHash: string;
  /** Documented requests per second; null when the page gives none. */
  readonly rateLimitPerSecond: number | null;
  /** Finance-region hosts the page names; empty when the action does not support them. */
  readonly financeHosts: readonly string[];
  /** Sorted by name. */
  readonly request: readonly ApiField[];
  /** Sorted by name. */
  readonly response: readonly ApiField[];
  /** Sorted by code. */
  readonly errors: readonly ApiErrorCode[];
  readonly position?: SourcePosition;
}

export interface ApiStructure {
  readonly name: string;
  readonly descriptionHash: string;
  /** True when no Data Types page defined it (emitted as an open object type). */
  readonly open: boolean;
  /** Sorted by name. */
  readonly fields: readonly ApiField[];
  readonly position?: SourcePosition;
}

export interface ApiVersion {
  /** e.g. "2018-03-30" */
  readonly version: string;
  readonly host: string;
  /** Sorted by name. */
  readonly actions: readonly ApiAction[];
  /** Sorted by name. */
  readonly structures: readonly ApiStructure[];
  /**
   * The service's own error codes from its error codes page (each an error class of the package,
   * like an action's codes), sorted by code; empty when no such page is given to the service.
   */
  readonly serviceErrors: readonly ApiErrorCode[];
}

export interface ApiService {
  readonly name: string;
  /** Sorted by version. */
  readonly versions: readonly ApiVersion[];
  /** Error codes every action can return (common error codes page), sorted by code. */
  readonly commonErrors: readonly ApiErrorCode[];
}

/** A whole side of a comparison: one or more services, sorted by name. */
export interface ApiModel {
  readonly services: readonly ApiService[];
}
