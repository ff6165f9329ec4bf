/** Test helpers: emit a purpose-built IR fixture, write files to a temp folder, type-check them. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { coreEmitters, type Emitter } from "../../generator/emit/emitters.js";
import type { GeneratedFile } from "../../generator/emit/generated-file.js";
import type { Ir } from "../../generator/ir/types.js";
import { formatFiles } from "../../generator/print/format-files.js";
import { renderFiles } from "../../generator/print/render-plans.js";
import {
  strictPackageOptions,
  typeScriptFilesUnder,
} from "../../generator/emit/package/type-check-packages.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function loadFixtureIr(name: string): Ir {
  return JSON.parse(
    readFileSync(join(REPO_ROOT, "test/fixtures/emit", `${name}.ir.json`), "utf8"),
  ) as Ir;
}

/** The fixture's package as the core emitters make it (mock and example tests have their own tests). */
export async function emitFixture(name: string): Promise<GeneratedFile[]> {
  return formatFiles(emitPackages(loadFixtureIr(name), coreEmitters));
}

/** What `emitters` plan for `ir`, rendered to text but not formatted (fast; for reading code). */
export function renderEmitted(
  ir: Ir,
  emitters: readonly Emitter[] = coreEmitters,
): GeneratedFile[] {
  return renderFiles(emitPackages(ir, emitters));
}

export function writeTree(files: readonly GeneratedFile[], dir = tempDir()): string {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return dir;
}

export function tempDir(prefix = "tcgen-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** All .ts files under `dir`. */
export const tsFilesUnder = typeScriptFilesUnder;

/** `tsc --noEmit --strict` over `rootNames`; returns one line per diagnostic. */
export function typeCheck(rootNames: readonly string[], extra: ts.CompilerOptions = {}): string[] {
  const options = { ...strictPackageOptions(join(REPO_ROOT, "node_modules")), ...extra };
  const program = ts.createProgram({ rootNames, options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.file === undefined || d.start === undefined) return `TS${d.code}: ${text}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1} TS${d.code}: ${text}`;
  });
}
