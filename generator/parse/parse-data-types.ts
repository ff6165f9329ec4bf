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

/**
 * The line naming the actions that use a structure: "Referenced by:", and the variants real
 * pages use: "Referenced by the following API:", "... APIs:", "... API(s):", "Used by the
 * following actions:", with an ASCII or a full-width colon.
 */
const REFERENCED_BY =
  /^(?:referenced|used) by(?: the following)?(?: (?:apis?|api\(s\)|actions?|interfaces?))?\s*[:：]\s*(.*)$/is;

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
    // "Referenced by the following API:" may end its line and list the actions below it.
    let listFollows = false;
    for (const node of block.nodes) {
      if (node.type === "table") {
        if (fields.length === 0 && hasFieldColumns(node)) {
          fields = parseFieldTable(readTable(file, pageText, node), diagnostics);
        }
        listFollows = false;
        continue;
      }
      const text = tidyLines(plainText(node));
      const referenced = REFERENCED_BY.exec(text);
      const listExpected = listFollows;
      listFollows = false;
      if (listExpected && node.type === "list") {
        referencedBy = node.children.flatMap((item) => actionNames(plainText(item)));
      } else if (referenced?.[1] !== undefined) {
        referencedBy = actionNames(referenced[1]);
        listFollows = referencedBy.length === 0;
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

/** "DescribeA, DescribeB." or one name a line: the action names, in order. */
function actionNames(text: string): string[] {
  return text
    .split(/[,，\s]+/)
    .map((s) => s.replace(/\.$/, "").trim())
    .filter((s) => STRUCT_NAME.test(s));
}
