/**
 * The print phase does not format template copies (plan kind "copy"): that is right only while
 * every copied template, with the generated-file notice on top, is exactly what prettier prints.
 */
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { withGeneratedHeader } from "../../generator/print/generated-header.js";
import { PRETTIER_OPTIONS } from "../../generator/print/prettier-options.js";
import { renderPlan } from "../../generator/print/render-plans.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";

const copies = emitPackages(loadFixtureIr("dts-seed")).filter((f) => f.plan.kind === "copy");

describe("template copies", () => {
  it("are the runtime, mock, test harness and package build copies", () => {
    const folders = new Set(copies.map((f) => f.path.split("/").slice(0, -1).join("/")));
    expect([...folders].sort()).toEqual([
      "dts",
      "dts/scripts",
      "dts/src/mock",
      "dts/src/runtime",
      "dts/test/harness",
    ]);
  });

  it.each(copies.map((f) => [f.path, f] as const))(
    "%s is already formatted",
    async (path, file) => {
      const content = withGeneratedHeader(path, renderPlan(file.plan));
      if (!/\.(ts|json|md)$/.test(path)) return;
      const fileName = path.slice(path.lastIndexOf("/") + 1);
      expect(await format(content, { ...PRETTIER_OPTIONS, filepath: fileName })).toBe(content);
    },
  );

  it("wrap their comments within the print width", () => {
    const long = copies.flatMap((f) =>
      renderPlan(f.plan)
        .split("\n")
        .filter((line) => /^\s*(\/\*\*|\*|\/\/)/.test(line) && line.length > 100)
        .map((line) => `${f.path}: ${line.trim()}`),
    );
    expect(long).toEqual([]);
  });
});
