/**
 * Every diagnostic tcgen can report, in one place: a stable code, a severity, a short title and a
 * message template. Messages say what tcgen did about the problem.
 *
 * Codes by phase: TCG00x load, TCG01x page recognition, TCG02x API description, TCG03x tables and
 * types, TCG04x examples, TCG05x cross-page checks, TCG06x error-code tables, TCG08x the output
 * folder, TCG10x API records (semantic drift), TCG11x page shapes (mislabelled rows, continued
 * cells, service error codes pages).
 */
import type { SourcePosition } from "../ir/types.js";
import type { Diagnostic, Severity } from "./types.js";

interface CatalogueEntry<A> {
  readonly severity: Severity;
  readonly title: string;
  readonly message: (args: A) => string;
}

function entry<A = Record<string, never>>(
  severity: Severity,
  title: string,
  message: (args: A) => string,
): CatalogueEntry<A> {
  return { severity, title, message };
}

export const catalogue = {
  TCG001: entry<{ reason: string }>(
    "error",
    "unreadable input",
    (a) => `cannot read this input (${a.reason}); skipped it`,
  ),
  TCG002: entry("error", "binary file", () => "file is binary, not Markdown text; skipped it"),
  TCG003: entry<{ bytes: number; limit: number }>(
    "error",
    "file too large",
    (a) => `file is ${a.bytes} bytes, over the ${a.limit}-byte limit; skipped it`,
  ),
  TCG010: entry("error", "empty page", () => "page is empty; skipped it"),
  TCG011: entry<{ script: string }>(
    "error",
    "not an English page",
    (a) => `page is written mostly in ${a.script}, not English; skipped it`,
  ),
  TCG012: entry<{ evidence: string }>(
    "error",
    "API 2.0 page",
    (a) =>
      `page documents an API 2.0 interface (${a.evidence}); tcgen reads API 3.0 pages only; skipped it`,
  ),
  TCG013: entry(
    "error",
    "unrecognised page",
    () =>
      "page is not an API 3.0 action page, a data types page or a common error codes page; skipped it",
  ),
  TCG014: entry(
    "error",
    "no action name",
    () =>
      "action page names no action (no Action row or title; an example's Action never names one); skipped it",
  ),
  TCG015: entry(
    "error",
    "no version",
    () => "action page gives no API version (no Version row); skipped it",
  ),
  TCG016: entry(
    "error",
    "no endpoint host",
    () => "action page names no endpoint host (no domain line, no example URL); skipped it",
  ),
  TCG020: entry<{ host: string }>(
    "warning",
    "no domain line",
    (a) =>
      `API Description has no domain line; took the host ${JSON.stringify(a.host)} from the example request`,
  ),
  TCG021: entry<{ written: string; version: string }>(
    "warning",
    "version spelling",
    (a) => `version is written "${a.written}"; read it as ${a.version}`,
  ),
  TCG030: entry<{ cells: number; columns: number; missing: string; assumed: string }>(
    "warning",
    "missing cell",
    (a) =>
      `row has ${a.cells} cells but the table has ${a.columns} columns; the ${a.missing} cell is missing: assumed ${a.assumed}`,
  ),
  TCG031: entry<{ cells: number; columns: number }>(
    "warning",
    "extra cells",
    (a) =>
      `row has ${a.cells} cells but the table has ${a.columns} columns; read name, required and type by content and joined the rest into the description`,
  ),
  TCG032: entry<{ name: string }>(
    "warning",
    "swapped columns",
    (a) =>
      `row ${a.name} has its Type and Description cells swapped; read the type from the Description column`,
  ),
  TCG033: entry<{ cell: string }>(
    "warning",
    "unknown type",
    (a) => `type "${a.cell}" is not a known type; typed it as unknown`,
  ),
  TCG034: entry(
    "warning",
    "row without a name",
    () => "table row has no parameter name; skipped the row",
  ),
  TCG035: entry<{ cell: string }>(
    "warning",
    "unclear Required cell",
    (a) => `Required cell "${a.cell}" is neither Yes nor No; assumed Required = No`,
  ),
  TCG036: entry<{ missing: string }>(
    "warning",
    "table without needed columns",
    (a) => `table has no ${a.missing} column; skipped the table`,
  ),
  TCG037: entry<{ name: string }>(
    "warning",
    "duplicate row",
    (a) => `${a.name} is listed twice in this table; kept the first row`,
  ),
  TCG038: entry<{ url: string; repaired: string }>(
    "warning",
    "doubled link",
    (a) => `link "${a.url}" repeats its scheme and host; read it as "${a.repaired}"`,
  ),
  TCG040: entry<{ example: string; written: string }>(
    "warning",
    "doubled equals sign",
    (a) => `example "${a.example}" writes "${a.written}"; read it with a single "="`,
  ),
  TCG041: entry<{ example: string; exampleAction: string; action: string }>(
    "warning",
    "example for another action",
    (a) =>
      `example "${a.example}" calls Action ${a.exampleAction}, but the page documents ${a.action}; kept the example and recorded its action`,
  ),
  TCG042: entry<{ example: string; parameter: string; type: string }>(
    "warning",
    "example parameter not documented",
    (a) =>
      `example "${a.example}" sets ${a.parameter}, which the parameter tables do not list; widened the contract: ${a.parameter} is an optional ${a.type} field, and the example is sent as written`,
  ),
  TCG043: entry<{
    example: string;
    parameter: string;
    type: string;
    value: string;
    exampleType: string;
  }>(
    "warning",
    "example value of the wrong type",
    (a) =>
      `example "${a.example}" gives ${a.parameter} = ${a.value}, which is not a valid ${a.type}; widened the contract: ${a.parameter} accepts ${a.type} or ${a.exampleType}, and the example is sent as written`,
  ),
  TCG044: entry<{ example: string; parameter: string }>(
    "warning",
    "JSON text in a String parameter",
    (a) =>
      `example "${a.example}" gives JSON text for the String parameter ${a.parameter}; kept it as a string`,
  ),
  TCG045: entry<{ example: string }>(
    "warning",
    "unreadable output example",
    (a) =>
      `output of example "${a.example}" is not a JSON Response object; recorded the response as null`,
  ),
  TCG046: entry<{ example: string; reason: string }>(
    "warning",
    "unreadable input example",
    (a) =>
      `input of example "${a.example}" cannot be read (${a.reason}); recorded an empty request`,
  ),
  TCG047: entry<{ example: string; parameter: string; type: string }>(
    "warning",
    "example value coerced",
    (a) =>
      `example "${a.example}" gives ${a.parameter} as a string in a JSON body, but it is a ${a.type}; converted it`,
  ),
  TCG050: entry<{ name: string; usedBy: string }>(
    "warning",
    "undefined structure",
    (a) =>
      `structure ${a.name} (used by ${a.usedBy}) is defined by no data types page; emitted it as an open object type`,
  ),
  TCG051: entry<{ action: string; version: string; kept: string; dropped: string }>(
    "warning",
    "two pages for one action",
    (a) =>
      `${a.action} ${a.version} is documented by two pages, ${a.kept} and ${a.dropped}; kept ${a.kept} (rule: more parameters, errors and examples win, then the first file name), with the examples of ${a.dropped} added to its own`,
  ),
  TCG052: entry<{ name: string; kept: string }>(
    "warning",
    "structure defined twice",
    (a) => `structure ${a.name} is defined again here; kept the definition in ${a.kept}`,
  ),
  TCG053: entry<{ service: string; version: string; host: string; other: string }>(
    "warning",
    "two hosts for one service version",
    (a) =>
      `${a.service} ${a.version} pages name two hosts, ${a.host} and ${a.other}; used ${a.host}`,
  ),
  TCG054: entry<{ name: string; usedBy: string; service: string; pages: string }>(
    "warning",
    "structure defined only by another service",
    (a) =>
      `structure ${a.name} (used by ${a.usedBy}) is defined by no data types page of ${a.service}, only by ${a.pages} of another service, whose shape may differ, so it is not borrowed; emitted it as an open object type`,
  ),
  TCG060: entry(
    "warning",
    "error row without a code",
    () => "error code row has no code; skipped the row",
  ),
  TCG090: entry<{ what: string; value: string; pattern: string }>(
    "error",
    "name outside the closed grammar",
    (a) =>
      `${a.what} ${a.value} does not match /${a.pattern}/; a page may only name things in that grammar, so the page was refused (nothing generated from it)`,
  ),
  TCG091: entry<{ example: string; exampleHost: string; host: string }>(
    "warning",
    "example host disagrees",
    (a) =>
      `example "${a.example}" sends its request to ${a.exampleHost}, not the page's host ${a.host}; kept ${a.host}`,
  ),
  TCG092: entry<{ name: string }>(
    "warning",
    "list row without N",
    (a) =>
      `row name ${JSON.stringify(a.name)} ends in "." (a ".N" row without its N); read it as a list named ${JSON.stringify(a.name.slice(0, -1))}`,
  ),
  TCG070: entry<{ example: string; part: "input" | "output"; depth: number; limit: number }>(
    "warning",
    "example JSON nested too deep",
    (a) =>
      `${a.part} of example "${a.example}" is JSON nested ${a.depth} levels deep, over the limit of ${a.limit}; ${a.part === "input" ? "recorded an empty request" : "recorded the response as null"}`,
  ),
  TCG071: entry<{ example: string; key: string; reason: string }>(
    "warning",
    "example key out of bounds",
    (a) => `example "${a.example}" sets ${a.key}, ${a.reason}; dropped the pair`,
  ),
  TCG072: entry<{ rows: number; limit: number }>(
    "warning",
    "table too long",
    (a) => `table has ${a.rows} rows, over the limit of ${a.limit}; read the first ${a.limit}`,
  ),
  TCG074: entry<{ name: string; cycle: string }>(
    "warning",
    "structure requires itself",
    (a) =>
      `structure ${a.name} requires itself (${a.cycle}), so no finite value is valid; kept the types as documented, and example tests build no placeholder for it`,
  ),
  TCG073: entry<{ example: string; key: string }>(
    "warning",
    "example key names a prototype",
    (a) =>
      `example "${a.example}" sets ${a.key}, whose path goes through a JavaScript prototype name; kept it as data (an own property), never assigned through it`,
  ),
  TCG075: entry<{ example: string; parameter: string }>(
    "warning",
    "example key is not a name",
    (a) =>
      `example "${a.example}" sets ${JSON.stringify(a.parameter)}, which is no parameter name; kept it as data in the example, and the contract gains no field for it`,
  ),
  TCG076: entry<{ example: string; parameter: string; documented: string }>(
    "warning",
    "example misspells a parameter",
    (a) =>
      `example "${a.example}" sets ${a.parameter}, a misspelling of the documented ${a.documented}; kept the contract, and the example is sent with ${a.documented}`,
  ),
  TCG077: entry<{ example: string; parameter: string }>(
    "warning",
    "example omits a required parameter",
    (a) =>
      `example "${a.example}" leaves out ${a.parameter}, which the table marks required; widened the contract: ${a.parameter} is optional, and the example is sent as written`,
  ),
  TCG110: entry<{ label: string; value: string }>(
    "warning",
    "common parameter row mislabelled",
    (a) =>
      `row is labelled ${a.label}, but its description gives the ${a.value} value; read it as the ${a.value} row`,
  ),
  TCG111: entry(
    "warning",
    "row starts with an empty cell",
    () => 'row starts with an empty cell before the parameter name ("||"); read the row without it',
  ),
  TCG112: entry<{ rows: number }>(
    "warning",
    "cell continued over several lines",
    (a) =>
      `a table cell continues over ${a.rows} more line(s) that are not table rows; joined them to the cell above`,
  ),
  TCG113: entry<{ codes: number }>(
    "warning",
    "service error codes without a service",
    (a) =>
      `this page lists ${a.codes} error code(s) of its product, but no single service's action pages document them and no host names the service; left them out (no package gets their classes)`,
  ),
  TCG080: entry<{ reason: string; outDir: string }>(
    "error",
    "output folder not written by tcgen",
    (a) =>
      `this folder ${a.reason}; tcgen never replaces or deletes a folder it did not write, so the run wrote nothing to ${a.outDir}: move the folder away or choose another --out`,
  ),
  TCG100: entry<{ problem: string; version: string }>(
    "warning",
    "recorded API unusable",
    (a) =>
      `the package's recorded API cannot be read (${a.problem}); versioning restarts from ${a.version} and this release lists no API changes: fix or delete the file to silence this`,
  ),
  TCG096: entry<{ action: string; paging: string; total: string; items: string }>(
    "info",
    "paginated list",
    (a) =>
      `${a.action} returns a paginated list: ${a.items}, moved through with ${a.paging}, counted by ${a.total}; generated a paginator over its items and its pages`,
  ),
} as const;

export type DiagnosticCode = keyof typeof catalogue;

type ArgsOf<C extends DiagnosticCode> =
  (typeof catalogue)[C] extends CatalogueEntry<infer A> ? A : never;

/** Builds a diagnostic from the catalogue: the code fixes its severity and message wording. */
export function diagnose<C extends DiagnosticCode>(
  code: C,
  position: SourcePosition,
  ...args: ArgsOf<C> extends Record<string, never> ? [] : [ArgsOf<C>]
): Diagnostic {
  const item = catalogue[code] as CatalogueEntry<ArgsOf<C>>;
  const message = item.message((args[0] ?? {}) as ArgsOf<C>);
  return { code, severity: item.severity, message, position };
}
