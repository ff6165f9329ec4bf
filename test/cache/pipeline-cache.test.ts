import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPipeline } from "../../generator/pipeline.js";
import { hashTree } from "../../generator/cache/hash-files.js";

// The real pipeline over a copy of the repository's specs/: the cache hook in runPipeline.
const SPECS = fileURLToPath(new URL("../../specs", import.meta.url));

let root: string;
let specs: string;
let out: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "tcgen-pipeline-cache-"));
  specs = path.join(root, "specs");
  out = path.join(root, "out");
  cpSync(SPECS, specs, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Cached = Awaited<ReturnType<typeof runPipeline>> & { cache?: string };
const generate = async () => (await runPipeline({ inputs: [specs], outDir: out })) as Cached;
const outputFiles = () => hashTree(out, (folder) => folder === ".tcgen-cache");

describe("runPipeline with an out dir", () => {
  it("replays an unchanged run, and regenerates the same bytes after a page changes and changes back", async () => {
    const first = await generate();
    expect(first.cache).toBe("miss");
    const firstFiles = outputFiles();
    expect(Object.keys(firstFiles).length).toBeGreaterThan(0);

    const second = await generate();
    expect(second.cache).toBe("hit");
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.ir).toEqual(first.ir);
    expect(outputFiles()).toEqual(firstFiles);

    const page = path.join(specs, "dts", "2018-03-30", "ModifyMigrateJob.md");
    const original = readFileSync(page);
    appendFileSync(page, "\n");
    const changed = await generate();
    expect(changed.cache).toBe("miss");

    writeFileSync(page, original);
    const restored = await generate();
    expect(restored.cache).toBe("miss");
    expect(outputFiles()).toEqual(firstFiles);
    expect(restored.diagnostics).toEqual(first.diagnostics);
    expect((await generate()).cache).toBe("hit");
  });

  it("runs in full after an output file was edited by hand, and puts it back", async () => {
    await generate();
    const files = outputFiles();
    const victim = Object.keys(files).find((f) => f.endsWith(".ts"));
    expect(victim).toBeDefined();
    const file = path.join(out, victim as string);
    const before = readFileSync(file, "utf8");
    writeFileSync(file, `${before}// edited by hand\n`);
    expect((await generate()).cache).toBe("miss");
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
