/**
 * Where the workplace's shared material (`../shared` beside the repository: corpus, seed, drift)
 * is, and whether a test may run. Absent on a developer's machine: the test is skipped with a
 * notice. Absent in CI (the CI variable set): the test fails, since a green run that checked
 * nothing would hide the loss.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SHARED_ROOT = fileURLToPath(new URL("../../shared/", import.meta.url));

function inCi(): boolean {
  const value = process.env["CI"] ?? "";
  return value !== "" && value !== "false" && value !== "0";
}

/**
 * `join(SHARED_ROOT, ...parts)` and whether it exists. When it does not: a console notice naming
 * `what`, or in CI an error thrown at collection time, so the suite fails.
 */
export function sharedPath(what: string, ...parts: string[]): { path: string; present: boolean } {
  const path = join(SHARED_ROOT, ...parts);
  const present = existsSync(path);
  if (!present) {
    const notice = `${what}: ${path} is absent`;
    if (inCi()) throw new Error(`${notice}, and CI is set: the shared material must be there`);
    console.warn(`${notice}; skipped`);
  }
  return { path, present };
}
