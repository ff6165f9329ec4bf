import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { strictPackageOptions } from "../../generator/emit/package/type-check-packages.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

// The in-process type-checks (corpus check, golden tests) must judge generated code by the same
// rules as the generated package's own tsconfig, or a package could pass here and fail its build.
describe("strictPackageOptions", () => {
  it("matches the checking options of the generated package's tsconfig", () => {
    const text = readFileSync(join(repoRoot, "generated", "dts", "tsconfig.json"), "utf8");
    const json = ts.parseConfigFileTextToJson("tsconfig.json", text);
    const { options: packageOptions, errors } = ts.convertCompilerOptionsFromJson(
      (json.config as { compilerOptions: unknown }).compilerOptions,
      repoRoot,
    );
    expect(errors).toEqual([]);
    const ours = strictPackageOptions(join(repoRoot, "node_modules"));
    const checking = [
      "target",
      "module",
      "moduleResolution",
      "lib",
      "types",
      "strict",
      "noUncheckedIndexedAccess",
      "noImplicitOverride",
      "isolatedModules",
      "verbatimModuleSyntax",
      "skipLibCheck",
    ] as const;
    for (const key of checking)
      expect({ key, value: ours[key] }).toEqual({ key, value: packageOptions[key] });
  });
});
