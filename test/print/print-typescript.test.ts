import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { printStatements, printThroughSourceFile } from "../../generator/print/print-typescript.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";

describe("printStatements", () => {
  it.each(["dts-seed", "edge-cases", "widened"])(
    "%s: prints every module as ts-morph's public route does",
    (name) => {
      const modules = emitPackages(loadFixtureIr(name)).flatMap((f) =>
        f.plan.kind === "typescript" ? [f.plan.statements] : [],
      );
      expect(modules.length).toBeGreaterThan(6);
      for (const statements of modules) {
        const text = printStatements(statements);
        expect(text.length).toBeGreaterThan(0);
        expect(text).toBe(printThroughSourceFile(statements));
      }
    },
  );
});
