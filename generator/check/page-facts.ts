/**
 * What one page tells the rest of the tree: the part of a parsed page that decisions spanning
 * several pages read (which page of a duplicated action is kept, which service owns a data types
 * page or an error codes page, which pages define a structure name, the common error codes).
 * The IR of a service depends on other services' pages through these facts only, so a run that
 * knows every page's facts can build one service from that service's own pages
 * (check/plan-tree.ts, check/build-service.ts), and an incremental run keeps the facts of
 * unchanged pages instead of their parsed pages (generator/cache/input-index.ts).
 *
 * Plain JSON data, like the IR: facts are stored between runs.
 */
import type { TypeRef } from "../ir/types.js";
import type {
  ParsedActionPage,
  ParsedCommonErrorsPage,
  ParsedDataTypesPage,
  ParsedPage,
} from "../parse/parsed-page.js";

export interface ActionFacts {
  readonly kind: "action";
  readonly file: string;
  readonly service: string;
  readonly version: string;
  readonly action: string;
  /** Rows and examples of the page: the larger of two pages for one action is kept (TCG051). */
  readonly size: number;
  /** Structure names the action's input and output use, each once. */
  readonly uses: readonly string[];
  /** Error codes the page documents, each once. */
  readonly errorCodes: readonly string[];
}

export interface DataTypesFacts {
  readonly kind: "dataTypes";
  readonly file: string;
  /** Structure names the page defines, each once, in page order. */
  readonly structures: readonly string[];
  /** Action names its "Referenced by:" lines name, each once. */
  readonly referencedBy: readonly string[];
}

/** An error codes page feeds every package (its common table), so all of it is a fact. */
export type ErrorCodesFacts = ParsedCommonErrorsPage;

export type PageFacts = ActionFacts | DataTypesFacts | ErrorCodesFacts;

export function pageFacts(page: ParsedPage): PageFacts {
  switch (page.kind) {
    case "action":
      return actionFacts(page);
    case "dataTypes":
      return dataTypesFacts(page);
    case "commonErrors":
      return page;
  }
}

/** Rows and examples: what decides which of two pages for one action is kept. */
export function contentSize(page: ParsedActionPage): number {
  const a = page.action;
  return a.input.length + a.output.length + a.errors.length + a.examples.length;
}

function actionFacts(page: ParsedActionPage): ActionFacts {
  const { action } = page;
  return {
    kind: "action",
    file: page.file,
    service: page.service,
    version: page.version,
    action: action.name,
    size: contentSize(page),
    uses: [...new Set([...action.input, ...action.output].flatMap((f) => structNames(f.type)))],
    errorCodes: [...new Set(action.errors.map((e) => e.code))],
  };
}

function dataTypesFacts(page: ParsedDataTypesPage): DataTypesFacts {
  return {
    kind: "dataTypes",
    file: page.file,
    structures: [...new Set(page.structures.map((s) => s.name))],
    referencedBy: [...new Set(page.structures.flatMap((s) => s.referencedBy))],
  };
}

/** The structure names a type refers to (an array's element, a structure itself). */
export function structNames(type: TypeRef): string[] {
  if (type.kind === "struct") return [type.name];
  if (type.kind === "array") return structNames(type.element);
  return [];
}
