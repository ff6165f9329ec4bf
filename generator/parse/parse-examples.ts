/**
 * The "Example" section: one example per top-level sub-heading; in each, the code block under an
 * input/request heading is the request and the one under an output/response heading the response.
 */
import type { Code, Heading, RootContent } from "mdast";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { SourcePosition } from "../ir/types.js";
import { plainText, positionOf, tidyLines } from "./markdown.js";
import type { ExampleDraft } from "./parsed-page.js";
import { MAX_EXAMPLE_JSON_DEPTH } from "./example-json.js";
import {
  readExampleRequest,
  readExampleResponse,
  type ReadingFailure,
} from "./parse-example-request.js";

export interface ExamplesReading {
  readonly examples: ExampleDraft[];
  /** First host named by an example request, for pages without a domain line. */
  readonly host?: string;
}

interface ExampleBlock {
  readonly title: string;
  readonly position: SourcePosition;
  readonly nodes: readonly RootContent[];
}

export function parseExamples(
  file: string,
  sectionTitle: string,
  sectionPosition: SourcePosition,
  nodes: readonly RootContent[],
  diagnostics: Diagnostic[],
): ExamplesReading {
  const examples: ExampleDraft[] = [];
  let host: string | undefined;
  for (const block of splitExamples(file, sectionTitle, sectionPosition, nodes)) {
    const { input, output } = findCodeBlocks(block.nodes);
    if (input === undefined) continue;
    const reading = readExampleRequest(input.value);
    const title = block.title;
    if (!reading.ok) {
      diagnostics.push(
        reading.depth === undefined
          ? diagnose("TCG046", positionOf(file, input), { example: title, reason: reading.reason })
          : tooDeep(title, "input", reading, positionOf(file, input)),
      );
    } else {
      host ??= reading.host;
      for (const written of reading.doubledEquals) {
        diagnostics.push(diagnose("TCG040", positionOf(file, input), { example: title, written }));
      }
    }
    const response = output === undefined ? undefined : readExampleResponse(output.value);
    if (output !== undefined && response?.ok === false) {
      diagnostics.push(
        response.depth === undefined
          ? diagnose("TCG045", positionOf(file, output), { example: title })
          : tooDeep(title, "output", response, positionOf(file, output)),
      );
    }
    examples.push({
      title,
      request: reading.ok ? reading.request : { style: "get", pairs: [] },
      ...(reading.ok && reading.action !== undefined ? { action: reading.action } : {}),
      response: response?.ok === true ? response.response : null,
      responseJson: response?.ok === true ? response.responseJson : null,
      ...(reading.ok ? {} : { unread: true as const }),
      position: block.position,
    });
  }
  return { examples, ...(host === undefined ? {} : { host }) };
}

function tooDeep(
  example: string,
  part: "input" | "output",
  failure: ReadingFailure,
  position: SourcePosition,
): Diagnostic {
  return diagnose("TCG070", position, {
    example,
    part,
    depth: failure.depth ?? 0,
    limit: MAX_EXAMPLE_JSON_DEPTH,
  });
}

/** Examples start at the shallowest headings of the section; no headings means one example. */
function splitExamples(
  file: string,
  sectionTitle: string,
  sectionPosition: SourcePosition,
  nodes: readonly RootContent[],
): ExampleBlock[] {
  const headings = nodes.filter((n): n is Heading => n.type === "heading" && !isLabel(n));
  if (headings.length === 0) return [{ title: sectionTitle, position: sectionPosition, nodes }];
  const depth = Math.min(...headings.map((h) => h.depth));
  const blocks: { title: string; position: SourcePosition; nodes: RootContent[] }[] = [];
  for (const node of nodes) {
    if (node.type === "heading" && node.depth === depth && !isLabel(node)) {
      const title = tidyLines(plainText(node)).replace(/\n/g, " ");
      blocks.push({ title, position: positionOf(file, node), nodes: [] });
    } else if (blocks.length > 0) {
      blocks.at(-1)?.nodes.push(node);
    } else if (node.type === "code") {
      blocks.push({ title: sectionTitle, position: sectionPosition, nodes: [node] });
    }
  }
  return blocks;
}

/** "Input example", "Sample output code", "Request parameters": labels inside one example. */
function isLabel(heading: Heading): boolean {
  const text = plainText(heading).trim().toLowerCase();
  return /^(sample\s+)?(input|output|request|response|return)\b/.test(text);
}

/** Input is the code after an input/request label, output the code after an output/response one. */
function findCodeBlocks(nodes: readonly RootContent[]): { input?: Code; output?: Code } {
  let input: Code | undefined;
  let output: Code | undefined;
  let label: "input" | "output" | undefined;
  for (const node of nodes) {
    if (node.type === "heading" || node.type === "paragraph") {
      const text = plainText(node).toLowerCase();
      if (/output|response|return/.test(text)) label = "output";
      else if (/input|request/.test(text)) label = "input";
      continue;
    }
    if (node.type !== "code") continue;
    const looksLikeRequest = /^\s*(https?:\/\/|POST\s)/i.test(node.value);
    if (input === undefined && (label === "input" || (label === undefined && looksLikeRequest))) {
      input = node;
    } else if (output === undefined && (label === "output" || input !== undefined)) {
      output = node;
    }
    label = undefined;
  }
  return { ...(input === undefined ? {} : { input }), ...(output === undefined ? {} : { output }) };
}
