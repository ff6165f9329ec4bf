/**
 * Decides what a page is before any section is parsed: an API 3.0 action page, a data types page,
 * a common error codes page, or something tcgen refuses with one clear error.
 */
import type { Root } from "mdast";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { plainText, positionOf } from "./markdown.js";
import { findErrorCodeNodes } from "./parse-common-errors.js";
import { findStructureBlocks } from "./parse-data-types.js";
import { findSection, type Section } from "./sections.js";

export type PageClass =
  | { readonly kind: "action" | "dataTypes" | "commonErrors" }
  | { readonly kind: "rejected"; readonly diagnostic: Diagnostic };

export function classifyPage(
  file: string,
  text: string,
  root: Root,
  sections: readonly Section[],
): PageClass {
  const start = { file, line: 1, column: 1 };
  const reject = (diagnostic: Diagnostic): PageClass => ({ kind: "rejected", diagnostic });
  if (text.replace(/[\s\uFEFF]/g, "") === "" || root.children.length === 0) {
    return reject(diagnose("TCG010", start));
  }
  const script = foreignScript(root);
  if (script !== undefined) return reject(diagnose("TCG011", start, { script }));
  const api2 = api2Evidence(file, sections);
  if (api2 !== undefined) return reject(diagnose("TCG012", api2.position, { evidence: api2.text }));
  if (findSection(sections, "input") !== undefined) return { kind: "action" };
  if (findStructureBlocks(root).length > 0) return { kind: "dataTypes" };
  if (findErrorCodeNodes(root) !== undefined) return { kind: "commonErrors" };
  return reject(diagnose("TCG013", start));
}

const SCRIPTS: readonly [string, RegExp][] = [
  ["Chinese", /[\u3400-\u9fff\uf900-\ufaff]/g],
  ["Cyrillic", /[\u0400-\u04ff]/g],
  ["Japanese", /[\u3040-\u30ff]/g],
  ["Korean", /[\uac00-\ud7af]/g],
];

/**
 * The non-Latin script the page's headings and prose are mostly written in. Headings decide
 * first (English pages have English headings); prose decides when there are no headings.
 */
function foreignScript(root: Root): string | undefined {
  const headings = root.children.filter((n) => n.type === "heading").map((n) => plainText(n));
  const sample = headings.length > 0 ? headings.join("\n") : plainText(root).slice(0, 20_000);
  const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
  for (const [name, pattern] of SCRIPTS) {
    const count = (sample.match(pattern) ?? []).length;
    // One CJK character carries about a word; compare it with a word of about five letters.
    const weight = name === "Cyrillic" ? count : count * 5;
    if (weight > latin) return name;
  }
  return undefined;
}

/** API 2.0 pages name a `*.api.qcloud.com` host or call `/v2/index.php`. */
function api2Evidence(
  file: string,
  sections: readonly Section[],
): { text: string; position: ReturnType<typeof positionOf> } | undefined {
  for (const section of sections) {
    if (section.kind !== "description" && section.kind !== "examples" && section.kind !== "other") {
      continue;
    }
    for (const node of section.nodes) {
      if (section.kind === "examples" && node.type !== "code" && node.type !== "html") continue;
      const text = node.type === "code" ? node.value : plainText(node);
      const host = /\b[a-z0-9-]+\.api\.qcloud\.com\b/i.exec(text)?.[0];
      const isRequest = section.kind !== "examples" || /^\s*(https?:\/\/|<pre)/i.test(text);
      if (host !== undefined && isRequest) {
        return { text: `host ${host}`, position: positionOf(file, node) };
      }
      if (section.kind === "examples" && /\/v2\/index\.php/.test(text) && isRequest) {
        return { text: "example calls /v2/index.php", position: positionOf(file, node) };
      }
    }
  }
  return undefined;
}
