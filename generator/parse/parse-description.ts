/**
 * The "API Description" section: endpoint host, description text, rate limit, finance-region
 * note and the task statuses in which the action may be called.
 */
import type { RootContent } from "mdast";
import type { FinanceNote, SourcePosition } from "../ir/types.js";
import { plainText, positionOf, tidyLines } from "./markdown.js";

export interface DescriptionFacts {
  readonly host?: string;
  readonly hostPosition?: SourcePosition;
  readonly description: string;
  readonly rateLimitPerSecond?: number;
  readonly finance?: FinanceNote;
  readonly callableStatuses?: readonly string[];
  /** Action name from an "API: `Name`" line or "This API (Name) ..." sentence, if any. */
  readonly actionHint?: string;
}

const HOST = /\b((?:[a-z0-9-]+\.)+(?:tencentcloudapi\.com|qcloud\.com))\b/gi;
const RATE_LIMITS = [
  /(\d+)\s+requests?\s+(?:can\s+be\s+initiated\s+|are\s+allowed\s+)?per\s+second/i,
  /rate\s+limit[^\d]{0,20}(\d+)\s*(?:\/\s*s(?:ec(?:ond)?)?|times\s+per\s+second)/i,
];
const BOILERPLATE = [
  /^we recommend you to use api explorer/i,
  /^try it$/i,
  /^api explorer provides/i,
];

export function parseDescription(file: string, nodes: readonly RootContent[]): DescriptionFacts {
  const kept: string[] = [];
  let host: string | undefined;
  let hostPosition: SourcePosition | undefined;
  let rateLimitPerSecond: number | undefined;
  let callableStatuses: string[] | undefined;
  let actionHint: string | undefined;
  const financeHosts: string[] = [];
  let financeSupported = false;

  for (const node of nodes) {
    const keptLines: string[] = [];
    for (const line of linesOf(node)) {
      if (/finance/i.test(line)) {
        financeSupported ||= /support/i.test(line) || /use this domain/i.test(line);
        for (const found of line.match(HOST) ?? []) {
          if (!financeHosts.includes(found.toLowerCase())) financeHosts.push(found.toLowerCase());
        }
        continue;
      }
      if (/domain/i.test(line) && host === undefined) {
        const found = line.match(HOST)?.[0];
        if (found !== undefined) {
          host = found.toLowerCase();
          hostPosition = positionOf(file, node);
          continue;
        }
      }
      const rate = rateLimitOf(line);
      if (rate !== undefined) {
        rateLimitPerSecond ??= rate;
        continue;
      }
      if (BOILERPLATE.some((p) => p.test(line))) continue;
      const apiLine = /^API(?: name)?:\s*`?([A-Za-z][A-Za-z0-9]*)`?\s*$/.exec(line);
      if (apiLine?.[1] !== undefined) {
        actionHint ??= apiLine[1];
        continue;
      }
      actionHint ??= /\bThis API \(([A-Za-z][A-Za-z0-9]*)\)/.exec(line)?.[1];
      callableStatuses ??= statusesOf(line);
      keptLines.push(line);
    }
    if (keptLines.length > 0) kept.push(keptLines.join("\n"));
  }

  const finance =
    financeSupported || financeHosts.length > 0
      ? financeNote(financeHosts, host, financeSupported || financeHosts.length > 0)
      : undefined;
  return {
    ...(host === undefined ? {} : { host }),
    ...(hostPosition === undefined ? {} : { hostPosition }),
    description: kept.join("\n\n"),
    ...(rateLimitPerSecond === undefined ? {} : { rateLimitPerSecond }),
    ...(finance === undefined ? {} : { finance }),
    ...(callableStatuses === undefined ? {} : { callableStatuses }),
    ...(actionHint === undefined ? {} : { actionHint }),
  };
}

function linesOf(node: RootContent): string[] {
  const text =
    node.type === "list"
      ? node.children.map((item) => `- ${tidyLines(plainText(item))}`).join("\n")
      : plainText(node);
  return tidyLines(text)
    .split("\n")
    .filter((line) => line !== "");
}

function rateLimitOf(line: string): number | undefined {
  for (const pattern of RATE_LIMITS) {
    const match = pattern.exec(line);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}

/** "... can be called when the task is in the following statuses: A; B; C." -> [A, B, C]. */
function statusesOf(line: string): string[] | undefined {
  const match = /can be called when .*? in the following (?:statuses|states|status):\s*(.+)$/i.exec(
    line,
  );
  if (match?.[1] === undefined) return undefined;
  const statuses = match[1]
    .replace(/\.\s*$/, "")
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return statuses.length > 0 ? statuses : undefined;
}

function financeNote(hosts: string[], host: string | undefined, supported: boolean): FinanceNote {
  const sample = hosts[0] ?? host ?? "";
  const labels = sample.split(".");
  const regionIndex = labels.findIndex((label) => label.includes("fsi"));
  const hostTemplate =
    regionIndex >= 0
      ? labels.map((label, i) => (i === regionIndex ? "{region}" : label)).join(".")
      : [labels[0] ?? "", "{region}", ...labels.slice(1)].join(".");
  return { supported, hosts, hostTemplate };
}
