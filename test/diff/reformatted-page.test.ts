/**
 * A page reformatted without touching its API yields no API change: a heading style, a table's
 * column order, a doubled link fixed, prose re-wrapped. Each edit is applied to the old side (the
 * new side is the clean base page), and the diff must be empty.
 */
import { describe, expect, it } from "vitest";
import { ACTION_PAGE as A, changesBetween, TYPES_PAGE as T, type Edit } from "./fixture-sides.js";

const INPUT_TABLE_HEAD = "| Parameter Name | Required | Type | Description |";

/** The input table with its Required and Type columns swapped. */
const swapColumns = (rows: [string, string][]): Edit[] =>
  rows.map(([from, to]) => ({ file: A, from, to }));

const CASES: readonly { given: string; old: readonly Edit[] }[] = [
  {
    given: "section headings worded as Request/Response Parameters",
    old: [
      { file: A, from: "## 2. Input Parameters", to: "## 2. Request Parameters" },
      { file: A, from: "## 3. Output Parameters", to: "## 3. Response Parameters" },
    ],
  },
  {
    given: "unnumbered, bold-styled section headings",
    old: [
      { file: A, from: "## 2. Input Parameters", to: "## **Input Parameters**" },
      { file: A, from: "## 3. Output Parameters", to: "## **Output Parameters**" },
    ],
  },
  {
    given: "the input table's Required and Type columns swapped",
    old: swapColumns([
      [INPUT_TABLE_HEAD, "| Parameter Name | Type | Required | Description |"],
      ["| Action | Yes | String |", "| Action | String | Yes |"],
      ["| Version | Yes | String |", "| Version | String | Yes |"],
      ["| Region | Yes | String |", "| Region | String | Yes |"],
      ["| WidgetId | Yes | String |", "| WidgetId | String | Yes |"],
      ["| Limit | No | Integer |", "| Limit | Integer | No |"],
      [
        "| Filter | No | [WidgetFilter](#WidgetFilter) |",
        "| Filter | [WidgetFilter](#WidgetFilter) | No |",
      ],
    ]),
  },
  {
    given: "a doubled link in a type cell (fixed in the new revision)",
    old: [
      {
        file: A,
        from: "| Filter | No | [WidgetFilter](#WidgetFilter) |",
        to: "| Filter | No | [WidgetFilter](https://cloud.tencent.comhttps://cloud.tencent.com/document/api/1/2#WidgetFilter) |",
      },
    ],
  },
  {
    given: "an action description re-wrapped over two lines",
    old: [
      {
        file: A,
        from: "This API is used to query widgets.",
        to: "This API is used\nto query widgets.",
      },
    ],
  },
  {
    given: "a structure table's columns reordered",
    old: [
      {
        file: T,
        from: "| Name | Type | Required | Description |\n|------|------|----------|------|\n| Name | String | Yes | Name of the widget |\n| Size | Integer | No | Size of the widget |",
        to: "| Name | Required | Type | Description |\n|------|------|----------|------|\n| Name | Yes | String | Name of the widget |\n| Size | No | Integer | Size of the widget |",
      },
    ],
  },
];

describe("a reformatted page with the same API", () => {
  it.each(CASES)("$given: no API change", async ({ old }) => {
    expect(await changesBetween(old, [])).toEqual([]);
  });
});
