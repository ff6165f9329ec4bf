/**
 * A small action page and data types page with a slot for every kind of text a page can carry,
 * and the payloads an attacker would put there. Shared by the property test and the fixture tests.
 */

/** Strings that would become code, break out of a literal or comment, or upset a terminal. */
export const PAYLOADS: readonly string[] = [
  "*/ process.exit(1) /*",
  '*/ import("node:fs").then((fs) => fs.writeFileSync("CANARY", "")); /*',
  '"; process.exit(1); "',
  "'; process.exit(1); '",
  "`; process.exit(1); `",
  "${process.exit(1)}",
  "</script><script>process.exit(1)</script>",
  "\u2028process.exit(1)\u2029",
  "a\u0000b",
  "\u001b[31mred\u001b[0m \u001b]0;pwned\u0007",
  "\u202eevil\u202c",
  "__proto__",
  "constructor",
  "\\",
  "// process.exit(1)",
  "x".repeat(20_000),
  "@example */ x",
];

/** Where a payload goes, and how the page writes it there (a table cell cannot hold a newline). */
export interface Slot {
  readonly name: string;
  /**
   * Names something (a parameter, field, error code, or an example's parameter): a different
   * value is a different API, so the run is type-checked rather than compared with the benign one.
   */
  readonly naming: boolean;
  /** A neutral value for the slot: the benign page. */
  readonly benign: string;
  readonly encode: (payload: string) => string;
}

const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, " ");
const cell = (text: string) => oneLine(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
const jsonText = (text: string) => JSON.stringify(text).slice(1, -1);
const inCode = (text: string) => oneLine(text).replace(/```/g, "` ` `");

export const SLOTS: readonly Slot[] = [
  { name: "DESCRIPTION", naming: false, benign: "This API does a thing.", encode: inCode },
  {
    name: "STATUSES",
    naming: false,
    benign: "Running",
    encode: (t) => oneLine(t).replace(/[;.]/g, ","),
  },
  {
    name: "HOST",
    naming: true,
    benign: "probe.tencentcloudapi.com",
    encode: (t) => oneLine(t).replace(/\s/g, ""),
  },
  { name: "PARAM", naming: true, benign: "Name", encode: cell },
  { name: "PARAM_DESC", naming: false, benign: "A name.", encode: cell },
  { name: "TYPE", naming: false, benign: "Qq Qq", encode: cell },
  { name: "OUT_DESC", naming: false, benign: "How many.", encode: cell },
  { name: "ERROR_CODE", naming: true, benign: "FailedOperation.Busy", encode: cell },
  { name: "ERROR_DESC", naming: false, benign: "Busy.", encode: cell },
  { name: "TITLE", naming: false, benign: "Do the thing", encode: oneLine },
  {
    name: "EXAMPLE_HOST",
    naming: false,
    benign: "probe.tencentcloudapi.com",
    encode: (t) => encodeURIComponent(t),
  },
  { name: "EXAMPLE_VALUE", naming: false, benign: "n1", encode: (t) => encodeURIComponent(t) },
  { name: "HEADER_HOST", naming: false, benign: "probe.tencentcloudapi.com", encode: oneLine },
  { name: "BODY_VALUE", naming: false, benign: "n2", encode: jsonText },
  { name: "BODY_KEY", naming: true, benign: "Name", encode: jsonText },
  { name: "RESPONSE_VALUE", naming: false, benign: "r-1", encode: jsonText },
  { name: "RESPONSE_KEY", naming: false, benign: "Note", encode: jsonText },
  { name: "STRUCT_DESC", naming: false, benign: "A spec.", encode: inCode },
  { name: "FIELD", naming: true, benign: "Size", encode: cell },
  { name: "FIELD_DESC", naming: false, benign: "The size.", encode: cell },
  { name: "REFERENCED_BY", naming: false, benign: "DoThing", encode: inCode },
];

const ACTION_PAGE = `# DoThing

## 1. API Description

Domain name for API request: @@HOST@@

@@DESCRIPTION@@
This API can be called when the task is in the following statuses: @@STATUSES@@.

A maximum of 20 requests can be initiated per second for this API.

## 2. Input Parameters

| Parameter Name | Required | Type | Description |
|---|---|---|---|
| Action | Yes | String | Common parameter. The value used for this API: DoThing |
| Version | Yes | String | Common parameter. The value used for this API: 2020-01-01 |
| @@PARAM@@ | No | String | @@PARAM_DESC@@ |
| Spec | No | [Spec](#Spec) | The spec. |
| Kind | No | @@TYPE@@ | A kind. |

## 3. Output Parameters

| Parameter Name | Type | Description |
|---|---|---|
| Total | Integer | @@OUT_DESC@@ |
| RequestId | String | The unique request ID. |

## 4. Error Codes

| Error Code | Description |
|---|---|
| @@ERROR_CODE@@ | @@ERROR_DESC@@ |

## 5. Example

### Example 1 @@TITLE@@

#### Input Example

\`\`\`
https://@@EXAMPLE_HOST@@/?Action=DoThing
&Name=@@EXAMPLE_VALUE@@
&<Common request parameters>
\`\`\`

#### Output Example

\`\`\`
{ "Response": { "@@RESPONSE_KEY@@": "@@RESPONSE_VALUE@@", "Total": 1, "RequestId": "r-1" } }
\`\`\`

### Example 2 Posted

#### Input Example

\`\`\`
POST / HTTP/1.1
Host: @@HEADER_HOST@@
Content-Type: application/json
X-TC-Action: DoThing
<Common request parameters>

{ "@@BODY_KEY@@": "@@BODY_VALUE@@" }
\`\`\`

#### Output Example

\`\`\`
{ "Response": { "Total": 2, "RequestId": "r-2" } }
\`\`\`
`;

const DATA_TYPES_PAGE = `## Spec

@@STRUCT_DESC@@

Referenced by: @@REFERENCED_BY@@.

| Name | Type | Required | Description |
|---|---|---|---|
| @@FIELD@@ | Integer | No | @@FIELD_DESC@@ |
| Label | String | No | A label. |
`;

/** The two pages with `payload` in `slot` (or every slot benign). */
export function hostilePages(slot?: Slot, payload?: string): { file: string; text: string }[] {
  const fill = (template: string) =>
    template.replace(/@@([A-Z_]+)@@/g, (_, name: string) => {
      const target = SLOTS.find((s) => s.name === name);
      if (target === undefined) throw new Error(`no slot ${name}`);
      return target === slot && payload !== undefined ? slot.encode(payload) : target.benign;
    });
  return [
    { file: "pages/DoThing.md", text: fill(ACTION_PAGE) },
    { file: "pages/data-types.md", text: fill(DATA_TYPES_PAGE) },
  ];
}
