/**
 * When worker threads format, this thread never loads prettier (generator/print/format-pool.ts):
 * under tsx, loading it cost the main thread about 45 MB RSS. Checked in a fresh process whose
 * module resolutions are logged; formatting in this thread is the control that does load it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), "prettier-loading");
const scratch = mkdtempSync(path.join(os.tmpdir(), "tcgen-prettier-loading-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Resolution {
  readonly url: string;
  readonly parent?: string;
}

/** Formats one file in a fresh process; returns its output and the modules it resolved. */
function formatInFreshProcess(threads: number) {
  const log = path.join(scratch, `imports-${threads}.jsonl`);
  const stdout = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      pathToFileURL(path.join(here, "record-imports.mjs")).href,
      path.join(here, "format-one-file.ts"),
      String(threads),
    ],
    { env: { ...process.env, TCGEN_IMPORT_LOG: log }, encoding: "utf8", timeout: 60_000 },
  );
  const resolutions = readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Resolution);
  return {
    result: JSON.parse(stdout.trim()) as { threads: number; formatted: string },
    resolutions,
  };
}

/** Imports of prettier by a module that is neither prettier itself nor the print worker. */
function prettierImportedOutsideWorker(resolutions: readonly Resolution[]): Resolution[] {
  return resolutions.filter(
    ({ url, parent }) =>
      url.includes("/node_modules/prettier/") &&
      !(parent ?? "").includes("/node_modules/prettier/") &&
      !(parent ?? "").endsWith("/format-worker.mjs"),
  );
}

describe("prettier in the main thread", () => {
  it("is not loaded when worker threads format", () => {
    const { result, resolutions } = formatInFreshProcess(1);
    expect(result).toEqual({ threads: 1, formatted: "const answer = { a: 1 };\n" });
    expect(resolutions.some(({ url }) => url.endsWith("/format-pool.ts"))).toBe(true);
    expect(prettierImportedOutsideWorker(resolutions)).toEqual([]);
  }, 60_000);

  it("is loaded when this thread formats (the control: the log sees it)", () => {
    const { result, resolutions } = formatInFreshProcess(0);
    expect(result).toEqual({ threads: 0, formatted: "const answer = { a: 1 };\n" });
    expect(prettierImportedOutsideWorker(resolutions).map(({ parent }) => parent)).toContainEqual(
      expect.stringMatching(/\/generator\/print\/format-pool\.ts$/),
    );
  }, 60_000);
});
