/**
 * The package key must cover everything emitting a package reads. The IR slice, the common errors
 * and the inputs are passed whole; of a release only RELEASE_FIELDS_EMITTED are keyed (the others,
 * such as the previous version, change from the first run to the second without changing output).
 * So: emitting must read no other release field, and a page cache round trip keeps odd numbers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageKey, RELEASE_FIELDS_EMITTED } from "../../generator/cache/package-cache.js";
import { openPageCache } from "../../generator/cache/page-cache.js";
import { planRelease, type PackageRelease } from "../../generator/diff/release/plan-release.js";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { packageName } from "../../generator/emit/version-context.js";
import type { ParsedPage } from "../../generator/parse/parsed-page.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";

describe("package key", () => {
  it("covers every release field the emitters read", () => {
    const ir = loadFixtureIr("dts-seed");
    const read = new Set<string>();
    const releases = new Map(
      ir.services.map((service) => {
        const release = planRelease(
          service,
          ir.commonErrors,
          packageName(service.name),
          {},
          new Map(),
        );
        const watched = new Proxy(release, {
          get(target, field, receiver) {
            if (typeof field === "string") read.add(field);
            return Reflect.get(target, field, receiver) as unknown;
          },
        });
        return [service.name, watched as PackageRelease];
      }),
    );
    emitPackages(ir, undefined, { releases });
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((field) => !RELEASE_FIELDS_EMITTED.includes(field))).toEqual([]);
  });

  it("changes with the service, the common errors, the release and the inputs", () => {
    const ir = loadFixtureIr("dts-seed");
    const service = ir.services[0]!;
    const release = planRelease(service, ir.commonErrors, "@tcgen/dts", {}, new Map());
    const base = { generator: "g", ir, service, release, sourceRoots: ["specs"] };
    const key = packageKey(base);
    expect(packageKey({ ...base })).toBe(key);
    expect(packageKey({ ...base, generator: "h" })).not.toBe(key);
    expect(packageKey({ ...base, sourceRoots: ["other"] })).not.toBe(key);
    expect(packageKey({ ...base, ir: { ...ir, commonErrors: [] } })).not.toBe(key);
    expect(packageKey({ ...base, release: { ...release, version: "9.9.9" } })).not.toBe(key);
    expect(packageKey({ ...base, service: { ...service, versions: [] } })).not.toBe(key);
    // Not emitted, so not keyed: a second run sees the first run's version as the previous one.
    expect(packageKey({ ...base, release: { ...release, previousVersion: "0.1.0" } })).toBe(key);
  });
});

describe("page cache", () => {
  it("gives back numbers JSON cannot hold (an example's 1e999, -0)", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcgen-page-cache-"));
    try {
      const page = { kind: "dataTypes", file: "a.md", odd: [Infinity, -Infinity, -0, NaN, 1] };
      const cache = openPageCache(dir, "g", { readOnly: false });
      cache.put("a.md", "h", { page: page as unknown as ParsedPage, diagnostics: [] });
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
