/**
 * Issue 10's property: whatever text a page carries in any of its places (descriptions, names,
 * type cells, hosts, example URLs and headers, example titles, error codes, statuses, data types),
 * the page is refused with a diagnostic, or the generated package type-checks and its TypeScript,
 * with string-literal contents and comments erased, has the same shape as the benign page's.
 * Page text can only ever be data, never code.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  strictPackageOptions,
  typeScriptFilesUnder,
} from "../../generator/emit/package/type-check-packages.js";
import { catalogue } from "../../generator/diagnostics/catalogue.js";
import { codeShape, generateInMemory, type InMemoryRun } from "./generate-in-memory.js";
import { hostilePages, PAYLOADS, SLOTS, type Slot } from "./hostile-page.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

let benignShape: string[];
let scratch: string;
let previousProgram: ts.Program | undefined;

beforeAll(async () => {
  const benign = await generateInMemory(hostilePages());
  expect(benign.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  benignShape = codeShape(benign.files);
  mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
  scratch = mkdtempSync(join(REPO_ROOT, "tmp", "page-payloads-"));
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Refused: an error names one of the pages. Otherwise the shape must be the benign one. */
function verdict(slot: Slot, run: InMemoryRun): "refused" | "generated" {
  for (const d of run.diagnostics) {
    expect(Object.keys(catalogue)).toContain(d.code);
    expect(["pages/DoThing.md", "pages/data-types.md"]).toContain(d.position.file);
  }
  if (run.diagnostics.some((d) => d.severity === "error")) return "refused";
  // A name in the grammar (`constructor`, `__proto__`) or a type cell naming a structure is a
  // different API, so a different shape: those runs are type-checked instead.
  if (!slot.naming && slot.name !== "TYPE") expect(codeShape(run.files)).toEqual(benignShape);
  return "generated";
}

/** tsc --strict over the generated files (written to a scratch folder inside the repository). */
function typeErrors(run: InMemoryRun): string[] {
  const dir = mkdtempSync(join(scratch, "run-"));
  for (const file of run.files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  const program = ts.createProgram({
    rootNames: typeScriptFilesUnder(dir),
    options: strictPackageOptions(join(REPO_ROOT, "node_modules")),
    ...(previousProgram === undefined ? {} : { oldProgram: previousProgram }),
  });
  previousProgram = program;
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
  rmSync(dir, { recursive: true, force: true });
  return errors;
}

describe("page text never becomes code", () => {
  it.each(SLOTS.map((slot) => [slot.name, slot] as const))(
    "a comment terminator followed by code in %s is refused or stays data, and type-checks",
    async (_, slot) => {
      const run = await generateInMemory(hostilePages(slot, "*/ process.exit(1) /*"));
      if (verdict(slot, run) === "generated") expect(typeErrors(run)).toEqual([]);
      if (["PARAM", "FIELD", "ERROR_CODE"].includes(slot.name)) {
        expect(run.diagnostics.map((d) => d.code)).toContain("TCG090");
      }
    },
    60_000,
  );

  it("holds for any payload in any place", { timeout: 600_000 }, async () => {
    const payload = fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc
        .array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 8 })), {
          minLength: 2,
          maxLength: 4,
        })
        .map((parts) => parts.join("")),
      fc.string({ unit: "binary", maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SLOTS), payload, async (slot, text) => {
        verdict(slot, await generateInMemory(hostilePages(slot, text)));
      }),
      { numRuns: 120 },
    );
  });
});
