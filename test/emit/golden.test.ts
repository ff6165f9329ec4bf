/**
 * Golden tests: purpose-built IR fixtures are emitted and formatted, every file except the runtime
 * copy is compared with its snapshot under test/golden/emit/ (`vitest -u` refreshes them), and
 * the whole emitted package, runtime included, must type-check under strict settings. Every
 * declaration from a page carries `@see <spec file>:<line>`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitFixture, REPO_ROOT, tsFilesUnder, typeCheck, writeTree } from "./emit-fixture.js";

const FIXTURES = ["dts-seed", "edge-cases"];

describe.each(FIXTURES)("golden output of %s", (fixture) => {
  it("matches the snapshots", async () => {
    const files = await emitFixture(fixture);
    const own = files.filter((f) => !f.path.includes("/src/runtime/"));
    expect(own.length).toBeGreaterThan(0);
    for (const file of own) {
      await expect(file.content).toMatchFileSnapshot(
        join(REPO_ROOT, "test/golden/emit", fixture, `${file.path}.snap`),
      );
    }
  });

  it("type-checks with tsc --strict", async () => {
    const dir = writeTree(await emitFixture(fixture));
    expect(typeCheck(tsFilesUnder(dir))).toEqual([]);
  });

  it("is byte-for-byte the same when emitted twice", async () => {
    expect(await emitFixture(fixture)).toEqual(await emitFixture(fixture));
  });
});

// Fields the check phase widened to accept the docs' own examples (issue 11): union types, the
// widening sentences and @see lines. Only the files that render them are kept as snapshots.
describe("golden output of widened", () => {
  it("matches the snapshots of types.ts and validators.ts", async () => {
    const files = await emitFixture("widened");
    const rendered = files.filter((f) => /\/(types|validators)\.ts$/.test(f.path));
    expect(rendered.map((f) => f.path)).toEqual([
      "cbs/src/v20170312/types.ts",
      "cbs/src/v20170312/validators.ts",
    ]);
    for (const file of rendered) {
      await expect(file.content).toMatchFileSnapshot(
        join(REPO_ROOT, "test/golden/emit/widened", `${file.path}.snap`),
      );
    }
  });

  it("type-checks with tsc --strict", async () => {
    const dir = writeTree(await emitFixture("widened"));
    expect(typeCheck(tsFilesUnder(dir))).toEqual([]);
  });
});
