/**
 * The consumer program under test/consumer/ must type-check against `@tcgen/dts/v20180330` (the
 * generated/ package's sources, resolved through TypeScript `paths` as in tsconfig.json), and
 * each program under test/fixtures/emit/_error_/consumer/ must fail with the expected error.
 * Type-checked only: runtime-import.test.ts runs the package.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourcePaths } from "../../generator/emit/package/workspace-source.js";
import { REPO_ROOT, typeCheck } from "../emit/emit-fixture.js";

const withSource = { paths: sourcePaths(join(REPO_ROOT, "generated"), "dts") };

describe("a TypeScript program using @tcgen/dts/v20180330", () => {
  it("type-checks, @ts-expect-error lines included", () => {
    expect(typeCheck([join(REPO_ROOT, "test/consumer/modify-migrate-job.ts")], withSource)).toEqual(
      [],
    );
  });

  it.each([
    { file: "missing-required-field.ts", code: "TS2741", mentions: "JobId" },
    { file: "wrong-field-type.ts", code: "TS2322", mentions: "number" },
    { file: "unknown-method.ts", code: "TS2551", mentions: "modifyMigrateJobs" },
  ])("rejects $file", ({ file, code, mentions }) => {
    const path = join(REPO_ROOT, "test/fixtures/emit/_error_/consumer", file);
    const errors = typeCheck([path], withSource);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith(path))).toBe(true);
    expect(errors.join("\n")).toContain(code);
    expect(errors.join("\n")).toContain(mentions);
  });
});
