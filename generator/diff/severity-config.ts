/**
 * `tcgen.diff.json`: a team's severity overrides, by change kind id. Optional; read from the
 * working directory (or `--config FILE`). Example:
 *
 *   { "severity": { "endpoint-changed": "info", "response-field-type-changed": "warning" } }
 *
 * Lowering a breaking kind below "error" accepts it: it no longer fails `--fail-on breaking` or
 * forces the breaking bump (the change still says `breaking: true`). An unknown id or severity
 * is refused with the file and the id named, so a typo never silently accepts nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import type { ApiChange } from "./api-change.js";
import { isChangeKindId, type ChangeKindId, type ChangeSeverity } from "./change-kinds.js";

export const DEFAULT_CONFIG_FILE = "tcgen.diff.json";

export type SeverityOverrides = ReadonlyMap<ChangeKindId, ChangeSeverity>;

export class DiffConfigError extends Error {}

const SEVERITIES: readonly string[] = ["error", "warning", "info"];

/** Reads the overrides; no file at the default path means none, a named file must exist. */
export function readSeverityOverrides(
  path: string = DEFAULT_CONFIG_FILE,
  mustExist = false,
): SeverityOverrides {
  if (!existsSync(path)) {
    if (mustExist) throw new DiffConfigError(`${path}: no such file`);
    return new Map();
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DiffConfigError(`${path}: not readable JSON (${(error as Error).message})`);
  }
  return parseOverrides(data, path);
}

export function parseOverrides(data: unknown, where: string): SeverityOverrides {
  const severity = (data as { severity?: unknown } | null)?.severity;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new DiffConfigError(`${where}: should be an object like {"severity": {...}}`);
  }
  if (severity === undefined) return new Map();
  if (typeof severity !== "object" || severity === null || Array.isArray(severity)) {
    throw new DiffConfigError(`${where}: "severity" should map change ids to severities`);
  }
  const overrides = new Map<ChangeKindId, ChangeSeverity>();
  for (const [id, value] of Object.entries(severity)) {
    if (!isChangeKindId(id)) {
      throw new DiffConfigError(`${where}: unknown change id ${JSON.stringify(id)}`);
    }
    if (typeof value !== "string" || !SEVERITIES.includes(value)) {
      throw new DiffConfigError(
        `${where}: severity of ${id} should be "error", "warning" or "info", not ${JSON.stringify(value)}`,
      );
    }
    overrides.set(id, value as ChangeSeverity);
  }
  return overrides;
}

export function applySeverityOverrides(
  changes: readonly ApiChange[],
  overrides: SeverityOverrides,
): ApiChange[] {
  return changes.map((c) => {
    const severity = overrides.get(c.id);
    return severity === undefined ? c : { ...c, severity };
  });
}
