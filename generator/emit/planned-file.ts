/**
 * What an emitter returns: a file's path and its plan, never its text. The print phase
 * (generator/print/) alone turns plans into text: ts-morph prints TypeScript structures, JSON is
 * serialised, and everything is then formatted once by prettier.
 */
import type { StatementStructures, WriterFunction } from "ts-morph";

/** A module's statements: ts-morph structures, or code text an emitter built from its parts. */
export type Statements = (string | WriterFunction | StatementStructures)[];

/** A blank line between statements (ts-morph prints code-text statements without one). */
export const BLANK_LINE: WriterFunction = (writer) => {
  writer.blankLine();
};

export type FilePlan =
  /**
   * A TypeScript module, printed by ts-morph. The print phase lays it out as prettier would by
   * itself (print/typescript-layout/), and leaves it to prettier only when it holds something
   * that layout does not cover.
   */
  | { readonly kind: "typescript"; readonly statements: Statements }
  /** A JSON document, serialised with two-space indentation. */
  | { readonly kind: "json"; readonly value: unknown }
  /**
   * Text that is complete as planned but for formatting: a rendered template, a record. With
   * `formattedTail`, text formatted already (a changelog's earlier entries, as the last run
   * wrote them) follows the formatted text as it is.
   */
  | { readonly kind: "text"; readonly text: string; readonly formattedTail?: string }
  /**
   * A file of templates/ copied as it is. The repository's `prettier --check` keeps templates/
   * formatted with the same options, so the print phase does not format it again.
   */
  | { readonly kind: "copy"; readonly text: string }
  /**
   * Text its emitter lays out as prettier would (the package README: a formatted template, and
   * tables laid out by markdown-table.ts); tests check that formatting it changes nothing.
   */
  | { readonly kind: "formatted"; readonly text: string };

export interface PlannedFile {
  /** Relative to the output folder, posix separators, e.g. "dts/src/v20180330/types.ts". */
  readonly path: string;
  readonly plan: FilePlan;
}

export function typescriptFile(path: string, statements: Statements): PlannedFile {
  return { path, plan: { kind: "typescript", statements } };
}

export function jsonFile(path: string, value: unknown): PlannedFile {
  return { path, plan: { kind: "json", value } };
}

export function textFile(path: string, text: string, formattedTail?: string): PlannedFile {
  const tail = formattedTail === undefined || formattedTail === "" ? {} : { formattedTail };
  return { path, plan: { kind: "text", text, ...tail } };
}

export function templateCopy(path: string, text: string): PlannedFile {
  return { path, plan: { kind: "copy", text } };
}

export function formattedText(path: string, text: string): PlannedFile {
  return { path, plan: { kind: "formatted", text } };
}
