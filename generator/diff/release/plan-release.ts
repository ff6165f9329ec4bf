/**
 * The release of one package that a generate run makes: the API the pages now describe compared
 * with the API recorded in the out folder gives the changes, the bump and the version; the
 * changelog gets an entry for them. With no change, version and changelog stay as recorded, so
 * running generate twice changes nothing.
 */
import type { ErrorCode, Service } from "../../ir/types.js";
import type { ApiChange } from "../api-change.js";
import { diffService } from "../diff-models.js";
import { serviceModel } from "../model-from-ir.js";
import { RECORD_FORMAT, type ApiRecord } from "../record-file.js";
import { bumpVersion, impliedBump, type Bump } from "../semver-bump.js";
import { applySeverityOverrides, type SeverityOverrides } from "../severity-config.js";
import {
  firstEntry,
  keepChangelog,
  prependEntry,
  releaseEntry,
  type PlannedChangelog,
} from "./changelog.js";
import type { PreviousRelease } from "./previous-release.js";

export const FIRST_VERSION = "0.1.0";

export interface PackageRelease {
  readonly service: string;
  readonly packageName: string;
  /** The recorded version; null when the out folder had no usable record. */
  readonly previousVersion: string | null;
  readonly version: string;
  readonly bump: Bump;
  /** API changes since the recorded API, severities overridden (empty without a record). */
  readonly changes: readonly ApiChange[];
  /** The new api.json content (before the print phase's notice). */
  readonly record: ApiRecord;
  /** The new CHANGELOG.md content (before the print phase's notice). */
  readonly changelog: PlannedChangelog;
}

export function planRelease(
  service: Service,
  commonErrors: readonly ErrorCode[],
  packageName: string,
  previous: PreviousRelease,
  overrides: SeverityOverrides,
): PackageRelease {
  const model = serviceModel(service, commonErrors);
  const actions = model.versions.reduce((n, v) => n + v.actions.length, 0);
  const recorded = previous.record;
  if (recorded === undefined) {
    const version = previous.packageVersion ?? FIRST_VERSION;
    return {
      service: service.name,
      packageName,
      previousVersion: null,
      version,
      bump: "none",
      changes: [],
      record: { recordFormat: RECORD_FORMAT, package: packageName, version, service: model },
      changelog: keepChangelog(previous.changelog, firstEntry(version, actions)),
    };
  }
  const raw: ApiChange[] = [];
  diffService(raw, recorded.service, model);
  const changes = applySeverityOverrides(raw, overrides);
  const bump = impliedBump(changes, recorded.version);
  const version = bumpVersion(recorded.version, bump);
  return {
    service: service.name,
    packageName,
    previousVersion: recorded.version,
    version,
    bump,
    changes,
    record: { recordFormat: RECORD_FORMAT, package: packageName, version, service: model },
    changelog:
      bump === "none"
        ? keepChangelog(previous.changelog, firstEntry(version, actions))
        : prependEntry(previous.changelog, releaseEntry(version, bump, changes)),
  };
}
