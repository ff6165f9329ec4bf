/**
 * Splits a page into its numbered sections ("## 2. Input Parameters", ...). Level-1 and level-2
 * headings with a known section name start a section; every other heading stays inside the
 * current section (e.g. "## Example 1 ..." inside "## 5. Example" on older CVM pages).
 *
 * Some pages write one section a level deeper than its siblings ("### 2. Input Parameters" among
 * "##" headings). A level-3 heading starts a section too when it is numbered like the sections
 * ("2. ...") and names a kind the page has not opened yet; an unnumbered one ("### Request
 * parameters" inside an example) stays a label of the current section.
 */
import type { Heading, Root, RootContent } from "mdast";
import { plainText } from "./markdown.js";

export type SectionKind =
  "description" | "input" | "output" | "errors" | "examples" | "resources" | "other";

export interface Section {
  readonly kind: SectionKind;
  /** The heading that opened the section; absent for the content before the first section. */
  readonly heading?: Heading;
  readonly title: string;
  readonly nodes: readonly RootContent[];
}

const SECTION_NAMES: readonly [RegExp, SectionKind][] = [
  [/^api description$/, "description"],
  [/^(input|request) parameters?$/, "input"],
  [/^(output|return|response) parameters?$/, "output"],
  [/^error codes?$/, "errors"],
  [/^(examples?|samples?)$/, "examples"],
  [/^(other resources|developer resources|online debugging)$/, "resources"],
];

/** "2. Input Parameters" -> "input parameters"; "5.1 Example" -> "example". */
function normaliseHeading(text: string): string {
  return text
    .trim()
    .replace(/^(\d+\.)*\d*\.?\s*/, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

function sectionKindOf(title: string): SectionKind | undefined {
  const name = normaliseHeading(title);
  for (const [pattern, kind] of SECTION_NAMES) if (pattern.test(name)) return kind;
  return undefined;
}

export function splitSections(root: Root): Section[] {
  const sections: Section[] = [];
  let current: { kind: SectionKind; heading?: Heading; title: string; nodes: RootContent[] } = {
    kind: "other",
    title: "",
    nodes: [],
  };
  const opened = new Set<SectionKind>();
  for (const node of root.children) {
    if (node.type === "heading" && node.depth <= 3) {
      const title = plainText(node).trim();
      const kind = sectionKindOf(title);
      const deeperSibling =
        node.depth === 3 && /^\d+\.\s/.test(title) && !opened.has(kind ?? "other");
      if (kind !== undefined && (node.depth <= 2 || deeperSibling)) {
        opened.add(kind);
        sections.push(current);
        current = { kind, heading: node, title, nodes: [] };
        continue;
      }
    }
    current.nodes.push(node);
  }
  sections.push(current);
  return sections.filter((s) => s.heading !== undefined || s.nodes.length > 0);
}

/** The first section of a kind, if the page has one. */
export function findSection(sections: readonly Section[], kind: SectionKind): Section | undefined {
  return sections.find((s) => s.kind === kind);
}
