/**
 * Turns planned files into text, before formatting: TypeScript structures are printed by ts-morph,
 * JSON values serialised, text kept as planned. This is the only place generated text is made
 * from plans (format-files.ts then adds the notice and runs prettier).
 */
import type { GeneratedFile } from "../emit/generated-file.js";
import type { FilePlan, PlannedFile } from "../emit/planned-file.js";
import { printStatements } from "./print-typescript.js";

export function renderPlan(plan: FilePlan): string {
  switch (plan.kind) {
    case "typescript":
      return printStatements(plan.statements);
    case "json":
      return `${JSON.stringify(plan.value, null, 2)}\n`;
    case "text":
      return plan.text + (plan.formattedTail ?? "");
    case "copy":
    case "formatted":
      return plan.text;
  }
}

/** Each planned file with its text, unformatted; same order and paths. */
export function renderFiles(files: readonly PlannedFile[]): GeneratedFile[] {
  return files.map((file) => ({ path: file.path, content: renderPlan(file.plan) }));
}
