/**
 * TypeScript modules are given to prettier as `.tsx` first (prettier-options.ts,
 * prettierFileNames), which only saves time: the output must be prettier's for the `.ts` name,
 * for every generated module, and for a module TSX cannot parse (an angle-bracket assertion),
 * which falls back to the `.ts` name in this thread and in a print worker alike.
 */
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { createTextFormatter } from "../../generator/print/format-pool.js";
import { withGeneratedHeader } from "../../generator/print/generated-header.js";
import { PRETTIER_OPTIONS, prettierFileNames } from "../../generator/print/prettier-options.js";
import { renderPlan } from "../../generator/print/render-plans.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";

const asTs = (content: string, fileName: string) =>
  format(content, { ...PRETTIER_OPTIONS, filepath: fileName });

describe("prettierFileNames", () => {
  it("tries .tsx before a module's own .ts name, and nothing else for other files", () => {
    expect(prettierFileNames("types.ts")).toEqual(["types.tsx", "types.ts"]);
    expect(prettierFileNames("index.d.ts")).toEqual(["index.d.ts"]);
    expect(prettierFileNames("package.json")).toEqual(["package.json"]);
    expect(prettierFileNames("README.md")).toEqual(["README.md"]);
  });
});

describe.each([0, 1])("a formatter with %i worker thread(s)", (threads) => {
  // `<number>value` is an assertion in .ts and an unclosed JSX element in .tsx.
  const assertion = "export const n=<number>(value as unknown)\nexport const m = < string > n\n";

  it("formats a module TSX cannot parse as its .ts name", async () => {
    const formatter = createTextFormatter(threads);
    try {
      expect(await formatter.format("cast.ts", assertion)).toBe(await asTs(assertion, "cast.ts"));
    } finally {
      await formatter.close();
    }
  });

  it("reports a module no name can parse with the error of its own name", async () => {
    // TSX stops at the assertion on line 1; TypeScript at the missing name on line 2.
    const broken = "const a = <string>b;\nconst c = ;\n";
    const ownError = await asTs(broken, "broken.ts").then(
      () => "",
      (error: Error) => error.message.split("\n")[0] ?? "",
    );
    expect(ownError).toContain("(2:");
    const formatter = createTextFormatter(threads);
    try {
      await expect(formatter.format("broken.ts", broken)).rejects.toThrow(ownError);
    } finally {
      await formatter.close();
    }
  });
});

describe("the generated modules", () => {
  it.each(["dts-seed", "edge-cases", "widened"])(
    "%s: each formats the same as .tsx and as .ts",
    async (name) => {
      const modules = emitPackages(loadFixtureIr(name)).filter(
        (file) => file.plan.kind === "typescript",
      );
      expect(modules.length).toBeGreaterThan(5);
      for (const file of modules) {
        const content = withGeneratedHeader(file.path, renderPlan(file.plan));
        const fileName = file.path.slice(file.path.lastIndexOf("/") + 1);
        const tsx = await format(content, { ...PRETTIER_OPTIONS, filepath: `${fileName}x` });
        expect(tsx, file.path).toBe(await asTs(content, fileName));
      }
    },
    60_000,
  );
});
