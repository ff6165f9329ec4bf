import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generatorFingerprint } from "../../generator/cache/generator-fingerprint.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "tcgen-fingerprint-"));
  mkdirSync(path.join(root, "generator", "emit"), { recursive: true });
  mkdirSync(path.join(root, "templates", "runtime"), { recursive: true });
  writeFileSync(path.join(root, "generator", "emit", "types.ts"), "export const a = 1;\n");
  writeFileSync(path.join(root, "templates", "runtime", "signer.ts"), "export const b = 2;\n");
  writeFileSync(path.join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("generatorFingerprint", () => {
  it("is stable while nothing changes", () => {
    expect(generatorFingerprint(root)).toBe(generatorFingerprint(root));
  });

  const changes: { given: string; file: string; text: string }[] = [
    {
      given: "an emitter source edited",
      file: "generator/emit/types.ts",
      text: "export const a = 2;\n",
    },
    { given: "a generator file added", file: "generator/emit/errors.ts", text: "" },
    { given: "a runtime template edited", file: "templates/runtime/signer.ts", text: "//\n" },
    {
      given: "a dependency version changed",
      file: "package-lock.json",
      text: '{"lockfileVersion":3,"x":1}\n',
    },
  ];
  for (const { given, file, text } of changes) {
    it(`changes when ${given}`, () => {
      const before = generatorFingerprint(root);
      writeFileSync(path.join(root, file), text);
      expect(generatorFingerprint(root)).not.toBe(before);
    });
  }

  it("covers this checkout's generator by default", () => {
    expect(generatorFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
