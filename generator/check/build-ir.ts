/**
 * Check phase: parsed pages to the IR. Actions are grouped by service and version, structure links
 * are resolved against data types pages, examples are typed, common error codes are collected,
 * and everything is sorted so the IR is the same bytes on every run.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import {
  IR_VERSION,
  type Action,
  type ErrorCode,
  type Ir,
  type Service,
  type ServiceVersion,
} from "../ir/types.js";
import type {
  ParsedActionPage,
  ParsedCommonErrorsPage,
  ParsedDataTypesPage,
  ParsedPage,
} from "../parse/parsed-page.js";
import { compare, groupActions, type ActionGroup } from "./group-actions.js";
import { indexStructures, reachableStructures, type StructureIndex } from "./resolve-structures.js";
import { typeExample } from "./type-examples.js";
import { keepPagesInGrammar } from "./closed-grammar.js";
import { withPagination } from "./detect-pagination.js";

export function buildIr(allPages: readonly ParsedPage[]): { ir: Ir; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pages = keepPagesInGrammar(allPages, diagnostics);
  const actionPages = pages.filter((p): p is ParsedActionPage => p.kind === "action");
  const typePages = pages.filter((p): p is ParsedDataTypesPage => p.kind === "dataTypes");
  const errorPages = pages.filter((p): p is ParsedCommonErrorsPage => p.kind === "commonErrors");

  const groups = groupActions(actionPages, diagnostics);
  const index = indexStructures(typePages, groups, diagnostics);
  const services = new Map<string, ServiceVersion[]>();
  for (const group of groups) {
    const list = services.get(group.service) ?? [];
    list.push(buildServiceVersion(group, index, diagnostics));
    services.set(group.service, list);
  }
  const ir: Ir = {
    irVersion: IR_VERSION,
    services: [...services.entries()]
      .map(([name, versions]): Service => ({
        name,
        versions: versions.sort((a, b) => compare(a.version, b.version)),
      }))
      .sort((a, b) => compare(a.name, b.name)),
    commonErrors: collectCommonErrors(errorPages),
  };
  return { ir, diagnostics };
}

function buildServiceVersion(
  group: ActionGroup,
  index: StructureIndex,
  diagnostics: Diagnostic[],
): ServiceVersion {
  const structures = reachableStructures(group, index, diagnostics);
  const byName = new Map(structures.map((s) => [s.name, s]));
  const actions = group.pages.map((page): Action => {
    const { examples, ...rest } = page.action;
    return {
      ...rest,
      examples: examples.map((e) => typeExample(e, page.action.input, byName, diagnostics)),
    };
  });
  const paginated = actions.map((action) => withPagination(action, diagnostics));
  return { version: group.version, host: group.host, actions: paginated, structures };
}

/** Codes from every common error codes page; the first page (by file name) wins a duplicate. */
function collectCommonErrors(pages: readonly ParsedCommonErrorsPage[]): ErrorCode[] {
  const byCode = new Map<string, ErrorCode>();
  for (const page of [...pages].sort((a, b) => compare(a.file, b.file))) {
    for (const error of page.errors) if (!byCode.has(error.code)) byCode.set(error.code, error);
  }
  return [...byCode.values()].sort((a, b) => compare(a.code, b.code));
}
