import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CACHE_DIR_NAME,
  writeEntry,
  type CacheManifest,
  type CachedResult,
} from "../../generator/cache/cache-entry.js";
import { CACHE_FORMAT } from "../../generator/cache/generator-fingerprint.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";

describe("writeEntry", () => {
  it("writes exactly the text JSON.stringify gives, member by member", () => {
    const ir = loadFixtureIr("edge-cases");
    const result = {
      ir: {
        ...ir,
        note: undefined,
        list: [1, undefined, Infinity, -0, "x\u2028y", { a: undefined }],
      },
      diagnostics: [
        { code: "TCG030", severity: "warning", message: 'a "quoted" text', extra: undefined },
      ],
      failed: false,
      dated: new Date(0),
    } as unknown as CachedResult;
    const manifest: CacheManifest = { format: CACHE_FORMAT, key: "k", output: { "a/b.ts": "h" } };
    const outDir = mkdtempSync(join(tmpdir(), "tcgen-entry-"));
    writeEntry(outDir, manifest, result);
    const read = (name: string) => readFileSync(join(outDir, CACHE_DIR_NAME, name), "utf8");
    expect(read("result.json")).toBe(JSON.stringify(result));
    expect(read("manifest.json")).toBe(JSON.stringify(manifest));
    expect(read("result.json").length).toBeGreaterThan(10_000);
  });
});
