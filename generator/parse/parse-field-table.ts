/**
 * Parameter and structure tables to `Field`s. Columns are found by their header names, so
 * "Name | Required | Type | Description", "Name | Type | Required | Description" and the 3-column
 * variants all work. Rows with a missing or extra cell are read by content, with a warning.
 */
import type { Field, TypeRef } from "../ir/types.js";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { tidyLines } from "./markdown.js";
import { looksLikeType, parseTypeCell } from "./parse-type-cell.js";
import type { Cell, ReadTable, TableRow } from "./read-table.js";

export interface Columns {
  readonly name: number;
  readonly required?: number;
  readonly type: number;
  readonly description?: number;
  readonly count: number;
}

/** Finds the column roles from the header; undefined when Name or Type is missing. */
export function findColumns(header: readonly string[]): Columns | { missing: string } {
  const index = (test: (h: string) => boolean): number | undefined => {
    const i = header.findIndex(test);
    return i < 0 ? undefined : i;
  };
  const name = index((h) => h.includes("name") || h === "parameter" || h === "field");
  const type = index((h) => h.includes("type"));
  const required = index((h) => h.includes("required"));
  const description = index((h) => h.includes("description") || h.includes("remark"));
  if (name === undefined) return { missing: "Name" };
  if (type === undefined) return { missing: "Type" };
  return { name, type, required, description, count: header.length };
}

interface RowCells {
  readonly name: string;
  readonly required?: Cell;
  readonly type?: Cell;
  readonly description: string;
}

/** Reads every row of a parameter or structure table. */
export function parseFieldTable(table: ReadTable, diagnostics: Diagnostic[]): Field[] {
  const columns = findColumns(table.header);
  if ("missing" in columns) {
    diagnostics.push(diagnose("TCG036", table.position, { missing: columns.missing }));
    return [];
  }
  if (table.rowCount > table.rows.length) {
    diagnostics.push(
      diagnose("TCG072", table.position, { rows: table.rowCount, limit: table.rows.length }),
    );
  }
  for (const joined of table.continued) {
    diagnostics.push(diagnose("TCG112", joined.position, { rows: joined.lines }));
  }
  const fields: Field[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const cells = fitRow(row, columns, diagnostics);
    if (cells.name === "") {
      diagnostics.push(diagnose("TCG034", row.position));
      continue;
    }
    const field = buildField(cells, row, diagnostics);
    if (seen.has(field.name)) {
      diagnostics.push(diagnose("TCG037", row.position, { name: field.name }));
      continue;
    }
    seen.add(field.name);
    fields.push(field);
  }
  return fields;
}

/** Assigns a row's cells to name, required, type and description. */
function fitRow(given: TableRow, columns: Columns, diagnostics: Diagnostic[]): RowCells {
  const row = withoutLeadingEmptyCell(given, columns, diagnostics);
  const cells = row.cells;
  if (cells.length === columns.count) return fitByColumns(row, columns, diagnostics);
  return fitByContent(row, columns, diagnostics);
}

/**
 * "|| InstanceId | Yes | String | ... |": a row with an empty cell before the name and one cell
 * too many. Read without that cell (TCG111), so the parameter is kept, not dropped as nameless.
 */
function withoutLeadingEmptyCell(
  row: TableRow,
  columns: Columns,
  diagnostics: Diagnostic[],
): TableRow {
  const [first, second] = row.cells;
  const shifted =
    columns.name === 0 &&
    row.cells.length > columns.count &&
    first?.text === "" &&
    second !== undefined &&
    second.text !== "";
  if (!shifted) return row;
  diagnostics.push(diagnose("TCG111", row.position));
  return { ...row, cells: row.cells.slice(1) };
}

function fitByColumns(row: TableRow, columns: Columns, diagnostics: Diagnostic[]): RowCells {
  const cell = (i: number | undefined): Cell | undefined =>
    i === undefined ? undefined : row.cells[i];
  const name = cell(columns.name)?.text ?? "";
  let type = cell(columns.type);
  let description = cell(columns.description);
  if (
    type !== undefined &&
    description !== undefined &&
    !looksLikeType(type) &&
    looksLikeType(description)
  ) {
    diagnostics.push(diagnose("TCG032", row.position, { name }));
    [type, description] = [description, type];
  }
  return { name, required: cell(columns.required), type, description: description?.text ?? "" };
}

function fitByContent(row: TableRow, columns: Columns, diagnostics: Diagnostic[]): RowCells {
  let cells = row.cells;
  const first = cells[0]?.text ?? "";
  // A row pasted twice ("| A | No | String | | A | No | String | text |"): read the last copy.
  const firstSource = cells[0]?.source ?? "";
  for (let i = cells.length - 1; i > 0 && first !== ""; i--) {
    if (cells[i]?.source === firstSource) {
      cells = cells.slice(i);
      break;
    }
  }
  const rest = cells.slice(1);
  const takeFirst = (test: (c: Cell) => boolean): Cell | undefined => {
    const i = rest.slice(0, 2).findIndex(test);
    return i < 0 ? undefined : rest.splice(i, 1)[0];
  };
  const required = takeFirst((c) => readRequired(c.text) !== undefined);
  const type = takeFirst(looksLikeType);
  const description = rest
    .map((c) => c.text)
    .filter((t) => t !== "")
    .join("\n");
  const shape = { cells: row.cells.length, columns: columns.count };
  if (row.cells.length < columns.count) {
    if (columns.required !== undefined && required === undefined) {
      const assumed = "Required = No";
      diagnostics.push(
        diagnose("TCG030", row.position, { ...shape, missing: "Required", assumed }),
      );
    } else if (type === undefined) {
      const assumed = "an unknown type";
      diagnostics.push(diagnose("TCG030", row.position, { ...shape, missing: "Type", assumed }));
    } else {
      const assumed = "an empty description";
      diagnostics.push(
        diagnose("TCG030", row.position, { ...shape, missing: "Description", assumed }),
      );
    }
  } else {
    diagnostics.push(diagnose("TCG031", row.position, shape));
  }
  return { name: first, required, type, description };
}

function buildField(cells: RowCells, row: TableRow, diagnostics: Diagnostic[]): Field {
  const isList = /\.N$/i.test(cells.name);
  // "HostIds." on a real page: a `.N` row whose N was lost; the wire name has no dot either way.
  const lostN = !isList && /^[A-Za-z_][A-Za-z0-9_]*\.$/.test(cells.name);
  if (lostN) diagnostics.push(diagnose("TCG092", row.position, { name: cells.name }));
  const name = isList ? cells.name.slice(0, -2) : lostN ? cells.name.slice(0, -1) : cells.name;
  const parsed = cells.type === undefined ? undefined : parseTypeCell(cells.type);
  let type: TypeRef = parsed?.type ?? { kind: "unknown", docType: "" };
  if (parsed === undefined || !parsed.known) {
    diagnostics.push(diagnose("TCG033", row.position, { cell: cells.type?.source ?? "" }));
  }
  if ((isList || lostN) && type.kind !== "array")
    type = { kind: "array", element: type, docType: type.docType };
  const description = tidyLines(cells.description);
  return {
    name,
    required: readRequiredCell(cells.required, row, diagnostics),
    type,
    description,
    nullable: /may (?:return|be) null/i.test(description),
    position: row.position,
  };
}

function readRequiredCell(
  cell: Cell | undefined,
  row: TableRow,
  diagnostics: Diagnostic[],
): boolean {
  if (cell === undefined) return false;
  const value = readRequired(cell.text);
  if (value === undefined) diagnostics.push(diagnose("TCG035", row.position, { cell: cell.text }));
  return value ?? false;
}

/** "Yes" / "No" and their variants; undefined for anything else. */
function readRequired(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (["yes", "true", "required", "y", "是"].includes(word)) return true;
  if (["no", "false", "optional", "n", "否"].includes(word)) return false;
  return undefined;
}
