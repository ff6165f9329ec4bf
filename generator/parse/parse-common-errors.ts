/**
 * Error codes pages: the table under a "Common Error Codes" heading holds the codes every action
 * of every service can return; the tables under any other heading ("Service Error Codes",
 * "Application Errors", ...) hold the product's own codes. The check phase gives those to the one
 * service the page belongs to (build-ir.ts).
 */
import type { Root, RootContent } from "mdast";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ErrorCode } from "../ir/types.js";
import { plainText } from "./markdown.js";
import { isErrorCodeTable, parseErrorCodes } from "./parse-error-codes.js";

export interface ErrorCodeNodes {
  /** Error-code tables under a "Common Error Codes" heading. */
  readonly common: RootContent[];
  /** Error-code tables under any other heading: the product's own codes. */
  readonly service: RootContent[];
}

const COMMON_HEADING = /^common error codes?$/i;

/** The page's error-code tables, common and the service's own; undefined when it has none. */
export function findErrorCodeNodes(root: Root): ErrorCodeNodes | undefined {
  const found: ErrorCodeNodes = { common: [], service: [] };
  let underCommon = false;
  for (const node of root.children) {
    if (node.type === "heading") {
      underCommon = COMMON_HEADING.test(plainText(node).trim());
      continue;
    }
    if (node.type !== "table" || !isErrorCodeTable(node)) continue;
    (underCommon ? found.common : found.service).push(node);
  }
  return found.common.length + found.service.length === 0 ? undefined : found;
}

export interface ErrorCodesReading {
  /** Every code of the page: the common codes first, then the service's own. */
  readonly errors: ErrorCode[];
  /** Which of `errors` are the service's own (the rest are common). */
  readonly serviceCodes: string[];
  /** The service a `<service>.tencentcloudapi.com` host on the page names, if one does. */
  readonly hostService?: string;
}

export function parseCommonErrors(
  file: string,
  pageText: string,
  root: Root,
  diagnostics: Diagnostic[],
): ErrorCodesReading {
  const nodes = findErrorCodeNodes(root) ?? { common: [], service: [] };
  const common = parseErrorCodes(file, pageText, nodes.common, diagnostics);
  const commonCodes = new Set(common.map((e) => e.code));
  const service = parseErrorCodes(file, pageText, nodes.service, diagnostics).filter(
    (e) => !commonCodes.has(e.code),
  );
  const hosts = new Set(
    [...pageText.matchAll(/\b([a-z][a-z0-9]*)\.tencentcloudapi\.com\b/g)].map((m) => m[1] ?? ""),
  );
  const [hostService] = hosts.size === 1 ? [...hosts] : [];
  return {
    errors: [...common, ...service],
    serviceCodes: service.map((e) => e.code),
    ...(hostService === undefined || hostService === "" ? {} : { hostService }),
  };
}
