/**
 * A Markdown table laid out as prettier lays it out (cells padded to their column's width, the
 * delimiter row as wide), so that the README needs no formatting pass. Cells hold names, hosts,
 * paths and numbers from the closed grammar (ASCII), so a character is one column.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? "").padEnd(width)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
}
