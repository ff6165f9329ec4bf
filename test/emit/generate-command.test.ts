/**
 * `tcgen generate` end to end in temp folders: writes, --check passes then detects drift, a page
 * with errors fails the run while the other pages are still generated, --verbose prints timings.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../generator/cli/generate-command.js";
import { REPO_ROOT, tempDir } from "./emit-fixture.js";

const SEED = join(REPO_ROOT, "specs/dts/2018-03-30/ModifyMigrateJob.md");

function captureOutput(): { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { stdout: () => out.join(""), stderr: () => err.join("") };
}

afterEach(() => {
  vi.restoreAllMocks();
});

function specsWithSeed(): string {
  const specs = tempDir("tcgen-specs-");
  mkdirSync(join(specs, "dts"));
  copyFileSync(SEED, join(specs, "dts/ModifyMigrateJob.md"));
  return specs;
}

describe("tcgen generate", () => {
  it("writes the package, then --check passes, then --check reports drift", async () => {
    const specs = specsWithSeed();
    const out = join(tempDir("tcgen-out-"), "generated");
    const output = captureOutput();
    expect(await run(["--specs", specs, "--out", out])).toBe(0);
    const types = join(out, "dts/src/v20180330/types.ts");
    expect(readFileSync(types, "utf8")).toContain("export interface ModifyMigrateJobRequest");
    expect(output.stdout()).toContain(`changed file(s) to ${out}`);

    expect(await run(["--specs", specs, "--out", out, "--check"])).toBe(0);
    expect(output.stdout()).toContain(`${out} is up to date.`);

    writeFileSync(types, "// edited by hand\n");
    writeFileSync(join(out, "dts/src/v20180330/extra.ts"), "export {};\n");
    expect(await run(["--specs", specs, "--out", out, "--check"])).toBe(1);
    expect(output.stderr()).toContain("dts/src/v20180330/types.ts");
    expect(output.stderr()).toContain("dts/src/v20180330/extra.ts");
    expect(readFileSync(types, "utf8")).toBe("// edited by hand\n");
  });

  it("fails when a page has errors but still generates the others", async () => {
    const specs = specsWithSeed();
    writeFileSync(join(specs, "dts/Broken.md"), Buffer.from([0, 1, 2, 0, 255, 254, 0]));
    const out = join(tempDir("tcgen-out-"), "generated");
    const output = captureOutput();
    expect(await run(["--specs", specs, "--out", out])).toBe(1);
    expect(output.stderr()).toMatch(/Broken\.md:\d+:\d+ error TCG\d+/);
    expect(existsSync(join(out, "dts/src/v20180330/client.ts"))).toBe(true);
  });

  it("prints phase timings with --verbose", async () => {
    const out = join(tempDir("tcgen-out-"), "generated");
    const output = captureOutput();
    expect(await run(["--specs", specsWithSeed(), "--out", out, "--verbose"])).toBe(0);
    for (const phase of ["load", "parse", "check", "emit", "print", "write"]) {
      expect(output.stderr()).toMatch(new RegExp(`^  ${phase} +[0-9.]+ ms$`, "m"));
    }
  });

  it("rejects unknown options with exit code 2 and one line pointing at --help", async () => {
    const output = captureOutput();
    expect(await run(["--nope"])).toBe(2);
    expect(output.stderr()).toBe(
      "tcgen generate: unknown option --nope. See: tcgen generate --help\n",
    );
  });
});
