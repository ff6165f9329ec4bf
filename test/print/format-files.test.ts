import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { textFile } from "../../generator/emit/planned-file.js";
import { formatFiles } from "../../generator/print/format-files.js";
import { GENERATED_NOTICE } from "../../generator/print/generated-header.js";
import { PRETTIER_OPTIONS } from "../../generator/print/prettier-options.js";

describe("pinned prettier options", () => {
  it("agree with the repository's .prettierrc.json", () => {
    const rc: unknown = JSON.parse(
      readFileSync(fileURLToPath(new URL("../../.prettierrc.json", import.meta.url)), "utf8"),
    );
    // The plugin is given by name in the file and by its resolved path in code.
    const pluginNames = PRETTIER_OPTIONS.plugins.map((path) =>
      path.includes("@prettier/plugin-oxc") ? "@prettier/plugin-oxc" : path,
    );
    expect({ ...PRETTIER_OPTIONS, plugins: pluginNames }).toEqual(rc);
  });

  it("parse TypeScript with the oxc plugin", async () => {
    const { getFileInfo } = await import("prettier");
    const info = await getFileInfo("x/a.ts", { plugins: [...PRETTIER_OPTIONS.plugins] });
    expect(info.inferredParser).toBe("oxc-ts");
  });
});

describe("formatFiles", () => {
  it.each([
    {
      path: "x/src/a.ts",
      given: "export const a   = {b:1}",
      want: `// ${GENERATED_NOTICE}\nexport const a = { b: 1 };\n`,
    },
    {
      path: "x/tsconfig.json",
      given: '{"compilerOptions":{"strict":true}}',
      want: `// ${GENERATED_NOTICE}\n{ "compilerOptions": { "strict": true } }\n`,
    },
    {
      path: "x/README.md",
      given: "# Title\n\n* item",
      want: `<!-- ${GENERATED_NOTICE} -->\n\n# Title\n\n- item\n`,
    },
  ])("formats $path and puts the notice on its first line", async ({ path, given, want }) => {
    expect(await formatFiles([textFile(path, given)])).toEqual([{ path, content: want }]);
  });

  it('gives package.json a "//" first key and formats it as prettier --check does', async () => {
    const [file] = await formatFiles([
      textFile("x/package.json", '{"name":"@tcgen/x","files":["a","b"]}'),
    ]);
    const parsed = JSON.parse(file!.content) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["//", "name", "files"]);
    expect(parsed["//"]).toBe(GENERATED_NOTICE);
    // package.json is checked with prettier's json-stringify parser, which puts arrays on lines.
    const again = await format(file!.content, { ...PRETTIER_OPTIONS, filepath: "package.json" });
    expect(again).toBe(file!.content);
  });

  it("is idempotent, so a formatted file never drifts", async () => {
    const once = await formatFiles([textFile("p/a.ts", "const x=[1,2,3]\n")]);
    const body = once[0]!.content.split("\n").slice(1).join("\n");
    const twice = await formatFiles([textFile("p/a.ts", body)]);
    expect(twice).toEqual(once);
  });

  it("keeps the order and paths of its input", async () => {
    const files = [textFile("b/z.ts", "export {}"), textFile("a/y.ts", "export {}")];
    expect((await formatFiles(files)).map((f) => f.path)).toEqual(["b/z.ts", "a/y.ts"]);
  });
});
