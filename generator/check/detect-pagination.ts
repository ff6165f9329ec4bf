/**
 * Which actions return a paginated list, read from their tables alone.
 *
 * Rule (README "Paginators"): the request has `Offset` and `Limit` (offset style) or
 * `PageNumber` and `PageSize` (page style), both integers or both strings (VPC documents its
 * offsets as String); the response has an integer total (`TotalCount`, else
 * `Total`) and one list: its only array field, or, when it has several, the only one whose name
 * ends in `Set` or `List`. Anything else is not paginated: a paginator that guessed the wrong list
 * would silently skip results.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Action, Field, Pagination, TypeRef } from "../ir/types.js";

const STYLES = [
  { style: "offset", start: "Offset", size: "Limit" },
  { style: "page", start: "PageNumber", size: "PageSize" },
] as const;

const TOTALS = ["TotalCount", "Total"] as const;

function detectPagination(action: Action, diagnostics: Diagnostic[]): Pagination | undefined {
  const input = new Map(action.input.map((f) => [f.name, f]));
  const paging = STYLES.find((s) => {
    const start = scalarOf(input.get(s.start)?.type);
    return start !== undefined && start === scalarOf(input.get(s.size)?.type);
  });
  if (paging === undefined) return undefined;
  const numbersAsText = scalarOf(input.get(paging.start)?.type) === "string";
  const output = new Map(action.output.map((f) => [f.name, f]));
  const total = TOTALS.find((name) => scalarOf(output.get(name)?.type) === "integer");
  const items = theList(action.output);
  if (total === undefined || items === undefined) return undefined;
  const pagination: Pagination = { ...paging, numbersAsText, total, items: items.name };
  diagnostics.push(
    diagnose("TCG096", action.position, {
      action: action.name,
      paging: `${paging.start}/${paging.size}`,
      total,
      items: items.name,
    }),
  );
  return pagination;
}

function theList(output: readonly Field[]): Field | undefined {
  const lists = output.filter((f) => f.type.kind === "array");
  if (lists.length === 1) return lists[0];
  const named = lists.filter((f) => /(?:Set|List)$/.test(f.name));
  return named.length === 1 ? named[0] : undefined;
}

function scalarOf(type: TypeRef | undefined): "integer" | "string" | undefined {
  if (type?.kind !== "primitive") return undefined;
  return type.name === "integer" || type.name === "string" ? type.name : undefined;
}

/** The action with its `pagination`, when it has one. */
export function withPagination(action: Action, diagnostics: Diagnostic[]): Action {
  const pagination = detectPagination(action, diagnostics);
  return pagination === undefined ? action : { ...action, pagination };
}
