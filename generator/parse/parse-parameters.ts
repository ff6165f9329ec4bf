/**
 * The "Input Parameters" and "Output Parameters" sections. The common parameters Action, Version
 * and Region are taken out of the input table; their rows name the action and the version.
 */
import type { RootContent, Table } from "mdast";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Field, SourcePosition } from "../ir/types.js";
import { findColumns, parseFieldTable } from "./parse-field-table.js";
import { readTable } from "./read-table.js";

export interface InputParameters {
  readonly fields: Field[];
  /** Action named by the Action row ("... the name of this API: X"). */
  readonly action?: string;
  /** Version named by the Version row, as written. */
  readonly version?: string;
  readonly versionPosition?: SourcePosition;
}

const COMMON_PARAMETERS = new Set(["Action", "Version", "Region"]);

export function parseInputParameters(
  file: string,
  pageText: string,
  nodes: readonly RootContent[],
  diagnostics: Diagnostic[],
): InputParameters {
  const all = parseParameterTable(file, pageText, nodes, diagnostics);
  const actionRow = all.find((f) => f.name === "Action");
  const versionRow = all.find((f) => f.name === "Version");
  const action =
    actionRow && /:\s*`?([A-Za-z][A-Za-z0-9]*)`?\.?\s*$/.exec(actionRow.description)?.[1];
  const version =
    versionRow &&
    /(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})\.?\s*$/.exec(versionRow.description)?.[1];
  return {
    fields: all.filter((f) => !COMMON_PARAMETERS.has(f.name)),
    ...(action ? { action } : {}),
    ...(version ? { version } : {}),
    ...(versionRow ? { versionPosition: versionRow.position } : {}),
  };
}

export function parseOutputParameters(
  file: string,
  pageText: string,
  nodes: readonly RootContent[],
  diagnostics: Diagnostic[],
): Field[] {
  return parseParameterTable(file, pageText, nodes, diagnostics);
}

/** The section's parameter table: the first table with Name and Type columns. */
function parseParameterTable(
  file: string,
  pageText: string,
  nodes: readonly RootContent[],
  diagnostics: Diagnostic[],
): Field[] {
  const tables = nodes.filter((n): n is Table => n.type === "table");
  const first = tables[0];
  if (first === undefined) return [];
  const read = tables.map((t) => readTable(file, pageText, t));
  const usable = read.find((t) => !("missing" in findColumns(t.header)));
  if (usable === undefined) {
    const columns = findColumns(read[0]?.header ?? []);
    const missing = "missing" in columns ? columns.missing : "Type";
    diagnostics.push(
      diagnose("TCG036", read[0]?.position ?? { file, line: 1, column: 1 }, { missing }),
    );
    return [];
  }
  return parseFieldTable(usable, diagnostics);
}
