/**
 * `tcgen diff`'s comparison: the changes between two sides grouped per service, severities
 * overridden, the implied bump, and, when both sides are recorded APIs, whether the new record's
 * version was bumped enough for its changes (a `version-not-bumped` change when it was not).
 */
import type { ApiChange } from "./api-change.js";
import { diffModels } from "./diff-models.js";
import type { DiffSide } from "./load-side.js";
import type { DriftGroup } from "./report/drift-report.js";
import { bumpBetween, bumpCovers, impliedBump } from "./semver-bump.js";
import { applySeverityOverrides, type SeverityOverrides } from "./severity-config.js";
import { FIRST_VERSION } from "./release/plan-release.js";
import { CHANGE_KINDS } from "./change-kinds.js";

export function compareSides(
  before: DiffSide,
  after: DiffSide,
  overrides: SeverityOverrides,
): DriftGroup[] {
  const changes = applySeverityOverrides(diffModels(before.model, after.model), overrides);
  const services = [...new Set(changes.map((c) => c.service))].sort();
  if (before.record !== undefined && after.record !== undefined) {
    return [recordGroup(before, after, changes, overrides)];
  }
  return services.map((service) => {
    const own = changes.filter((c) => c.service === service);
    return {
      name: service,
      service,
      previousVersion: null,
      version: null,
      bump: impliedBump(own, FIRST_VERSION),
      changes: own,
    };
  });
}

function recordGroup(
  before: DiffSide,
  after: DiffSide,
  changes: ApiChange[],
  overrides: SeverityOverrides,
): DriftGroup {
  const old = before.record!;
  const now = after.record!;
  const needed = impliedBump(changes, old.version);
  const all = [...changes];
  if (!bumpCovers(bumpBetween(old.version, now.version), needed)) {
    all.push({
      id: "version-not-bumped",
      service: now.service.name,
      version: null,
      action: null,
      structure: null,
      path: now.package,
      before: old.version,
      after: now.version,
      breaking: false,
      severity: overrides.get("version-not-bumped") ?? CHANGE_KINDS["version-not-bumped"].severity,
      position: null,
    });
  }
  return {
    name: now.package,
    service: now.service.name,
    previousVersion: old.version,
    version: now.version,
    bump: needed,
    changes: all,
  };
}
