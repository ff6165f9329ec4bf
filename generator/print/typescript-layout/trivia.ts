/**
 * Comments and blank lines around the nodes of a laid-out module, as prettier prints them: each
 * leading comment on its own line (printComment, printLeadingComment), and a blank line kept
 * after a node the source follows by one (isNextLineEmpty).
 */
import { builders } from "prettier/doc";
import { ts } from "ts-morph";
import { OutsideSubset } from "./outside-subset.js";

type Doc = builders.Doc;

const { hardline } = builders;

/** The comments right above `node`, each on its own line, each followed by a line break. */
export function leadingComments(source: ts.SourceFile, node: ts.Node): Doc[] {
  const text = source.text;
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const start = node.getStart(source);
  return ranges.map((range, index) => {
    const next = ranges[index + 1]?.pos ?? start;
    const before = text.slice(text.lastIndexOf("\n", range.pos - 1) + 1, range.pos);
    if (!/^[ \t]*$/.test(before) || !/^\n[ \t]*$/.test(text.slice(range.end, next))) {
      throw new OutsideSubset("comment not on its own line");
    }
    return [commentDoc(text.slice(range.pos, range.end)), hardline];
  });
}

/**
 * True when the line after the one `node` ends on is empty; `node` must end its line, but for
 * the commas and semicolons after it.
 */
export function nextLineEmpty(source: ts.SourceFile, node: ts.Node): boolean {
  const text = source.text;
  let at = node.end;
  while (text[at] === " " || text[at] === "\t" || text[at] === ";" || text[at] === ",") at++;
  if (text[at] === "\r") at++;
  if (text[at] !== "\n") throw new OutsideSubset("code after a node on its line");
  at++;
  while (text[at] === " " || text[at] === "\t") at++;
  return text[at] === "\n" || text[at] === "\r";
}

/**
 * A comment as prettier prints it (printComment): a line comment without trailing spaces; a block
 * comment on one line as it is; a multi-line block comment whose every line starts with `*`,
 * each line trimmed and re-indented under the first. Others decline, as does a doc comment line
 * ending in two spaces (prettier keeps those as a Markdown line break).
 */
function commentDoc(comment: string): Doc {
  if (comment.startsWith("//")) return comment.trimEnd();
  if (!comment.includes("\n")) return comment;
  const lines = `*${comment.slice(2, -2)}*`.split("\n").map((line) => line.trimStart());
  const isJsDoc = comment[2] === "*" && comment[3] !== "*";
  if (!lines.every((line) => line.startsWith("*"))) throw new OutsideSubset("block comment");
  return [
    "/",
    lines.map((line, index) => {
      if (index === 0) return [line.trimEnd(), hardline];
      if (index === lines.length - 1) return [" ", line];
      const trimmed = line.trimEnd();
      if (isJsDoc && trimmed !== "*" && line.endsWith("  ")) {
        throw new OutsideSubset("doc comment line break");
      }
      return [" ", trimmed, hardline];
    }),
    "/",
  ];
}
