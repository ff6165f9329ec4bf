/**
 * Data Types pages: `## StructName`, a one-line description, an optional "Referenced by: A, B."
 * line, then a Name/Type/(Required)/Description table.
 */
import type { Heading, Root, RootContent, Table } from "mdast";
import type { Diagnostic } from "../diagnostics/types.js";
import { plainText, positionOf, tidyLines } from "./markdown.js";
import type { StructureDraft } from "./parsed-page.js";
import { findColumns, parseFieldTable } from "./parse-field-table.js";
import { readTable } from "./read-table.js";

const STRUCT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface StructBlock {
  readonly heading: Heading;
  readonly name: string;
  readonly nodes: RootContent[];
}

/** The `## Name` blocks of a page whose name is an identifier and that contain a field table. */
export function findStructureBlocks(root: Root): StructBlock[] {
  const blocks: StructBlock[] = [];
  let current: StructBlock | undefined;
  for (const node of root.children) {
    if (node.type === "heading" && node.depth <= 2) {
      const name = plainText(node).trim();
      current = STRUCT_NAME.test(name) ? { heading: node, name, nodes: [] } : undefined;
      if (current !== undefined) blocks.push(current);
      continue;
    }
    current?.nodes.push(node);
  }
  return blocks.filter((b) => b.nodes.some((n) => n.type === "table" && hasFieldColumns(n)));
}

function hasFieldColumns(table: Table): boolean {
  const header = (table.children[0]?.children ?? []).map((c) => plainText(c).trim().toLowerCase());
  return !("missing" in findColumns(header));
}

export function parseDataTypes(
  file: string,
  pageText: string,
  root: Root,
  diagnostics: Diagnostic[],
): StructureDraft[] {
  return findStructureBlocks(root).map((block) => {
    const descriptions: string[] = [];
    let referencedBy: string[] = [];
    let fields: StructureDraft["fields"] = [];
    for (const node of block.nodes) {
      if (node.type === "table") {
        if (fields.length === 0 && hasFieldColumns(node)) {
          fields = parseFieldTable(readTable(file, pageText, node), diagnostics);
        }
        continue;
      }
      const text = tidyLines(plainText(node));
      const referenced = /^referenced by:\s*(.*)$/is.exec(text);
      if (referenced?.[1] !== undefined) {
        referencedBy = referenced[1]
          .split(/[,，\s]+/)
          .map((s) => s.replace(/\.$/, "").trim())
          .filter((s) => STRUCT_NAME.test(s));
      } else if (text !== "" && node.type !== "heading") {
        descriptions.push(text);
      }
    }
    return {
      name: block.name,
      description: descriptions.join("\n\n"),
      referencedBy,
      fields,
      position: positionOf(file, block.heading),
    };
  });
}
