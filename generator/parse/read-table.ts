/** Reads a GFM table node into header names and rows of plain-text cells with positions. */
import type { Nodes, Table, TableCell } from "mdast";
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
  /** Rows whose last cell went on over lines that are not table rows (joined to the cell). */
  readonly continued: readonly { readonly position: SourcePosition; readonly lines: number }[];
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
  // In a table whose lines start with "|", a line without one is no row: GFM reads it as a row
  // of one cell, but the page meant it as more text of the cell above ("| Id | ... | The ID.\n
  // Query it with DescribeProjects. |"). Such lines are joined to the last cell of the row above.
  const piped = headerRow !== undefined && startsWithPipe(headerRow, pageText);
  const rows: { cells: Cell[]; position: SourcePosition }[] = [];
  const continued = new Map<object, { position: SourcePosition; lines: number }>();
  let rowCount = 0;
  for (const row of bodyRows) {
    // remark-gfm keeps the cells as written: a short row has fewer cells, a long row more.
    const cells = row.children.map((cell) => readCell(cell, pageText));
    const above = rows.at(-1);
    const oneCell = cells.filter((c) => c.text !== "").length <= 1;
    if (piped && above !== undefined && oneCell && !startsWithPipe(row, pageText)) {
      joinToLastCell(above.cells, cells);
      const note = continued.get(above) ?? { position: above.position, lines: 0 };
      continued.set(above, { ...note, lines: note.lines + 1 });
      continue;
    }
    rowCount++;
    if (rows.length < MAX_TABLE_ROWS) rows.push({ cells, position: positionOf(file, row) });
  }
  return {
    header,
    rows,
    rowCount,
    continued: [...continued.values()],
    position: positionOf(file, table),
  };
}

function startsWithPipe(row: { position?: Nodes["position"] }, pageText: string): boolean {
  const offset = row.position?.start.offset;
  if (offset === undefined) return true;
  return pageText.slice(offset, offset + 1) === "|";
}

function joinToLastCell(cells: Cell[], more: readonly Cell[]): void {
  const last = cells.at(-1);
  const text = more
    .map((c) => c.text)
    .filter((t) => t !== "")
    .join(" ");
  if (last === undefined || text === "") return;
  const source = more
    .map((c) => c.source)
    .filter((t) => t !== "")
    .join(" ");
  cells[cells.length - 1] = {
    ...last,
    text: last.text === "" ? text : `${last.text}\n${text}`,
    links: [...last.links, ...more.flatMap((c) => c.links)],
    source: last.source === "" ? source : `${last.source} ${source}`,
  };
}

function readCell(cell: TableCell, pageText: string): Cell {
  const first = cell.children[0]?.position?.start.offset;
  const last = cell.children.at(-1)?.position?.end.offset;
  const source =
    first === undefined || last === undefined ? "" : cleanText(pageText.slice(first, last)).trim();
  return { text: plainText(cell).trim(), links: linksIn(cell), source };
}
