/**
 * The whole corpus of real pages (../shared/corpus next to the repository) goes through the
 * pipeline; what the core emitters make of it must type-check under strict settings. Skips with a
 * notice when the corpus is absent.
 */
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../generator/pipeline.js";
import { renderEmitted, tsFilesUnder, typeCheck, writeTree } from "./emit-fixture.js";
import { sharedPath } from "../shared-folder.js";

const { path: CORPUS, present } = sharedPath("corpus emit test", "corpus");

describe.skipIf(!present)("emitting the corpus", () => {
  it("type-checks every generated package", { timeout: 120_000 }, async () => {
    const { ir } = await runPipeline({ inputs: [CORPUS] });
    const files = renderEmitted(ir);
    expect(ir.services.length).toBeGreaterThan(10);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    const dir = writeTree(files);
    const sources = tsFilesUnder(dir);
    expect(sources.length).toBeGreaterThan(ir.services.length * 6);
    expect(typeCheck(sources)).toEqual([]);
  });
});
