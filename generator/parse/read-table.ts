/** Reads a GFM table node into header names and rows of plain-text cells with positions. */
import type { Table, TableCell } from "mdast";
import type { SourcePosition } from "../ir/types.js";
import { cleanText, linksIn, plainText, positionOf } from "./markdown.js";

export interface Cell {
  /** Plain text, trimmed; `<br/>` kept as "\n". */
  readonly text: string;
  /** Links in the cell (structure links in type cells). */
  readonly links: readonly { text: string; url: string }[];
  /** The Markdown source of the cell content, trimmed (e.g. "[Filter](/document/api/1/2#Filter)"). */
  readonly source: string;
}

export interface TableRow {
  readonly cells: readonly Cell[];
  readonly position: SourcePosition;
}

export interface ReadTable {
  /** Header names, lower-cased and trimmed ("parameter name", "type", ...). */
  readonly header: readonly string[];
  /** At most `MAX_TABLE_ROWS` rows. */
  readonly rows: readonly TableRow[];
  /** How many body rows the table has, counting those past the limit (not read). */
  readonly rowCount: number;
  readonly position: SourcePosition;
}

/**
 * Most body rows read from one table. The largest real tables have a few hundred rows; a page
 * with more is broken or hostile, and every row costs a Field and a validator check downstream.
 */
export const MAX_TABLE_ROWS = 2_000;

export function readTable(file: string, pageText: string, table: Table): ReadTable {
  const [headerRow, ...bodyRows] = table.children;
  const header = (headerRow?.children ?? []).map((cell) =>
    plainText(cell).trim().replace(/\s+/g, " ").toLowerCase(),
  );
  const rows = bodyRows.slice(0, MAX_TABLE_ROWS).map((row) => ({
    // remark-gfm keeps the cells as written: a short row has fewer cells, a long row more.
    cells: row.children.map((cell) => readCell(cell, pageText)),
    position: positionOf(file, row),
  }));
  return { header, rows, rowCount: bodyRows.length, position: positionOf(file, table) };
}

function readCell(cell: TableCell, pageText: string): Cell {
  const first = cell.children[0]?.position?.start.offset;
  const last = cell.children.at(-1)?.position?.end.offset;
  const source =
    first === undefined || last === undefined ? "" : cleanText(pageText.slice(first, last)).trim();
  return { text: plainText(cell).trim(), links: linksIn(cell), source };
}
