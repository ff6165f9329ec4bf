/**
 * Which service a data types page lends its structures to (generator/check/resolve-structures.ts):
 * one owning service per page, chosen by its "Referenced by:" lines, else by which service's
 * actions use most of its structure names; a tie owns nothing; never lent across services.
 */
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { actionPage } from "../parse/helpers.js";

/** An action page of `service` (host `<service>.tencentcloudapi.com`) with these input rows. */
function action(service: string, name: string, rows: string): { file: string; text: string } {
  const text = actionPage({ inputRows: rows })
    .replaceAll("demo.tencentcloudapi.com", `${service}.tencentcloudapi.com`)
    .replaceAll("DoThing", name);
  return { file: `${service}-${name}.md`, text };
}

/** A data types page defining `names` (each with one field), with an optional Referenced by line. */
function types(
  file: string,
  names: string[],
  referencedBy?: string,
): { file: string; text: string } {
  const sections = names.flatMap((name) => [
    `## ${name}`,
    "",
    `${name} of ${file}.`,
    "",
    ...(referencedBy === undefined ? [] : [`Referenced by: ${referencedBy}.`, ""]),
    "| Name | Type | Description |",
    "|---|---|---|",
    "| Size | Integer | size |",
    "",
  ]);
  return { file, text: sections.join("\n") };
}

function build(pages: { file: string; text: string }[]) {
  const parsed = parsePages(pages);
  const built = buildIr(parsed.pages);
  const structures = (service: string) =>
    built.ir.services
      .find((s) => s.name === service)
      ?.versions[0]?.structures.map((s) => [s.name, s.open ? "open" : s.description]);
  return { structures, diagnostics: [...parsed.diagnostics, ...built.diagnostics] };
}

describe("structure ownership", () => {
  it.each([
    {
      name: "a page without Referenced by lines belongs to the service using most of its names",
      pages: [
        action(
          "cvm",
          "RunInstances",
          "| P | No | Placement | p |\n| F | No | Array of Filter | f |",
        ),
        action("vpc", "DescribeVpcs", "| F | No | Array of Filter | f |"),
        types("cvm-types.md", ["Filter", "Placement"]),
      ],
      want: {
        cvm: [
          ["Filter", "Filter of cvm-types.md."],
          ["Placement", "Placement of cvm-types.md."],
        ],
        vpc: [["Filter", "open"]],
      },
    },
    {
      name: "Referenced by lines decide before use counts",
      pages: [
        action(
          "cvm",
          "RunInstances",
          "| P | No | Placement | p |\n| F | No | Array of Filter | f |",
        ),
        action("vpc", "DescribeVpcs", "| F | No | Array of Filter | f |"),
        types("vpc-types.md", ["Filter", "Placement"], "DescribeVpcs"),
      ],
      want: {
        cvm: [
          ["Filter", "open"],
          ["Placement", "open"],
        ],
        vpc: [["Filter", "Filter of vpc-types.md."]],
      },
    },
    {
      name: "a tie owns nothing",
      pages: [
        action("cvm", "RunInstances", "| F | No | Array of Filter | f |"),
        action("vpc", "DescribeVpcs", "| F | No | Array of Filter | f |"),
        types("shared-types.md", ["Filter"]),
      ],
      want: { cvm: [["Filter", "open"]], vpc: [["Filter", "open"]] },
    },
    {
      name: "each service takes its own page's definition of a shared name",
      pages: [
        action("cvm", "RunInstances", "| F | No | Array of Filter | f |"),
        action("vpc", "DescribeVpcs", "| F | No | Array of Filter | f |"),
        types("a-types.md", ["Filter"], "RunInstances"),
        types("b-types.md", ["Filter"], "DescribeVpcs"),
      ],
      want: {
        cvm: [["Filter", "Filter of a-types.md."]],
        vpc: [["Filter", "Filter of b-types.md."]],
      },
    },
  ])("$name", ({ pages, want }) => {
    const { structures } = build(pages);
    for (const [service, list] of Object.entries(want)) expect(structures(service)).toEqual(list);
  });

  it("warns, naming the other service's page, when it does not borrow a structure", () => {
    const { diagnostics } = build([
      action("cvm", "RunInstances", "| P | No | Placement | p |"),
      action("vpc", "DescribeVpcs", "| P | No | Placement | p |\n| Q | No | Placement | q |"),
      types("cvm-types.md", ["Placement"], "RunInstances"),
    ]);
    expect(diagnostics.map((d) => [d.code, d.position.file])).toEqual([
      ["TCG054", "vpc-DescribeVpcs.md"],
    ]);
    expect(diagnostics[0]?.message).toContain("no data types page of vpc, only by cvm-types.md");
  });
});
