/**
 * `--fail-on`: which drift fails the run (exit 1).
 *   any      any API change (and, for `generate --check`, any generated file that differs)
 *   breaking a change of severity "error" (breaking kinds unless tcgen.diff.json accepted them)
 *   none     never; report only
 */
import type { ApiChange } from "./api-change.js";

export type FailOn = "any" | "breaking" | "none";

export const FAIL_ON_VALUES: readonly FailOn[] = ["any", "breaking", "none"];

export function isFailOn(value: string): value is FailOn {
  return (FAIL_ON_VALUES as readonly string[]).includes(value);
}

export function driftFails(
  failOn: FailOn,
  changes: readonly ApiChange[],
  otherDrift = false,
): boolean {
  switch (failOn) {
    case "any":
      return changes.length > 0 || otherDrift;
    case "breaking":
      return changes.some((c) => c.severity === "error");
    case "none":
      return false;
  }
}
