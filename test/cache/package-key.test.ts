/**
 * The service key covers everything building a service and emitting its package reads besides
 * the release (planned from the same inputs and the package's own recorded files, checked
 * separately), and the page cache gives back what it was given.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { irHash, packageKeys, serviceKeys } from "../../generator/cache/service-keys.js";
import { planTree } from "../../generator/check/plan-tree.js";
import type { SeverityOverrides } from "../../generator/diff/severity-config.js";
import { openPageCache } from "../../generator/cache/page-cache.js";
import type { ParsedPage } from "../../generator/parse/parsed-page.js";
import { loadFixtureIr } from "../emit/emit-fixture.js";

describe("service key", () => {
  const tree = planTree([
    {
      kind: "action",
      file: "a.md",
      service: "dts",
      version: "2018-03-30",
      action: "A",
      size: 3,
      uses: ["S"],
      errorCodes: [],
    },
    { kind: "dataTypes", file: "t.md", structures: ["S"], referencedBy: ["A"] },
  ]);
  const plan = tree.services[0]!;
  const base = { generator: "g", tree, pageHash: (file: string) => `hash of ${file}` };
  const key = serviceKeys(base)(plan);
  const newBytes = (changed: string) => (file: string) =>
    file === changed ? "new" : `hash of ${file}`;

  it("is the same for the same inputs", () => {
    expect(plan.dataTypesPages).toEqual([{ file: "t.md", by: "reference" }]);
    expect(serviceKeys({ ...base })(plan)).toBe(key);
  });

  it.each([
    ["the generator", { generator: "h" }],
    ["an owned data types page's bytes", { pageHash: newBytes("t.md") }],
    ["an action page's bytes", { pageHash: newBytes("a.md") }],
    [
      "which pages define a structure name",
      { tree: { ...tree, definedIn: new Map([["S", ["t.md", "u.md"]]]) } },
    ],
  ])("changes with %s", (_what, change) => {
    expect(serviceKeys({ ...base, ...change })(plan)).not.toBe(key);
  });

  it("changes with the service's plan, and not with another page's bytes", () => {
    const byUse = { ...plan, dataTypesPages: [{ file: "t.md", by: "use" as const }] };
    expect(serviceKeys(base)(byUse)).not.toBe(key);
    expect(serviceKeys({ ...base, pageHash: newBytes("other.md") })(plan)).toBe(key);
  });
});

describe("package key", () => {
  it("changes with the IR, the common errors, the inputs, the overrides and the generator", () => {
    const ir = loadFixtureIr("dts-seed");
    const service = ir.services[0]!;
    const base = {
      generator: "g",
      commonErrors: ir.commonErrors,
      sourceRoots: ["specs"],
      severityOverrides: new Map() as SeverityOverrides,
    };
    const hashes = [irHash(service)];
    const key = packageKeys(base)(hashes);
    expect(packageKeys({ ...base })([irHash(structuredClone(service))])).toBe(key);
    expect(packageKeys({ ...base, generator: "h" })(hashes)).not.toBe(key);
    expect(packageKeys({ ...base, sourceRoots: ["other"] })(hashes)).not.toBe(key);
    expect(packageKeys({ ...base, commonErrors: [] })(hashes)).not.toBe(key);
    const overrides = new Map([["action-removed", "info"]]) as SeverityOverrides;
    expect(packageKeys({ ...base, severityOverrides: overrides })(hashes)).not.toBe(key);
    expect(packageKeys(base)([irHash({ ...service, versions: [] })])).not.toBe(key);
    // An example's 1e999 and its -1e999 are different inputs.
    const odd = (n: number) => ({ ...service, extra: n }) as typeof service;
    expect(irHash(odd(Infinity))).not.toBe(irHash(odd(-Infinity)));
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
