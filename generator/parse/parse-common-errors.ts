/**
 * Common error codes pages: the table under a "Common Error Codes" heading. Service-specific
 * tables on the same page are not common to every action, so they are left out.
 */
import type { Root, RootContent } from "mdast";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ErrorCode } from "../ir/types.js";
import { plainText } from "./markdown.js";
import { parseErrorCodes } from "./parse-error-codes.js";

/** The nodes under the "Common Error Codes" heading, up to the next heading; undefined if none. */
export function findCommonErrorNodes(root: Root): RootContent[] | undefined {
  const children = root.children;
  const start = children.findIndex(
    (n) => n.type === "heading" && /^common error codes?$/i.test(plainText(n).trim()),
  );
  if (start < 0) return undefined;
  const nodes: RootContent[] = [];
  for (const node of children.slice(start + 1)) {
    if (node.type === "heading") break;
    nodes.push(node);
  }
  return nodes;
}

export function parseCommonErrors(
  file: string,
  pageText: string,
  root: Root,
  diagnostics: Diagnostic[],
): ErrorCode[] {
  return parseErrorCodes(file, pageText, findCommonErrorNodes(root) ?? [], diagnostics);
}
