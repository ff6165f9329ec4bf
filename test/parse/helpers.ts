import type { Diagnostic } from "../../generator/diagnostics/types.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import type { ParsedActionPage, ParsedPage } from "../../generator/parse/parsed-page.js";

/** Parses one in-memory page named `page.md`. */
export function parseOne(text: string): { page?: ParsedPage; diagnostics: Diagnostic[] } {
  const result = parsePages([{ file: "page.md", text }]);
  const page = result.pages[0];
  return page === undefined
    ? { diagnostics: result.diagnostics }
    : { page, diagnostics: result.diagnostics };
}

/** A minimal API 3.0 action page around an input table body and an example URL. */
export function actionPage(options: {
  inputRows?: string;
  example?: string;
  header?: string;
}): string {
  const header = options.header ?? "| Parameter Name | Required | Type | Description |";
  return [
    "## 1. API Description",
    "",
    "Domain name for API request: demo.tencentcloudapi.com",
    "",
    "This API is used to test.",
    "",
    "## 2. Input Parameters",
    "",
    header,
    "|---|---|---|---|",
    "| Action | Yes | String | Common parameter. The value used for this API: DoThing |",
    "| Version | Yes | String | Common parameter. The value used for this API: 2020-01-01 |",
    options.inputRows ?? "| Name | No | String | A name |",
    "",
    "## 3. Output Parameters",
    "",
    "| Parameter Name | Type | Description |",
    "|---|---|---|",
    "| RequestId | String | Request ID |",
    "",
    "## 4. Example",
    "",
    "### Example 1 Do it",
    "",
    "#### Input example",
    "",
    "```",
    options.example ??
      "https://demo.tencentcloudapi.com/?Action=DoThing\n&<Common request parameters>",
    "```",
    "",
    "#### Output example",
    "",
    "```",
    '{ "Response": { "RequestId": "r-1" } }',
    "```",
    "",
  ].join("\n");
}

export function asAction(page: ParsedPage | undefined): ParsedActionPage {
  if (page?.kind !== "action") throw new Error(`expected an action page, got ${page?.kind}`);
  return page;
}
