/**
 * The semantic diff of two API models: every change between them, in a stable order (service,
 * version, then the order the walk finds them: the version's own error codes, actions by name,
 * then structures by name).
 */
import type { ApiChange } from "./api-change.js";
import type { ApiModel, ApiService, ApiVersion } from "./api-model.js";
import { pairByKey, record, type ChangeScope } from "./change-scope.js";
import { diffAction, diffErrorCodes } from "./diff-action.js";
import { diffStructures } from "./diff-structures.js";

export function diffModels(before: ApiModel, after: ApiModel): ApiChange[] {
  const changes: ApiChange[] = [];
  const { removed, added, both } = pairByKey(before.services, after.services, (s) => s.name);
  for (const s of removed) {
    record(scopeOf(changes, s.name), "service-removed", s.name, s.name, null, undefined);
  }
  for (const s of added) {
    record(scopeOf(changes, s.name), "service-added", s.name, null, s.name, undefined);
  }
  for (const [old, now] of both) diffService(changes, old, now);
  return changes;
}

export function diffService(changes: ApiChange[], before: ApiService, after: ApiService): void {
  const scope = scopeOf(changes, after.name);
  diffErrorCodes(scope, "", before.commonErrors, after.commonErrors);
  const { removed, added, both } = pairByKey(before.versions, after.versions, (v) => v.version);
  const path = (v: ApiVersion): string => `${after.name}@${v.version}`;
  for (const v of removed) {
    record(
      { ...scope, version: v.version },
      "api-version-removed",
      path(v),
      v.version,
      null,
      undefined,
    );
  }
  for (const v of added) {
    record(
      { ...scope, version: v.version },
      "api-version-added",
      path(v),
      null,
      v.version,
      undefined,
    );
  }
  for (const [old, now] of both) diffVersion({ ...scope, version: now.version }, old, now);
}

function diffVersion(scope: ChangeScope, before: ApiVersion, after: ApiVersion): void {
  if (before.host !== after.host) {
    record(
      scope,
      "endpoint-changed",
      `${scope.service}@${after.version}`,
      before.host,
      after.host,
      undefined,
    );
  }
  // The service's own codes, path `wgt@2020-01-01#Code`: each is an error class of the package.
  diffErrorCodes(
    scope,
    `${scope.service}@${after.version}`,
    before.serviceErrors,
    after.serviceErrors,
  );
  const { removed, added, both } = pairByKey(before.actions, after.actions, (a) => a.name);
  const at = (action: string): ChangeScope => ({ ...scope, action });
  for (const a of removed) record(at(a.name), "action-removed", a.name, a.name, null, a.position);
  for (const a of added) record(at(a.name), "action-added", a.name, null, a.name, a.position);
  for (const [old, now] of both) diffAction(at(now.name), old, now);
  diffStructures(scope, before, after);
}

function scopeOf(changes: ApiChange[], service: string): ChangeScope {
  return { service, version: null, action: null, structure: null, changes };
}
