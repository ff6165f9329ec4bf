/**
 * One action present on both sides: its description, rate limit, finance-region endpoints,
 * request parameters, response fields and error codes.
 */
import type { ApiAction, ApiErrorCode } from "./api-model.js";
import { record, pairByKey, type ChangeScope } from "./change-scope.js";
import { diffFields } from "./diff-fields.js";

export function diffAction(scope: ChangeScope, before: ApiAction, after: ApiAction): void {
  const name = after.name;
  if (before.descriptionHash !== after.descriptionHash) {
    record(
      scope,
      "description-changed",
      name,
      before.descriptionHash,
      after.descriptionHash,
      after.position,
    );
  }
  if (before.rateLimitPerSecond !== after.rateLimitPerSecond) {
    const perSecond = (n: number | null): string | null => (n === null ? null : `${n}/s`);
    record(
      scope,
      "rate-limit-changed",
      name,
      perSecond(before.rateLimitPerSecond),
      perSecond(after.rateLimitPerSecond),
      after.position,
    );
  }
  const financeBefore = before.financeHosts.join(", ");
  const financeAfter = after.financeHosts.join(", ");
  if (financeBefore !== financeAfter) {
    record(
      scope,
      "finance-endpoints-changed",
      name,
      financeBefore || null,
      financeAfter || null,
      after.position,
    );
  }
  diffFields(scope, "request", name, before.request, after.request);
  diffFields(scope, "response", `${name}Response`, before.response, after.response);
  diffErrorCodes(scope, name, before.errors, after.errors);
}

/**
 * Error codes of an action (`owner` = its name), a service version's own (`owner` =
 * `service@version`) or the common ones (`owner` = "").
 */
export function diffErrorCodes(
  scope: ChangeScope,
  owner: string,
  before: readonly ApiErrorCode[],
  after: readonly ApiErrorCode[],
): void {
  const path = (e: ApiErrorCode): string => `${owner}#${e.code}`;
  const { removed, added, both } = pairByKey(before, after, (e) => e.code);
  for (const e of removed) record(scope, "error-code-removed", path(e), e.code, null, e.position);
  for (const e of added) record(scope, "error-code-added", path(e), null, e.code, e.position);
  for (const [old, now] of both) {
    if (old.descriptionHash === now.descriptionHash) continue;
    record(
      scope,
      "description-changed",
      path(now),
      old.descriptionHash,
      now.descriptionHash,
      now.position,
    );
  }
}
