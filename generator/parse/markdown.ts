/**
 * The Markdown front end: one unified processor (remark-parse + remark-gfm) and the few helpers
 * every section parser needs to read mdast nodes as plain text with positions.
 */
import type { Nodes, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { SourcePosition } from "../ir/types.js";

const processor = unified().use(remarkParse).use(remarkGfm);

/** Parses a page; a leading byte-order mark is dropped first (it would hide the first heading). */
export function parseMarkdown(text: string): Root {
  const withoutBom = text.startsWith("\uFEFF") ? text.slice(1) : text;
  return processor.parse(withoutBom);
}

/** Position of a node in the page, 1-based; line 1 column 1 when the node has none. */
export function positionOf(file: string, node: { position?: Nodes["position"] }): SourcePosition {
  const start = node.position?.start;
  return { file, line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** Zero-width characters that real pages leave inside words ("The value\u200bused"). */
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/** Removes invisible characters; a zero-width space between two words becomes a space. */
export function cleanText(text: string): string {
  return text.replace(/(\w)\u200b(\w)/g, "$1 $2").replace(INVISIBLE, "");
}

/**
 * Plain text of a node: links become their text, `<br>` becomes "\n", `<li>` starts a new line,
 * other HTML tags are dropped.
 */
export function plainText(node: Nodes | readonly RootContent[]): string {
  const parts: string[] = [];
  collectText(node, parts);
  return cleanText(parts.join(""));
}

function collectText(node: Nodes | readonly RootContent[], parts: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node as readonly RootContent[]) collectText(child, parts);
    return;
  }
  const one = node as Nodes;
  switch (one.type) {
    case "text":
    case "inlineCode":
      parts.push(one.value);
      return;
    case "html":
      parts.push(htmlAsText(one.value));
      return;
    case "break":
      parts.push("\n");
      return;
    case "image":
      parts.push(one.alt ?? "");
      return;
    case "code":
      parts.push(one.value);
      return;
    default:
      if ("children" in one) collectText(one.children as RootContent[], parts);
  }
}

function htmlAsText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n")
    .replace(/<\/?[a-z][^>]*>/gi, "");
}

/** Links found inside a node, in document order. */
export function linksIn(node: Nodes): { text: string; url: string }[] {
  const links: { text: string; url: string }[] = [];
  const visit = (n: Nodes): void => {
    if (n.type === "link") links.push({ text: plainText(n).trim(), url: n.url });
    if ("children" in n) for (const child of n.children) visit(child as Nodes);
  };
  visit(node);
  return links;
}

/** Trims every line and collapses runs of spaces, keeping the line breaks. */
export function tidyLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
