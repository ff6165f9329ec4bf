/**
 * A version's index.ts names every export of its modules (no `export *`), from the planned names.
 * Here each emitted module is parsed and its exported declarations compared with that list, so a
 * declaration an emitter adds or drops cannot silently change the package's API.
 */
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { versionModuleExports } from "../../generator/emit/index/version-exports.js";
import { versionContexts } from "../../generator/emit/version-context.js";
import type { Ir } from "../../generator/ir/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import { loadFixtureIr, renderEmitted, REPO_ROOT } from "./emit-fixture.js";

interface Exported {
  values: string[];
  types: string[];
}

/** The names a module's own declarations export, values and types apart, sorted. */
function exportedDeclarations(path: string, content: string): Exported {
  const file = ts.createSourceFile(path, content, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const values: string[] = [];
  const types: string[] = [];
  for (const statement of file.statements) {
    const exported = ts
      .getModifiers(statement as ts.HasModifiers)
      ?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported !== true) continue;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      types.push(statement.name.text);
    } else if (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) {
      values.push(statement.name?.text ?? "default");
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) values.push(d.name.getText(file));
    } else {
      throw new Error(`${path}: an export this test does not know: ${statement.getText(file)}`);
    }
  }
  const sorted = (names: string[]) => names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { values: sorted(values), types: sorted(types) };
}

async function paginateIr(): Promise<Ir> {
  const result = await runPipeline({ inputs: [join(REPO_ROOT, "test", "fixtures", "paginate")] });
  return result.ir;
}

describe.each([
  ["dts-seed", () => Promise.resolve(loadFixtureIr("dts-seed"))],
  ["edge-cases", () => Promise.resolve(loadFixtureIr("edge-cases"))],
  ["paginate pages", paginateIr],
])("version modules of %s", (_name, load) => {
  it("export exactly what index.ts lists for them", async () => {
    const ir = await load();
    const files = renderEmitted(ir);
    const contexts = versionContexts(ir);
    expect(contexts.length).toBeGreaterThan(0);
    for (const { dir, names } of contexts) {
      const modules = files.filter(
        (f) => f.path.startsWith(`${dir}/`) && !f.path.slice(dir.length + 1).includes("/"),
      );
      const actual: Record<string, Exported> = {};
      for (const f of modules) {
        if (f.path.endsWith("/index.ts")) continue;
        const exported = exportedDeclarations(f.path, f.content);
        if (exported.values.length + exported.types.length === 0) continue;
        actual[`./${f.path.slice(dir.length + 1).replace(/\.ts$/, ".js")}`] = exported;
      }
      const listed = Object.fromEntries(
        versionModuleExports(names).map((m) => [
          m.moduleSpecifier,
          { values: [...m.values], types: [...m.types] },
        ]),
      );
      expect(listed).toEqual(actual);
    }
  });
});

it("lists paginators.ts only for a version with a paginated action", async () => {
  const withPaging = versionContexts(await paginateIr()).map(({ names }) =>
    versionModuleExports(names).map((m) => m.moduleSpecifier),
  );
  const without = versionContexts(loadFixtureIr("dts-seed")).map(({ names }) =>
    versionModuleExports(names).map((m) => m.moduleSpecifier),
  );
  expect(withPaging.flat()).toContain("./paginators.js");
  expect(without.flat()).not.toContain("./paginators.js");
});
