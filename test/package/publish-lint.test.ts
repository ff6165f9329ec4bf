/**
 * Issue 13: every package in generated/, packed as npm publishes it, passes publint (strict:
 * warnings fail too) and are-the-types-wrong (every entry point resolves to matching types under
 * node10, node16 from CommonJS and from ESM, and bundler), and holds what runs and nothing else.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generatedPackages,
  packGenerated,
  REPO_ROOT,
  run,
  tarballFiles,
  type PackedPackage,
} from "./packed-package.js";

const names = await generatedPackages();
const packed = new Map<string, PackedPackage>();
const bin = (tool: string): string => join(REPO_ROOT, "node_modules", ".bin", tool);

beforeAll(async () => {
  for (const name of names) packed.set(name, await packGenerated(name));
}, 240_000);

afterAll(async () => {
  for (const p of packed.values()) await p.dispose();
});

function tarballOf(name: string): string {
  const p = packed.get(name);
  if (p === undefined) throw new Error(`${name} was not packed`);
  return p.tarball;
}

describe.each(names)("the packed %s package", (name) => {
  it("passes publint --strict with no message at all", async () => {
    const { stdout } = await run(bin("publint"), [tarballOf(name), "--strict"]);
    expect(stdout).toContain("All good!");
    expect(stdout).not.toMatch(/error|warning|suggestion/i);
  }, 60_000);

  it("passes are-the-types-wrong under every resolution mode, with no problem", async () => {
    // attw exits 1 on any problem; its JSON report lists them either way.
    const { stdout, exitCode } = await run(bin("attw"), [tarballOf(name), "--format", "json"], {
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (r) => ({ stdout: r.stdout, exitCode: 0 }),
      (error: { stdout?: string; code?: number }) => ({
        stdout: error.stdout ?? "",
        exitCode: error.code ?? -1,
      }),
    );
    const report = JSON.parse(stdout) as {
      problems?: Record<string, unknown> | unknown[];
      analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }> };
    };
    expect(Object.values(report.problems ?? {})).toEqual([]);
    expect(exitCode).toBe(0);
    const entrypoints = Object.keys(report.analysis.entrypoints);
    expect(entrypoints).toContain(".");
    expect(entrypoints).toContain("./mock");
    for (const entry of Object.values(report.analysis.entrypoints)) {
      expect(Object.keys(entry.resolutions).sort()).toEqual([
        "bundler",
        "node10",
        "node16-cjs",
        "node16-esm",
      ]);
    }
  }, 120_000);

  it("holds what runs: dist, schemas, README, LICENSE and CHANGELOG; no sources, maps or scripts", async () => {
    const files = await tarballFiles(tarballOf(name));
    for (const file of ["package.json", "README.md", "LICENSE", "CHANGELOG.md"]) {
      expect(files).toContain(file);
    }
    const outside = files.filter(
      (f) =>
        !f.startsWith("dist/") &&
        !f.startsWith("schemas/") &&
        !/^[A-Z]+\.md$|^LICENSE$|^package\.json$/.test(f),
    );
    expect(outside).toEqual([]);
    expect(
      files.filter((f) => f.endsWith(".map") || (f.endsWith(".ts") && !f.endsWith(".d.ts"))),
    ).toEqual([]);
    expect(files).toContain("dist/cjs/package.json");
    // The JSON Schemas of every request and response, for other languages and tools.
    expect(files.filter((f) => /^schemas\/v\d{8}\/\w+\.json$/.test(f)).length).toBeGreaterThan(0);
    for (const tree of ["types", "browser", "node", "cjs"]) {
      expect(
        files.some((f) => f.startsWith(`dist/${tree}/`)),
        tree,
      ).toBe(true);
    }
  });

  it("ships no repository-only export condition", async () => {
    const { stdout } = await run("tar", ["-xzOf", tarballOf(name), "package/package.json"]);
    const manifest = JSON.parse(stdout) as { exports: Record<string, Record<string, unknown>> };
    const conditions = new Set(Object.values(manifest.exports).flatMap((e) => Object.keys(e)));
    expect([...conditions].sort()).toEqual(["browser", "default", "node", "require"]);
    expect(stdout).not.toContain("tcgen-source");
    expect(stdout).not.toContain("./src/");
  });
});
