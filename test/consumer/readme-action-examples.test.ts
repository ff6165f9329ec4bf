/**
 * Issue 13 "docs from docs": the package README lists every action with a call built from its
 * page's example, and its usage examples call the first action with its example instead of a
 * placeholder. Every such README block must type-check, under the package's strict settings,
 * against the package it documents: generated/dts (from specs/), a seed package given hostile and
 * long examples, and every package of the corpus (../shared/corpus, skipped with a notice when
 * absent).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { coreEmitters } from "../../generator/emit/emitters.js";
import type { Example, Ir, JsonValue } from "../../generator/ir/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import { formatFiles } from "../../generator/print/format-files.js";
import { loadFixtureIr, REPO_ROOT, tempDir, typeCheck, writeTree } from "../emit/emit-fixture.js";
import { sharedPath } from "../shared-folder.js";

/** The ```ts blocks of the README from "## Usage" up to "## Client options". */
function usageAndActionBlocks(readme: string): string[] {
  const start = readme.indexOf("\n## Usage\n");
  const end = readme.indexOf("\n## Client options\n");
  if (start === -1 || end === -1) throw new Error("README without Usage or Client options");
  return [...readme.slice(start, end).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

/** The "## Actions" section's text. */
function actionsSection(readme: string): string {
  const start = readme.indexOf("\n## Actions\n");
  return readme.slice(start, readme.indexOf("\n## ", start + 1));
}

/**
 * Writes each block of each package README under `outDir` as a module importing the package's
 * sources (`@tcgen/dts/v20180330` -> `<outDir>/dts/src/v20180330/index.js`); returns the files.
 */
function snippetFiles(outDir: string, packages: readonly string[]): string[] {
  const dir = tempDir("tcgen-readme-actions-");
  return packages.flatMap((pkg) => {
    const readme = readFileSync(join(outDir, pkg, "README.md"), "utf8");
    return usageAndActionBlocks(readme).map((block, index) => {
      const code = block.replace(
        /from "@tcgen\/([a-z0-9-]+)\/(v[0-9A-Za-z]+)"/g,
        (_, name: string, folder: string) =>
          `from ${JSON.stringify(join(outDir, name, "src", folder, "index.js"))}`,
      );
      const file = join(dir, `${pkg}-${index}.mts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      return file;
    });
  });
}

function checkReadmes(outDir: string, packages: readonly string[]): string[] {
  return typeCheck(snippetFiles(outDir, packages), { noUnusedLocals: false });
}

const at = { file: "specs/dts/2018-03-30/ModifyMigrateJob.md", line: 60, column: 1 };
function example(request: { readonly [key: string]: JsonValue }): Example {
  return {
    title: "Ex",
    requestStyle: "post",
    request,
    response: null,
    responseJson: null,
    position: at,
  };
}

/** The dts seed (DstInfo.Region optional, as the pipeline widens it) with `examples`. */
function seedWith(examples: readonly Example[]): Ir {
  const ir = loadFixtureIr("dts-seed");
  return {
    ...ir,
    services: ir.services.map((service) => ({
      ...service,
      versions: service.versions.map((version) => ({
        ...version,
        actions: version.actions.map((action) => ({ ...action, examples })),
        structures: version.structures.map((s) => ({
          ...s,
          fields: s.fields.map((f) =>
            s.name === "DstInfo" && f.name === "Region" ? { ...f, required: false } : f,
          ),
        })),
      })),
    })),
  };
}

async function writePackages(ir: Ir): Promise<string> {
  return writeTree(await formatFiles(emitPackages(ir, coreEmitters)));
}

describe("README action examples", () => {
  it("generated/dts: the Actions section calls ModifyMigrateJob and every block type-checks", () => {
    const readme = readFileSync(join(REPO_ROOT, "generated/dts/README.md"), "utf8");
    expect(actionsSection(readme)).toContain("await client.modifyMigrateJob({");
    expect(readme).not.toContain("/* ModifyMigrateJobRequest */");
    expect(checkReadmes(join(REPO_ROOT, "generated"), ["dts"])).toEqual([]);
  }, 120_000);

  it("hostile example values stay data in the README and type-check", async () => {
    const hostile = "```\n</script>*/ `${process.exit(1)}` \u2028";
    const dir = await writePackages(seedWith([example({ JobId: hostile, JobName: "*/" })]));
    const readme = readFileSync(join(dir, "dts", "README.md"), "utf8");
    const section = actionsSection(readme);
    // The block is one fence: the value's backticks cannot close it.
    expect(section.match(/```/g)).toHaveLength(2);
    expect(checkReadmes(dir, ["dts"])).toEqual([]);
  }, 120_000);

  it("a long example is cut to the required parameters; without an accepted one, a comment", async () => {
    // SrcInfo's documented string fields, each too long to share a line: over the line budget.
    const names = ["AccessKey", "Ip", "User", "Password", "RdsInstanceId", "CvmInstanceId"];
    const srcInfo = Object.fromEntries(
      [...names, "UniqDcgId", "VpcId", "SubnetId", "UniqVpnGwId", "InstanceId", "Region"].map(
        (name) => [name, "x".repeat(70)],
      ),
    );
    const cut = await writePackages(seedWith([example({ JobId: "j", SrcInfo: srcInfo })]));
    const cutSection = actionsSection(readFileSync(join(cut, "dts", "README.md"), "utf8"));
    expect(cutSection).toContain('await client.modifyMigrateJob({ JobId: "j" });');

    const none = await writePackages(seedWith([example({ JobName: "no JobId" })]));
    const noneReadme = readFileSync(join(none, "dts", "README.md"), "utf8");
    expect(actionsSection(noneReadme)).toContain(
      "// ModifyMigrateJob: client.modifyMigrateJob(request); no example on its page fits its types",
    );
    // With no accepted example in the package, the usage example names the request type instead.
    expect(noneReadme).toMatch(
      /client\.modifyMigrateJob\(\{ ?\/\* ModifyMigrateJobRequest \*\/ ?\}\)/,
    );
  }, 120_000);
});

const { path: CORPUS, present } = sharedPath("README action examples over the corpus", "corpus");

describe.skipIf(!present)("README action examples of the corpus", () => {
  it("every package README's usage and action blocks type-check", async () => {
    const { ir } = await runPipeline({ inputs: [CORPUS] });
    const dir = await writePackages(ir);
    const packages = ir.services.map((s) => s.name.toLowerCase().replace(/[^a-z0-9-]/g, "-"));
    expect(packages.length).toBeGreaterThan(10);
    const calls = packages.reduce(
      (sum, pkg) =>
        sum +
        (actionsSection(readFileSync(join(dir, pkg, "README.md"), "utf8")).match(/^await /gm)
          ?.length ?? 0),
      0,
    );
    // Most corpus actions have an example their tables accept.
    expect(calls).toBeGreaterThan(packages.length);
    expect(checkReadmes(dir, packages)).toEqual([]);
  }, 300_000);
});
