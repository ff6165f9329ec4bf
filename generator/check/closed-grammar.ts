/**
 * The closed grammar of every value from a page that becomes a name, a path or a host in generated
 * code, checked in this one place before anything is grouped or emitted.
 *
 * A page is untrusted input. Prose reaches generated code only as a string literal or a doc
 * comment (`emit/typescript/page-text.ts`); everything else that a page names (service, version,
 * action, parameter, field and structure names, error codes, hosts) must match the grammar below,
 * or the page is refused with an error that shows the value escaped. Other pages still generate.
 */
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Field, SourcePosition, TypeRef } from "../ir/types.js";
import type { ParsedPage } from "../parse/parsed-page.js";

/** One rule of the grammar: what the value is, and the pattern it must match. */
export interface GrammarRule {
  readonly what: string;
  readonly pattern: RegExp;
}

const REGION = "[a-z]+(?:-[a-z0-9]+)*";
const SERVICE = "[a-z][a-z0-9]*";

export const GRAMMAR = {
  service: { what: "service name", pattern: new RegExp(`^${SERVICE}$`) },
  version: { what: "API version", pattern: /^\d{4}-\d{2}-\d{2}$/ },
  action: { what: "action name", pattern: /^[A-Z][A-Za-z0-9]*$/ },
  /** Parameter, field and structure names as the docs write identifiers (`.N` removed by the parser). */
  name: { what: "name", pattern: /^[A-Za-z_][A-Za-z0-9_]*$/ },
  /** Dotted codes (`ResourceNotFound.JobNotExist`), and the numeric codes some products document (`-502`). */
  errorCode: {
    what: "error code",
    pattern: /^(?:[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*|-?\d{1,9})$/,
  },
} as const satisfies Record<string, GrammarRule>;

/** `<service>.tencentcloudapi.com`, or `<service>.<region>.tencentcloudapi.com` (finance, intl). */
export function hostRule(service: string): GrammarRule {
  return {
    what: "endpoint host",
    pattern: new RegExp(`^${escapeRegExp(service)}(?:\\.${REGION})?\\.tencentcloudapi\\.com$`),
  };
}

/** The finance host template: `<service>.{region}.tencentcloudapi.com`. */
function hostTemplateRule(service: string): GrammarRule {
  return {
    what: "finance host template",
    pattern: new RegExp(`^${escapeRegExp(service)}\\.\\{region\\}\\.tencentcloudapi\\.com$`),
  };
}

type Check = (rule: GrammarRule, value: string, at: SourcePosition) => Diagnostic | undefined;

const check: Check = (rule, value, at) =>
  rule.pattern.test(value)
    ? undefined
    : diagnose("TCG090", at, {
        what: rule.what,
        value: shownValue(value),
        pattern: shownRule(rule),
      });

/** The error for the first value of the page outside the grammar, or undefined when all match. */
export function firstViolation(page: ParsedPage): Diagnostic | undefined {
  switch (page.kind) {
    case "action": {
      const at = page.action.position;
      const service = GRAMMAR.service.pattern.test(page.service) ? page.service : "";
      return (
        check(GRAMMAR.service, page.service, at) ??
        check(hostRule(service), page.host, at) ??
        check(GRAMMAR.version, page.version, at) ??
        check(GRAMMAR.action, page.action.name, at) ??
        financeViolation(page.action.finance, service, at) ??
        fieldsViolation([...page.action.input, ...page.action.output]) ??
        first(page.action.errors, (e) => check(GRAMMAR.errorCode, e.code, e.position))
      );
    }
    case "dataTypes":
      return first(
        page.structures,
        (s) => check(GRAMMAR.name, s.name, s.position) ?? fieldsViolation(s.fields),
      );
    case "commonErrors":
      // `errors` holds every code of an error codes page: its common table's and the service's
      // own (`serviceCodes` only names which of them are the service's), so both are checked here.
      return first(page.errors, (e) => check(GRAMMAR.errorCode, e.code, e.position));
  }
}

function financeViolation(
  finance: { readonly hosts: readonly string[]; readonly hostTemplate: string } | undefined,
  service: string,
  at: SourcePosition,
): Diagnostic | undefined {
  if (finance === undefined) return undefined;
  return (
    check(hostTemplateRule(service), finance.hostTemplate, at) ??
    first(finance.hosts, (host) => check(hostRule(service), host, at))
  );
}

function fieldsViolation(fields: readonly Field[]): Diagnostic | undefined {
  return first(
    fields,
    (f) => check(GRAMMAR.name, f.name, f.position) ?? typeViolation(f.type, f.position),
  );
}

function typeViolation(type: TypeRef, at: SourcePosition): Diagnostic | undefined {
  if (type.kind === "array") return typeViolation(type.element, at);
  if (type.kind === "struct") return check(GRAMMAR.name, type.name, at);
  return undefined;
}

function first<T>(
  items: readonly T[],
  violation: (item: T) => Diagnostic | undefined,
): Diagnostic | undefined {
  for (const item of items) {
    const found = violation(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The value as a JSON string (control characters escaped), cut to 80 characters. */
function shownValue(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 80)}...` : value;
  return JSON.stringify(cut);
}

function shownRule(rule: GrammarRule): string {
  return rule.pattern.source;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
