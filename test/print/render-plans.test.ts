import { StructureKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import {
  BLANK_LINE,
  jsonFile,
  textFile,
  typescriptFile,
} from "../../generator/emit/planned-file.js";
import { renderFiles } from "../../generator/print/render-plans.js";

describe("renderFiles", () => {
  it("prints TypeScript structures with ts-morph, code text as given", () => {
    const [file] = renderFiles([
      typescriptFile("x/a.ts", [
        { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./b.js", namedImports: ["b"] },
        BLANK_LINE,
        "export const a = b;",
      ]),
    ]);
    expect(file).toEqual({
      path: "x/a.ts",
      content: 'import { b } from "./b.js";\n\nexport const a = b;\n',
    });
  });

  it("serialises JSON with two-space indentation and a final newline, keeping key order", () => {
    const [file] = renderFiles([jsonFile("x/package.json", { name: "@tcgen/x", files: ["a"] })]);
    expect(file?.content).toBe('{\n  "name": "@tcgen/x",\n  "files": [\n    "a"\n  ]\n}\n');
  });

  it("keeps text as planned, and the order and paths of its input", () => {
    const files = renderFiles([textFile("b/LICENSE", "text\n"), jsonFile("a/x.json", 1)]);
    expect(files).toEqual([
      { path: "b/LICENSE", content: "text\n" },
      { path: "a/x.json", content: "1\n" },
    ]);
  });
});
