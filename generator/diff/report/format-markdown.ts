/**
 * The drift report as Markdown for a pull-request comment: per package a headline with the bump
 * and a table of changes, breaking first. Cells are escaped (a `|` or a backtick cannot break the
 * table or the code spans).
 */
import { CHANGE_KINDS } from "../change-kinds.js";
import type { ApiChange } from "../api-change.js";
import { countChanges, positionText, versionLine, type DriftGroup } from "./drift-report.js";

export function formatMarkdown(groups: readonly DriftGroup[]): string {
  const changed = groups.filter((g) => g.changes.length > 0);
  if (changed.length === 0) return "### API drift\n\nNo API changes.\n";
  return `### API drift\n\n${changed.map(groupSection).join("\n")}`;
}

function groupSection(group: DriftGroup): string {
  const ordered = [
    ...group.changes.filter((c) => c.severity === "error"),
    ...group.changes.filter((c) => c.severity !== "error"),
  ];
  return (
    `#### ${code(group.name)}: ${versionLine(group, "→")}\n\n` +
    `${countChanges(group.changes)}.\n\n` +
    "| severity | change | where | before | after | page |\n" +
    "|---|---|---|---|---|---|\n" +
    ordered.map(row).join("")
  );
}

function row(c: ApiChange): string {
  const where = c.version === null ? code(c.path) : `${code(c.path)} (${c.version})`;
  const kind = `${CHANGE_KINDS[c.id].title}${c.breaking ? " **(breaking)**" : ""} ${code(c.id)}`;
  const cells = [
    c.severity,
    kind,
    where,
    c.before === null ? "" : code(c.before),
    c.after === null ? "" : code(c.after),
    positionText(c) === "" ? "" : code(positionText(c)),
  ];
  return `| ${cells.join(" | ")} |\n`;
}

/** A code span that survives any content: no backticks or pipes inside, no line breaks. */
function code(text: string): string {
  const safe = text.replace(/[`\r\n]/g, " ").replace(/\|/g, "\\|");
  return `\`${safe}\``;
}
