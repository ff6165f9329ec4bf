/**
 * Given/want per change kind and per breaking rule: the base fixture pages with one edit on one
 * side, and the changes (id, path, breaking) the diff must report.
 */
import { describe, expect, it } from "vitest";
import { CHANGE_KINDS } from "../../generator/diff/change-kinds.js";
import {
  ACTION_PAGE as A,
  changesBetween,
  summary,
  TYPES_PAGE as T,
  type Edit,
} from "./fixture-sides.js";

const LIMIT = "| Limit | No | Integer | Number of results |";
const WIDGET_ID = "| WidgetId | Yes | String | ID of the widget |";
const FILTER = "| Filter | No | [WidgetFilter](#WidgetFilter) | Which widgets to return |";
const TOTAL = "| Total | Integer | Number of widgets |";
const NAME = "| Name | String | Yes | Name of the widget |";
const SIZE = "| Size | Integer | No | Size of the widget |";
const COLOUR = "| Colour | String | No | Colour of the widgets |";
const MIN_SIZE = "| MinSize | Integer | No | Smallest size |";
const ERROR_ROW = "| ResourceNotFound.WidgetNotExist | The widget does not exist. |";

/** The product's own error codes page; the host gives it to the wgt service. */
const errorCodesPage = (codes: readonly string[], wording = "happened"): Edit => ({
  addFile: "error-codes.md",
  text: [
    "## Error Codes",
    "",
    "Domain name for API request: wgt.tencentcloudapi.com",
    "",
    "### Service Error Codes",
    "",
    "| Error Code | Description |",
    "|---|---|",
    ...codes.map((code) => `| ${code} | ${code} ${wording}. |`),
    "",
  ].join("\n"),
});
const QUOTA = "LimitExceeded.WidgetQuota";
const BUSY = "ResourceInUse.WidgetBusy";

const edit = (file: string, from: string, to: string): Edit => ({ file, from, to });
const addRow = (file: string, after: string, row: string): Edit =>
  edit(file, after, `${after}\n${row}`);
const dropRow = (file: string, row: string): Edit => edit(file, `${row}\n`, "");
/**
 * The page's example sends one more parameter. A change the example contradicts would be widened
 * back by the check phase (a required field the example omits becomes optional, issue 11), so a
 * case that tightens the contract keeps the example within it.
 */
const exampleSends = (pair: string): Edit => edit(A, "&WidgetId=w-1", `&WidgetId=w-1\n${pair}`);

interface Case {
  readonly given: string;
  readonly old?: readonly Edit[];
  readonly new?: readonly Edit[];
  readonly want: readonly string[];
}

const CASES: readonly Case[] = [
  {
    given: "a second action page",
    new: [{ addFile: "ListWidgets.md", copyOf: A, replace: [["DescribeWidgets", "ListWidgets"]] }],
    want: ["action-added ListWidgets compatible"],
  },
  {
    given: "an action page removed",
    old: [{ addFile: "ListWidgets.md", copyOf: A, replace: [["DescribeWidgets", "ListWidgets"]] }],
    want: ["action-removed ListWidgets breaking"],
  },
  {
    given: "a new optional parameter",
    new: [addRow(A, LIMIT, "| Offset | No | Integer | Offset of the first result |")],
    want: ["request-parameter-added-optional DescribeWidgets.Offset compatible"],
  },
  {
    given: "a new required parameter",
    new: [
      addRow(A, LIMIT, "| Zone | Yes | String | Zone of the widgets |"),
      exampleSends("&Zone=z-1"),
    ],
    want: ["request-parameter-added-required DescribeWidgets.Zone breaking"],
  },
  {
    given: "a parameter removed",
    new: [dropRow(A, LIMIT)],
    want: ["request-parameter-removed DescribeWidgets.Limit breaking"],
  },
  {
    given: "Required No -> Yes",
    new: [
      edit(A, LIMIT, "| Limit | Yes | Integer | Number of results |"),
      exampleSends("&Limit=5"),
    ],
    want: ["request-parameter-became-required DescribeWidgets.Limit breaking"],
  },
  {
    given: "Required Yes -> No",
    new: [edit(A, WIDGET_ID, "| WidgetId | No | String | ID of the widget |")],
    want: ["request-parameter-became-optional DescribeWidgets.WidgetId compatible"],
  },
  {
    given: "a parameter's type String -> Integer",
    new: [
      edit(A, WIDGET_ID, "| WidgetId | Yes | Integer | ID of the widget |"),
      edit(A, "&WidgetId=w-1", "&WidgetId=1"),
    ],
    want: ["request-parameter-type-changed DescribeWidgets.WidgetId breaking"],
  },
  {
    given: "a parameter's type Integer -> Float (every old value still accepted)",
    new: [edit(A, LIMIT, "| Limit | No | Float | Number of results |")],
    want: ["request-parameter-type-widened DescribeWidgets.Limit compatible"],
  },
  {
    given: "a parameter's type Integer -> Array of Integer",
    new: [edit(A, LIMIT, "| Limit.N | No | Array of Integer | Number of results |")],
    want: ["request-parameter-type-changed DescribeWidgets.Limit breaking"],
  },
  {
    given: "a new response field",
    new: [addRow(A, TOTAL, "| NextToken | String | Token of the next page |")],
    want: ["response-field-added DescribeWidgetsResponse.NextToken compatible"],
  },
  {
    given: "a response field removed",
    new: [dropRow(A, TOTAL)],
    want: ["response-field-removed DescribeWidgetsResponse.Total breaking"],
  },
  {
    given: "a response field's type Integer -> String",
    new: [edit(A, TOTAL, "| Total | String | Number of widgets |")],
    want: ["response-field-type-changed DescribeWidgetsResponse.Total breaking"],
  },
  {
    given: "a response field's type Float -> Integer (callers already handle every new value)",
    old: [edit(A, TOTAL, "| Total | Float | Number of widgets |")],
    want: ["response-field-type-narrowed DescribeWidgetsResponse.Total compatible"],
  },
  {
    given: "a response field that may now return null",
    new: [
      edit(A, TOTAL, "| Total | Integer | Number of widgets. Note: this field may return null. |"),
    ],
    want: [
      "description-changed DescribeWidgetsResponse.Total compatible",
      "response-field-type-changed DescribeWidgetsResponse.Total breaking",
    ],
  },
  {
    given: "a parameter of a new structure type",
    old: [dropRow(A, FILTER)],
    want: [
      "request-parameter-added-optional DescribeWidgets.Filter compatible",
      "structure-added WidgetFilter compatible",
    ],
  },
  {
    given: "the only parameter of a structure type removed",
    new: [dropRow(A, FILTER)],
    want: [
      "request-parameter-removed DescribeWidgets.Filter breaking",
      "structure-removed WidgetFilter breaking",
    ],
  },
  {
    given: "an optional field added to a response structure",
    new: [addRow(T, SIZE, "| Colour | String | No | Colour of the widget |")],
    want: ["structure-field-added-optional Widget.Colour compatible"],
  },
  {
    given: "a required field added to a request structure",
    new: [addRow(T, MIN_SIZE, "| Shape | String | Yes | Shape of the widgets |")],
    want: ["structure-field-added-required WidgetFilter.Shape breaking"],
  },
  {
    given: "a required field added to a response structure",
    new: [addRow(T, SIZE, "| Colour | String | Yes | Colour of the widget |")],
    want: ["structure-field-added-required Widget.Colour compatible"],
  },
  {
    given: "a structure field removed",
    new: [dropRow(T, SIZE)],
    want: ["structure-field-removed Widget.Size breaking"],
  },
  {
    given: "a request structure's field became required",
    new: [edit(T, COLOUR, "| Colour | String | Yes | Colour of the widgets |")],
    want: ["structure-field-became-required WidgetFilter.Colour breaking"],
  },
  {
    given: "a response structure's field became required",
    new: [edit(T, SIZE, "| Size | Integer | Yes | Size of the widget |")],
    want: ["structure-field-became-required Widget.Size compatible"],
  },
  {
    given: "a response structure's field became optional",
    new: [edit(T, NAME, "| Name | String | No | Name of the widget |")],
    want: ["structure-field-became-optional Widget.Name breaking"],
  },
  {
    given: "a request structure's field became optional",
    old: [edit(T, COLOUR, "| Colour | String | Yes | Colour of the widgets |")],
    want: ["structure-field-became-optional WidgetFilter.Colour compatible"],
  },
  {
    given: "a request structure's field widened Integer -> Float",
    new: [edit(T, MIN_SIZE, "| MinSize | Float | No | Smallest size |")],
    want: ["structure-field-type-changed WidgetFilter.MinSize compatible"],
  },
  {
    given: "a response structure's field widened Integer -> Float",
    new: [edit(T, SIZE, "| Size | Float | No | Size of the widget |")],
    want: ["structure-field-type-changed Widget.Size breaking"],
  },
  {
    given: "an error code added",
    new: [addRow(A, ERROR_ROW, "| LimitExceeded.TooManyWidgets | Too many widgets. |")],
    want: ["error-code-added DescribeWidgets#LimitExceeded.TooManyWidgets compatible"],
  },
  {
    given: "an error code removed",
    new: [dropRow(A, ERROR_ROW)],
    want: ["error-code-removed DescribeWidgets#ResourceNotFound.WidgetNotExist breaking"],
  },
  {
    given: "a code added to the service's own error codes page",
    old: [errorCodesPage([QUOTA])],
    new: [errorCodesPage([QUOTA, BUSY])],
    want: [`error-code-added wgt@2020-01-01#${BUSY} compatible`],
  },
  {
    given: "a service error codes page given where there was none",
    new: [errorCodesPage([QUOTA])],
    want: [`error-code-added wgt@2020-01-01#${QUOTA} compatible`],
  },
  {
    given: "a code removed from the service's own error codes page (its error class is gone)",
    old: [errorCodesPage([QUOTA, BUSY])],
    new: [errorCodesPage([QUOTA])],
    want: [`error-code-removed wgt@2020-01-01#${BUSY} breaking`],
  },
  {
    given: "a service error code's description reworded",
    old: [errorCodesPage([QUOTA])],
    new: [errorCodesPage([QUOTA], "was hit")],
    want: [`description-changed wgt@2020-01-01#${QUOTA} compatible`],
  },
  {
    given: "a new rate limit",
    new: [edit(A, "A maximum of 20 requests", "A maximum of 10 requests")],
    want: ["rate-limit-changed DescribeWidgets compatible"],
  },
  {
    given: "a new domain",
    new: [
      edit(
        A,
        "Domain name for API request: wgt.tencentcloudapi.com",
        "Domain name for API request: wgt.intl.tencentcloudapi.com",
      ),
      edit(A, "https://wgt.tencentcloudapi.com/", "https://wgt.intl.tencentcloudapi.com/"),
    ],
    want: ["endpoint-changed wgt@2020-01-01 compatible"],
  },
  {
    given: "finance regions now supported",
    new: [
      edit(
        A,
        "This API is used to query widgets.",
        "This API is used to query widgets.\n\nFor Finance Zone linkage, please use this domain name: wgt.ap-shenzhen-fsi.tencentcloudapi.com",
      ),
    ],
    want: ["finance-endpoints-changed DescribeWidgets compatible"],
  },
  {
    given: "an action description reworded",
    new: [edit(A, "This API is used to query widgets.", "This API queries widgets by ID.")],
    want: ["description-changed DescribeWidgets compatible"],
  },
  {
    given: "a parameter description reworded",
    new: [edit(A, LIMIT, "| Limit | No | Integer | Maximum number of results |")],
    want: ["description-changed DescribeWidgets.Limit compatible"],
  },
  {
    given: "the same action documented for a second API version",
    new: [
      { addFile: "DescribeWidgets-2021.md", copyOf: A, replace: [["2020-01-01", "2021-01-01"]] },
    ],
    want: ["api-version-added wgt@2021-01-01 compatible"],
  },
  {
    given: "an API version no page documents any more",
    old: [
      { addFile: "DescribeWidgets-2021.md", copyOf: A, replace: [["2020-01-01", "2021-01-01"]] },
    ],
    want: ["api-version-removed wgt@2021-01-01 breaking"],
  },
  {
    given: "a page of another service",
    new: [{ addFile: "gizmo.md", copyOf: A, replace: [["wgt.", "gizmo."]] }],
    want: ["service-added gizmo compatible"],
  },
  {
    given: "the last page of a service removed",
    old: [{ addFile: "gizmo.md", copyOf: A, replace: [["wgt.", "gizmo."]] }],
    want: ["service-removed gizmo breaking"],
  },
];

describe("change kinds: given an edit to the fixture pages, want these changes", () => {
  it.each(CASES)("$given", async ({ old = [], new: now = [], want }) => {
    expect(summary(await changesBetween(old, now))).toEqual([...want].sort());
  });

  it("covers every change kind of the table except the record-only version-not-bumped", () => {
    const covered = new Set(CASES.flatMap((c) => c.want.map((w) => w.split(" ")[0])));
    const uncovered = Object.keys(CHANGE_KINDS).filter((id) => !covered.has(id));
    // Output tables have no Required column, so response requiredness is tested on models.
    expect(uncovered.sort()).toEqual([
      "response-field-became-optional",
      "response-field-became-required",
      "version-not-bumped",
    ]);
  });
});
