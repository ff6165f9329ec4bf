/**
 * The package README's "When the docs are behind the API" section (issue 11) documents the three
 * escape hatches with examples; this checks that the section is there and that its examples
 * type-check, under the package's own strict settings, against the generated dts package they
 * are written for (generated/dts; `npm test` regenerates it before vitest runs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck, REPO_ROOT } from "../emit/emit-fixture.js";

const readme = readFileSync(join(REPO_ROOT, "generated/dts/README.md"), "utf8");
const heading = "## When the docs are behind the API\n";
const start = readme.indexOf(heading);
const section = readme.slice(start, readme.indexOf("\n## ", start + heading.length));
const examples = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("README: When the docs are behind the API", () => {
  it("documents extraFields, allowUnknownFields, validate: false and client.request", () => {
    expect(start).toBeGreaterThan(-1);
    const code = examples.join("\n");
    expect(code).toContain("extraFields: {");
    expect(code).toContain("allowUnknownFields: true");
    expect(code).toContain("validate: false");
    expect(code).toContain("client.request<");
  });

  it("its examples type-check against the generated package", () => {
    const entry = join(REPO_ROOT, "generated/dts/src/v20180330/index.js");
    const source = [
      `import { DtsClient, type ModifyMigrateJobRequest } from ${JSON.stringify(entry)};`,
      "declare const client: DtsClient;",
      "declare const request: ModifyMigrateJobRequest;",
      "declare const requestWithNewerFields: ModifyMigrateJobRequest;",
      ...examples,
    ].join("\n");
    const file = join(mkdtempSync(join(tmpdir(), "tcgen-readme-")), "escape-hatches.mts");
    writeFileSync(file, source);
    expect(typeCheck([file], { noUnusedLocals: false })).toEqual([]);
  }, 60_000);
});
