/**
 * A drift report: the API changes, grouped per package (or per service when comparing pages),
 * with the versions and the bump they imply. The three formats print this one structure.
 */
import type { ApiChange } from "../api-change.js";
import type { Bump } from "../semver-bump.js";

export interface DriftGroup {
  /** "@tcgen/dts" for a package, "dts" for a service compared from pages. */
  readonly name: string;
  readonly service: string;
  /** The recorded version the changes are measured from; null when none is known. */
  readonly previousVersion: string | null;
  /** The version the bump leads to; null when none is known. */
  readonly version: string | null;
  readonly bump: Bump;
  readonly changes: readonly ApiChange[];
}

export type DriftFormat = "text" | "markdown" | "json";

const DRIFT_FORMATS: readonly DriftFormat[] = ["text", "markdown", "json"];

export function isDriftFormat(value: string): value is DriftFormat {
  return (DRIFT_FORMATS as readonly string[]).includes(value);
}

/** Counts for a headline: "2 changes, 1 breaking". */
export function countChanges(changes: readonly ApiChange[]): string {
  const breaking = changes.filter((c) => c.severity === "error").length;
  const noun = changes.length === 1 ? "change" : "changes";
  return `${changes.length} API ${noun}, ${breaking} breaking`;
}

/** "0.1.0 -> 0.2.0 (minor)", "minor bump" without versions, "no bump" without changes. */
export function versionLine(group: DriftGroup, arrow = "->"): string {
  if (group.bump === "none") return "no version bump";
  if (group.previousVersion === null || group.version === null) {
    return `implies a ${group.bump} bump (0.x convention)`;
  }
  return `${group.previousVersion} ${arrow} ${group.version} (${group.bump} bump)`;
}

export function positionText(change: ApiChange): string {
  const p = change.position;
  return p === null ? "" : `${p.file}:${p.line}:${p.column}`;
}
