/**
 * The print phase does not format template copies (plan kind "copy"): that is right only while
 * every copied template, with the generated-file notice on top, is exactly what prettier prints.
 */
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { renderPlan } from "../../generator/print/render-plans.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";
import { changedByPrettier } from "./prettier-fixed-point.js";

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

  it("are already formatted (LICENSE and scripts/build.mjs are never formatted, copies or not)", async () => {
    const formattedKinds = copies.filter((f) => /\.(ts|json|md)$/.test(f.path));
    expect(formattedKinds.length).toBeGreaterThan(20);
    expect(await changedByPrettier(formattedKinds)).toEqual([]);
  });

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
