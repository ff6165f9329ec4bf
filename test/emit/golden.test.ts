/**
 * Golden tests: purpose-built IR fixtures are emitted and formatted, every file except the runtime
 * copy is compared with its snapshot under test/golden/emit/ (`vitest -u` refreshes them), and
 * the whole emitted package, runtime included, must type-check under strict settings.
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
