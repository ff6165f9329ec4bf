/**
 * Runs parse -> check -> emit -> print over in-memory pages (nothing written) and describes the
 * TypeScript it produced by its shape: the sequence of syntax kinds with every string literal's
 * contents erased (comments are trivia, so they are not in it at all).
 */
import ts from "typescript";
import { buildIr } from "../../generator/check/build-ir.js";
import type { Diagnostic } from "../../generator/diagnostics/types.js";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import type { GeneratedFile } from "../../generator/emit/generated-file.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { formatFiles } from "../../generator/print/format-files.js";

export interface InMemoryRun {
  readonly diagnostics: readonly Diagnostic[];
  readonly files: readonly GeneratedFile[];
}

export async function generateInMemory(
  pages: readonly { file: string; text: string }[],
): Promise<InMemoryRun> {
  const parsed = parsePages(pages);
  const built = buildIr(parsed.pages);
  const files = await formatFiles(emitPackages(built.ir));
  return { diagnostics: [...parsed.diagnostics, ...built.diagnostics], files };
}

/** Literal kinds whose text is page data: erased. A property name may be quoted or not. */
const ERASED = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
]);

/** One line per file: its path and the kinds of its syntax tree in document order. */
export function codeShape(files: readonly GeneratedFile[]): string[] {
  return files.filter((f) => f.path.endsWith(".ts")).map((f) => `${f.path}: ${fileShape(f)}`);
}

function fileShape(file: GeneratedFile): string {
  const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.ES2022, true);
  const kinds: string[] = [];
  const visit = (node: ts.Node) => {
    const literal = ERASED.has(node.kind) || ts.isIdentifier(node) || ts.isPrivateIdentifier(node);
    kinds.push(literal ? "L" : String(node.kind));
    if (!literal) ts.forEachChild(node, visit);
  };
  visit(source);
  const parseErrors = (source as unknown as { parseDiagnostics: readonly ts.Diagnostic[] })
    .parseDiagnostics;
  return `${parseErrors.length} parse errors; ${kinds.join(" ")}`;
}
