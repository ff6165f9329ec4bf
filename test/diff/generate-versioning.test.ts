/**
 * End to end: the seed page generated into a temp out folder; JobName flipped to required;
 * `generate --check` exits 1 naming ModifyMigrateJob.JobName as breaking with the 0.x minor bump
 * (--fail-on breaking fails too, a compatible edit passes it); regenerating bumps package.json
 * and api.json to 0.2.0 and prepends the CHANGELOG entry; a second run changes nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./fixture-sides.js";
import { runGenerate } from "./run-diff.js";

const SEED = join(REPO_ROOT, "specs/dts/2018-03-30/ModifyMigrateJob.md");
const OPTIONAL = "| JobName | No | String |";
const REQUIRED = "| JobName | Yes | String |";

describe("generate versions each package from its recorded API", () => {
  const root = mkdtempSync(join(tmpdir(), "tcgen-versioning-"));
  const specs = join(root, "specs");
  const out = join(root, "out");
  const page = join(specs, "ModifyMigrateJob.md");
  const args = ["--specs", specs, "--out", out];
  const read = (path: string): string => readFileSync(join(out, "dts", path), "utf8");
  const version = (path: string): unknown =>
    (JSON.parse(read(path)) as { version: unknown }).version;
  const edit = (from: string, to: string): void => {
    const text = readFileSync(page, "utf8");
    expect(text).toContain(from);
    writeFileSync(page, text.replace(from, to));
  };

  it("starts at 0.1.0 with an api.json and a CHANGELOG", async () => {
    mkdirSync(specs, { recursive: true });
    copyFileSync(SEED, page);
    expect((await runGenerate(args)).code).toBe(0);
    expect(version("package.json")).toBe("0.1.0");
    expect(version("api.json")).toBe("0.1.0");
    expect(read("CHANGELOG.md")).toContain("## 0.1.0");
  }, 120_000);

  it("--check reports JobName becoming required as breaking, minor bump, exit 1", async () => {
    edit(OPTIONAL, REQUIRED);
    const text = await runGenerate([...args, "--check"]);
    expect(text.code).toBe(1);
    const summary = text.stdout.split("\n");
    expect(summary[0]).toBe("@tcgen/dts: 1 API change, 1 breaking; 0.1.0 -> 0.2.0 (minor bump)");
    expect(summary[1]).toContain(
      "ModifyMigrateJob.JobName (2018-03-30) request parameter became required",
    );
    expect(summary[1]).toContain("[breaking] [request-parameter-became-required]");
    // The summary comes before the file list (stderr), which still names the files.
    expect(text.stderr).toContain("dts/src/v20180330/types.ts");

    const json = await runGenerate([
      ...args,
      "--check",
      "--format",
      "json",
      "--fail-on",
      "breaking",
    ]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      packages: { bump: string; version: string; changes: { path: string; breaking: boolean }[] }[];
    };
    expect(report.packages[0]).toMatchObject({ bump: "minor", version: "0.2.0" });
    expect(report.packages[0]?.changes).toMatchObject([
      { path: "ModifyMigrateJob.JobName", breaking: true },
    ]);

    const markdown = await runGenerate([...args, "--check", "--format", "markdown"]);
    expect(markdown.stdout).toContain("#### `@tcgen/dts`: 0.1.0 → 0.2.0 (minor bump)");
    expect(markdown.stdout).toContain("| `ModifyMigrateJob.JobName` (2018-03-30) |");
  }, 120_000);

  it("--fail-on breaking passes a compatible change that --check alone fails", async () => {
    edit(
      "| JobName | Yes | String | Name of a data migration task |",
      "| JobName | Yes | String | The name of a data migration task |",
    );
    edit(REQUIRED, OPTIONAL);
    expect((await runGenerate([...args, "--check"])).code).toBe(1);
    expect((await runGenerate([...args, "--check", "--fail-on", "breaking"])).code).toBe(0);
    edit("| JobName | No | String | The name", "| JobName | Yes | String | Name");
  }, 120_000);

  it("regenerating bumps to 0.2.0 with a CHANGELOG entry; a second run changes nothing", async () => {
    const first = await runGenerate(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("@tcgen/dts 0.1.0 -> 0.2.0 (minor bump");
    expect(version("package.json")).toBe("0.2.0");
    expect(version("api.json")).toBe("0.2.0");
    const changelog = read("CHANGELOG.md");
    expect(changelog.indexOf("## 0.2.0")).toBeLessThan(changelog.indexOf("## 0.1.0"));
    expect(changelog).toContain(
      "- **breaking** `ModifyMigrateJob.JobName` (2018-03-30): request parameter became required (optional -> required)",
    );
    const files = ["package.json", "api.json", "CHANGELOG.md"].map(read);

    const second = await runGenerate(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("is up to date");
    expect(["package.json", "api.json", "CHANGELOG.md"].map(read)).toEqual(files);
    const check = await runGenerate([...args, "--check"]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("No API changes.");
  }, 120_000);
});
