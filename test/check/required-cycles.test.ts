/**
 * Given data types pages whose structures contain themselves, want TCG074 exactly when a cycle is
 * made of required fields (no finite value is valid), and no stack overflow on long chains.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { REPO_ROOT } from "../emit/emit-fixture.js";

function fixture(folder: string): { file: string; text: string }[] {
  const dir = join(REPO_ROOT, "test", "fixtures", "parse", folder);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), "utf8") }));
}

function cycleMessages(pages: { file: string; text: string }[]): string[] {
  const parsed = parsePages(pages);
  return buildIr(parsed.pages)
    .diagnostics.filter((d) => d.code === "TCG074")
    .map((d) => d.message);
}

describe("structures that contain themselves", () => {
  it("a tree whose recursion goes through optional fields is fine", () => {
    expect(cycleMessages(fixture("example-data"))).toEqual([]);
  });

  it("a structure that requires itself, directly and through another, is reported once each", () => {
    const messages = cycleMessages(fixture("self-required"));
    expect(messages).toEqual([
      expect.stringContaining("LoopNode requires itself (LoopNode.Next0 -> LoopNode)"),
      expect.stringContaining("Knot requires itself (Knot.Node -> LoopNode.Knot -> Knot)"),
    ]);
  });

  it("a chain of 3,000 required structures closing on itself is walked without recursion", () => {
    const count = 3000;
    const link = (i: number): string => `S${(i + 1) % count}`;
    const types = Array.from({ length: count }, (_, i) =>
      [
        `## S${i}`,
        "",
        "Referenced by: MakeChain.",
        "",
        "| Name | Type | Required | Description |",
        "|---|---|---|---|",
        `| Next | [${link(i)}](/document/api/0/1#${link(i)}) | Yes | The next link. |`,
        "",
      ].join("\n"),
    ).join("\n");
    const action = readFileSync(
      join(REPO_ROOT, "test", "fixtures", "parse", "self-required", "CreateLoop.md"),
      "utf8",
    ).replace(/LoopNode/g, "S0");
    const messages = cycleMessages([
      { file: "CreateLoop.md", text: action },
      { file: "data-types.md", text: types },
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`S0 requires itself (S0.Next -> S1.Next -> `);
  });
});
