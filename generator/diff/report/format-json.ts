/** The drift report for tools: the groups as they are, one JSON document. */
import type { DriftGroup } from "./drift-report.js";

export function formatJson(groups: readonly DriftGroup[], extra: object = {}): string {
  return `${JSON.stringify({ ...extra, packages: groups }, null, 2)}\n`;
}
