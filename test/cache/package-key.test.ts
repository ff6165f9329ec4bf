/**
 * The package key covers everything emitting a package reads besides its release (which is
 * planned from the same inputs and the package's own recorded files, checked separately), and the
 * page cache gives back what it was given.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageKeys } from "../../generator/cache/package-cache.js";
import { openPageCache } from "../../generator/cache/page-cache.js";
import type { ParsedPage } from "../../generator/parse/parsed-page.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";

describe("package key", () => {
  it("changes with the service, the common errors, the inputs, the overrides and the generator", () => {
    const ir = loadFixtureIr("dts-seed");
    const service = ir.services[0]!;
    const base = { generator: "g", ir, sourceRoots: ["specs"], severityOverrides: new Map() };
    const key = packageKeys(base)([service]);
    expect(packageKeys({ ...base })([service])).toBe(key);
    expect(packageKeys({ ...base, generator: "h" })([service])).not.toBe(key);
    expect(packageKeys({ ...base, sourceRoots: ["other"] })([service])).not.toBe(key);
    expect(packageKeys({ ...base, ir: { ...ir, commonErrors: [] } })([service])).not.toBe(key);
    const overrides = new Map([["field-removed", "info"]]) as typeof base.severityOverrides;
    expect(packageKeys({ ...base, severityOverrides: overrides })([service])).not.toBe(key);
    expect(packageKeys(base)([{ ...service, versions: [] }])).not.toBe(key);
    // An example's 1e999 and its -1e999 are different inputs.
    const odd = (n: number) => ({ ...service, name: String(n), extra: n }) as typeof service;
    expect(packageKeys(base)([odd(Infinity)])).not.toBe(packageKeys(base)([odd(-Infinity)]));
  });
});

describe("page cache", () => {
  it("gives back numbers JSON cannot hold (an example's 1e999, -0)", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcgen-page-cache-"));
    try {
      const page = { kind: "dataTypes", file: "a.md", odd: [Infinity, -Infinity, -0, NaN, 1] };
      const cache = openPageCache(dir, "g", { readOnly: false });
      cache.put("a.md", "h", { page: page as unknown as ParsedPage, diagnostics: [] });
      cache.commit();
      const back = openPageCache(dir, "g", { readOnly: true }).get("a.md", "h");
      expect(back?.page).toEqual(page);
      expect(Object.is((back?.page as unknown as typeof page).odd[2], -0)).toBe(true);
      expect(openPageCache(dir, "other generator", { readOnly: true }).get("a.md", "h")).toBe(
        undefined,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
