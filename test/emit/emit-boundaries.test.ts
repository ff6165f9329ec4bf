/**
 * The emit phase's shape (issue 14): emitters plan, print prints. An emitter module is imported
 * only by the registry, and nothing under generator/emit/ turns code into text: no ts-morph
 * Project, no prettier, no module of generator/print/ that prints or formats.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./emit-fixture.js";

const EMIT_DIR = join(REPO_ROOT, "generator/emit");

interface ImportOf {
  readonly file: string;
  readonly specifier: string;
  readonly names: readonly string[];
  readonly typeOnly: boolean;
}

function importsUnder(dir: string): ImportOf[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
  return files.flatMap((path) => {
    const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest);
    return source.statements.filter(ts.isImportDeclaration).map((node) => {
      const bindings = node.importClause?.namedBindings;
      const names =
        bindings !== undefined && ts.isNamedImports(bindings)
          ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text)
          : [];
      return {
        file: relative(REPO_ROOT, path).replace(/\\/g, "/"),
        specifier: (node.moduleSpecifier as ts.StringLiteral).text,
        names,
        typeOnly: node.importClause?.isTypeOnly === true,
      };
    });
  });
}

const imports = importsUnder(EMIT_DIR);

describe("the emit phase", () => {
  it("is read as a whole (the check would pass vacuously on no files)", () => {
    expect(new Set(imports.map((i) => i.file)).size).toBeGreaterThan(40);
  });

  it("imports an emitter only in the registry", () => {
    const offenders = imports.filter(
      (i) => /\/emit-[a-z-]+\.js$/.test(i.specifier) && i.file !== "generator/emit/emitters.ts",
    );
    expect(offenders.filter((i) => !/emit-packages\.js$/.test(i.specifier))).toEqual([]);
  });

  it("prints nothing: no ts-morph Project, prettier or printing module of generator/print/", () => {
    const printing = imports.filter(
      (i) =>
        (i.specifier === "ts-morph" && !i.typeOnly && i.names.includes("Project")) ||
        i.specifier === "prettier" ||
        /\/print\/(?!generated-header\.js)[^/]+\.js$/.test(i.specifier),
    );
    expect(printing).toEqual([]);
  });
});
