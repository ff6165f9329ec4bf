/** Error code tables ("| Error Code | Description |") to `ErrorCode`s. */
import type { RootContent, Table } from "mdast";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ErrorCode } from "../ir/types.js";
import { tidyLines } from "./markdown.js";
import { readTable } from "./read-table.js";

/** Reads every error-code table among `nodes`; the first row for a code wins. */
export function parseErrorCodes(
  file: string,
  pageText: string,
  nodes: readonly RootContent[],
  diagnostics: Diagnostic[],
): ErrorCode[] {
  const errors: ErrorCode[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (node.type !== "table" || !isErrorCodeTable(node)) continue;
    const table = readTable(file, pageText, node);
    for (const row of table.rows) {
      const code = (row.cells[0]?.text ?? "").replace(/\s+/g, "");
      if (code === "") {
        diagnostics.push(diagnose("TCG060", row.position));
        continue;
      }
      if (seen.has(code)) continue;
      seen.add(code);
      const description = tidyLines(
        row.cells
          .slice(1)
          .map((c) => c.text)
          .filter((t) => t !== "")
          .join("\n"),
      );
      errors.push({ code, description, position: row.position });
    }
  }
  return errors;
}

export function isErrorCodeTable(table: Table): boolean {
  const first = table.children[0]?.children[0];
  if (first === undefined) return false;
  const text = first.children.map((c) => ("value" in c ? c.value : "")).join("");
  return /^\s*error\s*code\s*$/i.test(text);
}
