/**
 * The "Input Parameters" and "Output Parameters" sections. The common parameters Action, Version
 * and Region are taken out of the input table; their rows name the action and the version.
 */
import type { RootContent, Table } from "mdast";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Field, SourcePosition } from "../ir/types.js";
import { findColumns, parseFieldTable, type Columns } from "./parse-field-table.js";
import { readTable, type ReadTable, type TableRow } from "./read-table.js";

export interface InputParameters {
  readonly fields: Field[];
  /** Action named by the Action row ("... the name of this API: X"). */
  readonly action?: string;
  /** Version named by the Version row, as written. */
  readonly version?: string;
  readonly versionPosition?: SourcePosition;
}

const COMMON_PARAMETERS = new Set(["Action", "Version", "Region"]);

/** The value an Action row names: "... the name of this API: ModifyMigrateJob". */
const ACTION_VALUE = /:\s*`?([A-Za-z][A-Za-z0-9]*)`?\.?\s*$/;
/** The value a Version row names: "... the value used for this API: 2018-03-30". */
const VERSION_VALUE = /(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})\.?\s*$/;

/**
 * A row labelled "Version" (or "Action") whose description names the other value: some pages
 * label the Action row as a second Version row. The row is read under the name its value shows
 * (TCG110), so the action is found and the real Version row is not shadowed by the first.
 */
function relabelCommonRows(
  table: ReadTable,
  columns: Columns,
  diagnostics: Diagnostic[],
): ReadTable {
  const description = columns.description ?? columns.count - 1;
  const labels = table.rows.map((row) => row.cells[columns.name]?.text ?? "");
  const count = (name: string) => labels.filter((l) => l === name).length;
  const rows = table.rows.map((row, index): TableRow => {
    const label = labels[index] ?? "";
    if (label !== "Version" && label !== "Action") return row;
    // Only a doubled label, or one whose partner row is missing, can be the mislabelled row.
    const other = label === "Version" ? "Action" : "Version";
    if (count(label) < 2 && count(other) > 0) return row;
    const text = row.cells[description]?.text ?? "";
    const shows = VERSION_VALUE.test(text)
      ? "Version"
      : ACTION_VALUE.test(text)
        ? "Action"
        : undefined;
    if (shows === undefined || shows === label) return row;
    diagnostics.push(diagnose("TCG110", row.position, { label, value: shows }));
    const cells = row.cells.map((cell, i) =>
      i === columns.name ? { ...cell, text: shows, source: shows } : cell,
    );
    return { ...row, cells };
  });
  return { ...table, rows };
}

export function parseInputParameters(
  file: string,
  pageText: string,
  nodes: readonly RootContent[],
  diagnostics: Diagnostic[],
): InputParameters {
  const all = parseParameterTable(file, pageText, nodes, diagnostics, relabelCommonRows);
  const actionRow = all.find((f) => f.name === "Action");
  const versionRow = all.find((f) => f.name === "Version");
  const action = actionRow && ACTION_VALUE.exec(actionRow.description)?.[1];
  const version = versionRow && VERSION_VALUE.exec(versionRow.description)?.[1];
  return {
    fields: all.filter((f) => !COMMON_PARAMETERS.has(f.name)),
    ...(action ? { action } : {}),
    ...(version ? { version } : {}),
    ...(versionRow ? { versionPosition: versionRow.position } : {}),
  };
}

export function parseOutputParameters(
  file: string,
  pageText: string,
  nodes: readonly RootContent[],
  diagnostics: Diagnostic[],
): Field[] {
  return parseParameterTable(file, pageText, nodes, diagnostics);
}

/** The section's parameter table: the first table with Name and Type columns. */
function parseParameterTable(
  file: string,
  pageText: string,
  nodes: readonly RootContent[],
  diagnostics: Diagnostic[],
  adjust?: (table: ReadTable, columns: Columns, diagnostics: Diagnostic[]) => ReadTable,
): Field[] {
  const tables = nodes.filter((n): n is Table => n.type === "table");
  const first = tables[0];
  if (first === undefined) return [];
  const read = tables.map((t) => readTable(file, pageText, t));
  const usable = read.find((t) => !("missing" in findColumns(t.header)));
  if (usable === undefined) {
    const columns = findColumns(read[0]?.header ?? []);
    const missing = "missing" in columns ? columns.missing : "Type";
    diagnostics.push(
      diagnose("TCG036", read[0]?.position ?? { file, line: 1, column: 1 }, { missing }),
    );
    return [];
  }
  const columns = findColumns(usable.header);
  const adjusted =
    adjust === undefined || "missing" in columns ? usable : adjust(usable, columns, diagnostics);
  return parseFieldTable(adjusted, diagnostics);
}
