/**
 * An API 3.0 action page: runs one parser per section and works out the action name, version,
 * host and service from the page's own content (never from its file path).
 */
import type { Root } from "mdast";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { plainText, positionOf } from "./markdown.js";
import type { ParsedActionPage } from "./parsed-page.js";
import { parseDescription } from "./parse-description.js";
import { parseErrorCodes } from "./parse-error-codes.js";
import { parseExamples } from "./parse-examples.js";
import { parseInputParameters, parseOutputParameters } from "./parse-parameters.js";
import { findSection, type Section } from "./sections.js";

export function parseActionPage(
  file: string,
  text: string,
  root: Root,
  sections: readonly Section[],
  diagnostics: Diagnostic[],
): ParsedActionPage | undefined {
  const local: Diagnostic[] = [];
  const start = positionOf(file, root.children[0] ?? {});
  const nodesOf = (kind: Section["kind"]) => findSection(sections, kind)?.nodes ?? [];
  const facts = parseDescription(file, nodesOf("description"));
  const input = parseInputParameters(file, text, nodesOf("input"), local);
  const output = parseOutputParameters(file, text, nodesOf("output"), local);
  const errors = parseErrorCodes(file, text, nodesOf("errors"), local);
  const exampleSection = findSection(sections, "examples");
  const examples = parseExamples(
    file,
    exampleSection?.title ?? "Example",
    exampleSection?.heading ? positionOf(file, exampleSection.heading) : start,
    exampleSection?.nodes ?? [],
    local,
  );

  const name = input.action ?? titleAction(root) ?? facts.actionHint;
  if (name === undefined) return reject(diagnose("TCG014", start));
  if (input.version === undefined) return reject(diagnose("TCG015", start));
  const version = normaliseVersion(input.version);
  if (version !== input.version) {
    const at = input.versionPosition ?? start;
    local.push(diagnose("TCG021", at, { written: input.version, version }));
  }
  // The example is never the source of a name: its host is used only when the page has no domain
  // line, and then check/closed-grammar.ts holds it to `<service>.tencentcloudapi.com`.
  let host = facts.host;
  if (host !== undefined && examples.host !== undefined && examples.host !== host) {
    const example = examples.examples[0]?.title ?? "";
    local.push(diagnose("TCG091", start, { example, exampleHost: examples.host, host }));
  }
  if (host === undefined) {
    if (examples.host === undefined) return reject(diagnose("TCG016", start));
    host = examples.host;
    local.push(diagnose("TCG020", start, { host }));
  }
  for (const example of examples.examples) {
    if (example.action !== undefined && example.action !== name) {
      const args = { example: example.title, exampleAction: example.action, action: name };
      local.push(diagnose("TCG041", example.position, args));
    }
  }
  diagnostics.push(...local);
  return {
    kind: "action",
    file,
    service: host.split(".")[0] ?? host,
    host,
    version,
    action: {
      name,
      description: facts.description,
      ...(facts.rateLimitPerSecond === undefined
        ? {}
        : { rateLimitPerSecond: facts.rateLimitPerSecond }),
      ...(facts.finance === undefined ? {} : { finance: facts.finance }),
      ...(facts.callableStatuses === undefined ? {} : { callableStatuses: facts.callableStatuses }),
      input: input.fields,
      output,
      errors,
      examples: examples.examples,
      position: start,
    },
  };

  function reject(diagnostic: Diagnostic): undefined {
    diagnostics.push(diagnostic);
    return undefined;
  }
}

/** The `# Title` of newer pages, when it is an action name. */
function titleAction(root: Root): string | undefined {
  const title = root.children.find((n) => n.type === "heading" && n.depth === 1);
  const text = title === undefined ? "" : plainText(title).trim();
  return /^[A-Z][A-Za-z0-9]*$/.test(text) ? text : undefined;
}

/** "2/28/2018" -> "2018-02-28"; ISO dates unchanged. */
function normaliseVersion(written: string): string {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(written);
  if (us === null) return written;
  const [, month = "", day = "", year = ""] = us;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
