/**
 * Every kind of API change, with its stable id, whether it breaks code that uses the generated
 * package, and its default severity. Breaking is judged from the caller's side: what it sends
 * (a request) must still be accepted, what it reads (a response) must still be there with a type
 * its code handles, and every name it imports must still exist. Additions and loosening are not
 * breaking; description-only edits are a patch.
 *
 * Structure fields depend on where the structure is used: `request` means a structure reachable
 * from some action's request, `response` from some response (both when it is used in both).
 * The README's drift table is this table.
 */
export type ChangeSeverity = "error" | "warning" | "info";

/** When a kind breaks callers. */
type BreakingRule =
  | "always"
  | "never"
  /** Breaking when the structure appears in a request. */
  | "in-request"
  /** Breaking when the structure appears in a response. */
  | "in-response"
  /**
   * Breaking when the structure appears in a request and the new type does not accept every old
   * value, or in a response and the old type does not accept every new value.
   */
  | "type-direction";

export interface ChangeKind {
  readonly breaking: BreakingRule;
  /** Severity when the change is not breaking (breaking changes are "error"). */
  readonly severity: Exclude<ChangeSeverity, "error"> | "error";
  /** Short phrase for summaries: "request parameter became required". */
  readonly title: string;
}

export const CHANGE_KINDS = {
  "service-added": kind("never", "info", "service added"),
  "service-removed": kind("always", "error", "service removed"),
  "api-version-added": kind("never", "info", "API version added"),
  "api-version-removed": kind("always", "error", "API version removed"),
  "endpoint-changed": kind("never", "warning", "endpoint changed"),
  "action-added": kind("never", "info", "action added"),
  "action-removed": kind("always", "error", "action removed"),
  "rate-limit-changed": kind("never", "warning", "rate limit changed"),
  "finance-endpoints-changed": kind("never", "warning", "finance-region endpoints changed"),
  "request-parameter-added-optional": kind("never", "info", "optional request parameter added"),
  "request-parameter-added-required": kind("always", "error", "required request parameter added"),
  "request-parameter-removed": kind("always", "error", "request parameter removed"),
  "request-parameter-became-required": kind("always", "error", "request parameter became required"),
  "request-parameter-became-optional": kind("never", "info", "request parameter became optional"),
  "request-parameter-type-changed": kind("always", "error", "request parameter type changed"),
  "request-parameter-type-widened": kind("never", "info", "request parameter type widened"),
  "response-field-added": kind("never", "info", "response field added"),
  "response-field-removed": kind("always", "error", "response field removed"),
  "response-field-became-optional": kind("always", "error", "response field became optional"),
  "response-field-became-required": kind("never", "info", "response field became required"),
  "response-field-type-changed": kind("always", "error", "response field type changed"),
  "response-field-type-narrowed": kind("never", "info", "response field type narrowed"),
  "structure-added": kind("never", "info", "structure added"),
  "structure-removed": kind("always", "error", "structure removed"),
  "structure-field-added-optional": kind("never", "info", "optional structure field added"),
  "structure-field-added-required": kind("in-request", "info", "required structure field added"),
  "structure-field-removed": kind("always", "error", "structure field removed"),
  "structure-field-became-required": kind("in-request", "info", "structure field became required"),
  "structure-field-became-optional": kind("in-response", "info", "structure field became optional"),
  "structure-field-type-changed": kind("type-direction", "info", "structure field type changed"),
  "error-code-added": kind("never", "info", "error code added"),
  "error-code-removed": kind("always", "error", "error code removed"),
  "description-changed": kind("never", "info", "description changed"),
  "version-not-bumped": kind("never", "error", "recorded version not bumped for the changes"),
} as const satisfies Record<string, ChangeKind>;

export type ChangeKindId = keyof typeof CHANGE_KINDS;

export function isChangeKindId(id: string): id is ChangeKindId {
  return Object.hasOwn(CHANGE_KINDS, id);
}

function kind(breaking: BreakingRule, severity: ChangeKind["severity"], title: string): ChangeKind {
  return { breaking, severity, title };
}
