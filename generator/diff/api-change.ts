/**
 * One change between two API models, as plain data (the JSON format prints it as is).
 */
import type { SourcePosition } from "../ir/types.js";
import type { ChangeKindId, ChangeSeverity } from "./change-kinds.js";

export interface ApiChange {
  /** Stable id of the kind of change (change-kinds.ts), e.g. "request-parameter-became-required". */
  readonly id: ChangeKindId;
  readonly service: string;
  /** API version, e.g. "2018-03-30"; null for a change to the whole service. */
  readonly version: string | null;
  /** The action changed, when the change is in an action. */
  readonly action: string | null;
  /** The structure changed, when the change is in a structure. */
  readonly structure: string | null;
  /**
   * What changed: `ModifyMigrateJob` (an action), `ModifyMigrateJob.JobName` (a request
   * parameter), `ModifyMigrateJobResponse.Status` (a response field), `MigrateOption.RunMode`
   * (a structure field), `ModifyMigrateJob#ResourceNotFound.JobNotExist` (an action's error code,
   * `dts@2018-03-30#Code` for one of the service's own codes, `#Code` for a common one), `dts` or
   * `dts@2018-03-30` for a service or a version.
   */
  readonly path: string;
  /** The old value (a type, "required"/"optional", a host, a hash...), null when added. */
  readonly before: string | null;
  /** The new value, null when removed. */
  readonly after: string | null;
  /** Whether code using the generated package can break (the rule's verdict). */
  readonly breaking: boolean;
  /** Effective severity: the kind's default, or the override from tcgen.diff.json. */
  readonly severity: ChangeSeverity;
  /** Where on a page: the new side's, or the old side's for a removal; null from a record. */
  readonly position: SourcePosition | null;
}
