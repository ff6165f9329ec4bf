/**
 * What the out folder says about a package's last release: its recorded API (api.json), its
 * CHANGELOG.md and, for a package generated before tcgen recorded APIs, its package.json version.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseRecord, RecordError, type ApiRecord } from "../record-file.js";

export interface PreviousRelease {
  readonly record?: ApiRecord;
  /** Why api.json could not be used, when it exists but is broken. */
  readonly recordProblem?: string;
  readonly changelog?: string;
  /** package.json's version, used when there is no usable record. */
  readonly packageVersion?: string;
}

export const RECORD_FILE = "api.json";
export const CHANGELOG_FILE = "CHANGELOG.md";

export function readPreviousRelease(packageDir: string): PreviousRelease {
  const recordText = readText(join(packageDir, RECORD_FILE));
  let record: ApiRecord | undefined;
  let recordProblem: string | undefined;
  if (recordText !== undefined) {
    try {
      record = parseRecord(recordText, join(packageDir, RECORD_FILE));
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      recordProblem = error.message;
    }
  }
  return {
    record,
    recordProblem,
    changelog: readText(join(packageDir, CHANGELOG_FILE)),
    packageVersion: packageJsonVersion(join(packageDir, "package.json")),
  };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function packageJsonVersion(path: string): string | undefined {
  const text = readText(path);
  if (text === undefined) return undefined;
  try {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === "string" && /^\d+\.\d+\.\d+$/.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}
