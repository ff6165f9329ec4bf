/**
 * Property test: mutated real corpus pages (truncation, deleted or extra cells, shuffled sections,
 * random bytes, huge cells) go through the WHOLE pipeline (load, parse, check, emit, print,
 * write into a temp folder) and tcgen answers with diagnostics, never by throwing. Few runs: each
 * one generates and formats a package. Skipped with a notice when the corpus is absent.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../generator/pipeline.js";
import { mutation } from "../parse/mutations.js";
import { sharedPath } from "../shared-folder.js";

const { path: corpus, present } = sharedPath("pipeline property test", "corpus");

/** Real pages with different layouts and quirks: BOM, CRLF, doubled links, newer layout, struct pages. */
const PAGES = [
  "intl-63b8f32e3e98", // live: BOM, extra cells, Request/Return Parameters headings
  "intl-c0df536a6ee3", // monitor: CRLF, "Value: X" Action row, no error codes
  "intl-879d9d61bebd", // cdb: doubled links
  "54048292529", // live: newer layout
  "intl-fda8bf9caffe", // iotcloud CreateDevice
  "intl-dbfc5d5e0042", // iotcloud data types (with Required column)
  "4916491058", // dts: missing cell, doubled equals sign
  "intl-be2a5ae941af", // cam data types (with and without Required column)
];

const mutatedPage = fc.record({
  id: fc.constantFrom(...PAGES),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});

describe.skipIf(!present)("whole-pipeline robustness on mutated corpus pages", () => {
  it("returns diagnostics instead of throwing", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutatedPage, { minLength: 1, maxLength: 3 }), async (pages) => {
        const dir = mkdtempSync(join(tmpdir(), "tcgen-mutated-"));
        try {
          const inputs = join(dir, "pages");
          mkdirSync(inputs);
          const files = pages.map(({ id, mutations }, i) => {
            const text = mutations.reduce(
              (t, m) => m(t),
              readFileSync(join(corpus, `${id}.md`), "utf8"),
            );
            const file = join(inputs, `${i}-${id}.md`);
            writeFileSync(file, text);
            return file;
          });
          const result = await runPipeline({ inputs: [inputs], outDir: join(dir, "out") });
          for (const d of result.diagnostics) {
            expect(d.code).toMatch(/^TCG\d{3}$/);
            expect(files).toContain(d.position.file);
            expect(d.message.length).toBeGreaterThan(0);
          }
          expect(result.failed).toBe(result.diagnostics.some((d) => d.severity === "error"));
          expect(result.write).toBeDefined();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 20 },
    );
  });
});
