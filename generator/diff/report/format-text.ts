/** The drift report for a terminal: one headline per group, one line per change. */
import { CHANGE_KINDS } from "../change-kinds.js";
import type { ApiChange } from "../api-change.js";
import { countChanges, positionText, versionLine, type DriftGroup } from "./drift-report.js";

export function formatText(groups: readonly DriftGroup[]): string {
  if (groups.every((g) => g.changes.length === 0)) return "No API changes.\n";
  return groups
    .filter((g) => g.changes.length > 0)
    .map(
      (g) =>
        `${g.name}: ${countChanges(g.changes)}; ${versionLine(g)}\n` +
        g.changes.map((c) => `  ${changeText(c)}\n`).join(""),
    )
    .join("");
}

function changeText(c: ApiChange): string {
  const where = c.version === null ? c.path : `${c.path} (${c.version})`;
  const values =
    c.before !== null && c.after !== null
      ? `: ${c.before} -> ${c.after}`
      : c.after !== null
        ? `: ${c.after}`
        : c.before !== null
          ? `: was ${c.before}`
          : "";
  const at = positionText(c);
  return (
    `${c.severity.padEnd(7)} ${where} ${CHANGE_KINDS[c.id].title}${values}` +
    `${c.breaking ? " [breaking]" : ""} [${c.id}]${at === "" ? "" : `  ${at}`}`
  );
}
