/**
 * Provenance (issue 11): `@see <spec file>:<line>` on every declaration from a page, with a path
 * that does not depend on the working directory or on how the input folder was spelled.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { Project, type JSDocableNode } from "ts-morph";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../generator/cli/generate-command.js";
import { specPath } from "../../generator/emit/typescript/provenance.js";
import { wideningNote } from "../../generator/emit/types/widening-note.js";
import { REPO_ROOT, emitFixture, tempDir } from "./emit-fixture.js";

const SEED = join(REPO_ROOT, "specs/dts/2018-03-30/ModifyMigrateJob.md");

describe("specPath", () => {
  const here = process.cwd();
  it.each([
    {
      name: "relative: as given",
      file: "specs/dts/A.md",
      roots: ["specs"],
      want: "specs/dts/A.md",
    },
    { name: "relative with ./", file: "./specs/A.md", roots: [], want: "specs/A.md" },
    { name: "Windows separators", file: "specs\\dts\\A.md", roots: [], want: "specs/dts/A.md" },
    {
      name: "absolute, under an absolute input folder",
      file: join(here, "specs", "dts", "A.md"),
      roots: [join(here, "specs")],
      want: "specs/dts/A.md",
    },
    {
      name: "absolute, under a relative input folder",
      file: join(here, "specs", "dts", "A.md"),
      roots: ["specs"],
      want: "specs/dts/A.md",
    },
    {
      name: "climbing out with ..",
      file: `..${sep}docs${sep}specs${sep}A.md`,
      roots: [`..${sep}docs${sep}specs`],
      want: "specs/A.md",
    },
    {
      name: "nested input folders: the outermost",
      file: join(here, "specs", "dts", "A.md"),
      roots: [join(here, "specs", "dts"), join(here, "specs")],
      want: "specs/dts/A.md",
    },
    {
      name: "a page given as a file",
      file: join(here, "specs", "A.md"),
      roots: [join(here, "specs", "A.md")],
      want: "A.md",
    },
    {
      name: "absolute, no input folder known",
      file: join(here, "x", "A.md"),
      roots: [],
      want: "A.md",
    },
    {
      name: "a folder whose name only starts like the page's folder does not hold it",
      file: join(here, "specs", "A.md"),
      roots: [join(here, "spec")],
      want: "A.md",
    },
    {
      name: "many page files given, and the folder holding them",
      file: join(here, "specs", "dts", "A.md"),
      roots: [
        ...Array.from({ length: 500 }, (_, i) => join(here, "specs", "dts", `P${i}.md`)),
        join(here, "specs"),
      ],
      want: "specs/dts/A.md",
    },
    {
      name: "absolute, outside every input folder",
      file: join(here, "other", "A.md"),
      roots: [join(here, "specs")],
      want: "A.md",
    },
  ])("$name", ({ file, roots, want }) => {
    expect(specPath(file, roots)).toBe(want);
  });
});

describe("wideningNote", () => {
  const position = { file: "specs/a/A.md", line: 60, column: 1 };
  it.each([
    {
      kind: "added-from-example" as const,
      want: `Widened: the table lacks this parameter but the docs' example "Example 1" sends it (example gives a string), so it is an optional field typed from the example (specs/a/A.md:60).`,
    },
    {
      kind: "required-omitted-by-example" as const,
      want: `Widened: the docs' example "Example 1" omits this required field, so it is optional here (specs/a/A.md:60).`,
    },
    {
      kind: "type-from-example" as const,
      want: `Widened: the docs' example "Example 1" contradicts the documented type (example gives a string), so the type is the union of both (specs/a/A.md:60).`,
    },
  ])("$kind", ({ kind, want }) => {
    const widening = { kind, example: "Example 1", detail: "example gives a string", position };
    expect(wideningNote([widening])).toBe(want);
  });

  it("nothing for a field that was not widened", () => {
    expect(wideningNote(undefined)).toBeUndefined();
    expect(wideningNote([])).toBeUndefined();
  });
});

describe("@see lines in the seed package", () => {
  /** Names of declarations (and their members) whose JSDoc has no @see line to a spec file. */
  function withoutSee(text: string): string[] {
    const file = new Project({ useInMemoryFileSystem: true }).createSourceFile("/f.ts", text);
    const lacking: string[] = [];
    const check = (name: string, node: JSDocableNode): void => {
      const docs = node.getJsDocs().map((doc) => doc.getText());
      if (!docs.some((doc) => /@see \S+\.md:\d+/.test(doc))) lacking.push(name);
    };
    for (const declaration of file.getInterfaces()) {
      check(declaration.getName(), declaration);
      for (const property of declaration.getProperties()) {
        check(`${declaration.getName()}.${property.getName()}`, property);
      }
    }
    for (const declaration of file.getClasses()) {
      check(declaration.getName() ?? "", declaration);
      for (const method of declaration.getMethods()) {
        check(`${declaration.getName()}.${method.getName()}`, method);
      }
    }
    for (const declaration of file.getFunctions()) check(declaration.getName() ?? "", declaration);
    for (const statement of file.getVariableStatements()) {
      if (statement.isExported()) check(statement.getDeclarations()[0]!.getName(), statement);
    }
    for (const alias of file.getTypeAliases()) check(alias.getName(), alias);
    return lacking;
  }

  it("every type, field, action function, client method and error class has one", async () => {
    const files = await emitFixture("dts-seed");
    const text = (name: string) =>
      files.find((f) => f.path === `dts/src/v20180330/${name}.ts`)?.content ?? "";
    expect(text("types")).toContain(
      "   * @see specs/dts/2018-03-30/ModifyMigrateJob.md:24\n   */\n  JobId: string;",
    );
    // What comes from no page: the ResponseInteger alias, the client and its descriptors, the
    // error registry.
    expect(withoutSee(text("types"))).toEqual(["ResponseInteger"]);
    expect(withoutSee(text("operations"))).toEqual([]);
    expect(withoutSee(text("client"))).toEqual([
      "DtsClient",
      "createBareDtsClient",
      "dtsV20180330Core",
      "dtsV20180330",
    ]);
    expect(withoutSee(text("errors"))).toEqual(["dtsV20180330Errors"]);
  });
});

/** Every file under `dir` (the cache folder aside), by relative path. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path).split(sep).join("/")] = readFileSync(path, "utf8");
    }
  };
  walk(join(dir, "dts"));
  return files;
}

describe("generated bytes do not depend on the working directory", () => {
  const start = process.cwd();
  afterEach(() => {
    process.chdir(start);
    vi.restoreAllMocks();
  });

  it("is the same from the repo root (specs), elsewhere (absolute path) and below (../specs)", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const root = tempDir("tcgen-root-");
    mkdirSync(join(root, "specs", "dts"), { recursive: true });
    copyFileSync(SEED, join(root, "specs", "dts", "ModifyMigrateJob.md"));
    const outs = [1, 2, 3].map((n) => join(tempDir("tcgen-out-"), `out${n}`));

    process.chdir(root);
    expect(await run(["--specs", "specs", "--out", outs[0]!])).toBe(0);
    process.chdir(tempDir("tcgen-elsewhere-"));
    expect(await run(["--specs", resolve(root, "specs"), "--out", outs[1]!])).toBe(0);
    process.chdir(join(root, "specs", "dts"));
    expect(await run(["--specs", join("..", "..", "specs"), "--out", outs[2]!])).toBe(0);

    const [first, second, third] = outs.map((out) => tree(out));
    expect(first!["dts/src/v20180330/types.ts"]).toMatch(
      /@see specs\/dts\/ModifyMigrateJob\.md:\d+/,
    );
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });
});
