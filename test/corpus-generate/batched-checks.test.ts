/**
 * The corpus check type-checks and lints in batches of a bounded number of files (so that its
 * memory does not grow with the corpus): the batches must find exactly what one pass over
 * everything finds, in the same files, and a package's files must stay in one program (they
 * import one another).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintPackages } from "../../generator/cli/corpus/lint-packages.js";
import { typeCheckPackages } from "../../generator/cli/corpus/type-check-packages.js";
import { REPO_ROOT } from "../emit/emit-fixture.js";

const NODE_MODULES = join(REPO_ROOT, "node_modules");

/**
 * Three small packages: b has a type error, c an unused variable; each package's files import its
 * util, and b has more files than a batch of two (split, its error would be reported twice).
 */
const PACKAGES: Record<string, string> = {
  "a/src/util.ts": "export const twice = (n: number): number => n * 2;\n",
  "a/src/index.ts": 'import { twice } from "./util.js";\nexport const four = twice(2);\n',
  "b/src/util.ts": 'export const name: number = "b";\n',
  "b/src/index.ts": 'import { name } from "./util.js";\nexport const label = name;\n',
  "b/src/other.ts": 'import { name } from "./util.js";\nexport const again = name;\n',
  "c/src/util.ts": "export function id(x: string): string {\n  const unused = 1;\n  return x;\n}\n",
  "c/src/index.ts": 'import { id } from "./util.js";\nexport const same = id("c");\n',
};

let dir: string;
beforeAll(() => {
  // Inside the repository, so the files resolve its node_modules and its eslint configuration.
  mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
  dir = mkdtempSync(join(REPO_ROOT, "tmp", "batched-checks-"));
  for (const [path, text] of Object.entries(PACKAGES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const name of ["a", "b", "c"]) {
    writeFileSync(join(dir, name, "package.json"), '{ "type": "module" }\n');
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("typeCheckPackages in programs of a bounded number of files", () => {
  it("finds the same errors, in the same files, as one program over every package", async () => {
    const batched = await typeCheckPackages(dir, NODE_MODULES, 2);
    const whole = await typeCheckPackages(dir, NODE_MODULES, 1000);
    expect(batched).toEqual(whole);
    expect(batched.map((e) => [e.file.slice(dir.length + 1), e.line, e.message])).toEqual([
      ["b/src/util.ts", 1, "TS2322: Type 'string' is not assignable to type 'number'."],
    ]);
  }, 120_000);
});

describe("lintPackages in batches of files", () => {
  it("finds the same problems, in the same files, as one batch of every file", async () => {
    const batched = await lintPackages(dir, REPO_ROOT, 1);
    const whole = await lintPackages(dir, REPO_ROOT, 1000);
    expect(batched).toEqual(whole);
    const rule = (message: string) => message.split(":")[0];
    expect(batched.map((p) => [p.file.slice(dir.length + 1), p.line, rule(p.message)])).toEqual([
      ["c/src/util.ts", 2, "@typescript-eslint/no-unused-vars"],
    ]);
  }, 120_000);
});
