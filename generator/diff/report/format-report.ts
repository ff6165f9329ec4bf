/** Picks the printer for a `--format`. */
import type { DriftFormat, DriftGroup } from "./drift-report.js";
import { formatJson } from "./format-json.js";
import { formatMarkdown } from "./format-markdown.js";
import { formatText } from "./format-text.js";

export function formatReport(
  groups: readonly DriftGroup[],
  format: DriftFormat,
  extra: object = {},
): string {
  switch (format) {
    case "text":
      return formatText(groups);
    case "markdown":
      return formatMarkdown(groups);
    case "json":
      return formatJson(groups, extra);
  }
}
