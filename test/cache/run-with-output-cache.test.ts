import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PipelineOptions, PipelineResult } from "../../generator/pipeline.js";
import { runWithOutputCache } from "../../generator/cache/run-with-output-cache.js";
import { CACHE_DIR_NAME } from "../../generator/cache/cache-entry.js";

/**
 * A stand-in for the real phases that behaves like them where the cache can tell: it reads every
 * page, writes one output file per page (content derived from the page) and reports a warning per
 * page. It counts its runs, which is what these tests observe.
 */
function makePhases() {
  const state = { runs: 0 };
  const run = async (options: PipelineOptions): Promise<PipelineResult> => {
    state.runs++;
    const specs = options.inputs[0] as string;
    const outDir = options.outDir as string;
    const pages = listPages(specs);
    if (options.check !== true) {
      rmSync(path.join(outDir, "pkg"), { recursive: true, force: true });
      mkdirSync(path.join(outDir, "pkg"), { recursive: true });
      for (const page of pages) {
        const text = readFileSync(path.join(specs, page), "utf8");
        writeFileSync(
          path.join(outDir, "pkg", `${page}.ts`),
          `// generated\nexport const text = ${JSON.stringify(text)};\n`,
        );
      }
    }
    const severity = options.strict === true ? ("error" as const) : ("warning" as const);
    const diagnostics = pages.map((page) => ({
      code: "TCG999",
      severity,
      message: `page ${page} seen`,
      position: { file: path.join(specs, page), line: 1, column: 1 },
    }));
    return {
      ir: { irVersion: 1, services: pages } as unknown as PipelineResult["ir"],
      diagnostics,
      failed: severity === "error",
      write: { changed: pages.map((p) => `pkg/${p}.ts`), written: options.check !== true },
      timings: [{ phase: "parse", ms: 1 }],
    };
  };
  return { state, run };
}

function listPages(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(".md"))
        .sort()
    : [];
}

let root: string;
let specs: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "tcgen-cache-"));
  specs = path.join(root, "specs");
  out = path.join(root, "out");
  mkdirSync(specs);
  writeFileSync(path.join(specs, "a.md"), "# page a\n");
  writeFileSync(path.join(specs, "b.md"), "# page b\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const GENERATOR = "generator-v1";

async function generate(
  phases: ReturnType<typeof makePhases>,
  extra: Partial<PipelineOptions> = {},
  generator = GENERATOR,
) {
  return runWithOutputCache({ inputs: [specs], outDir: out, ...extra }, phases.run, { generator });
}

describe("runWithOutputCache", () => {
  it("replays an unchanged run without running any phase, with the same diagnostics and IR", async () => {
    const phases = makePhases();
    const first = await generate(phases);
    const second = await generate(phases);
    expect(first.cache).toBe("miss");
    expect(second.cache).toBe("hit");
    expect(phases.state.runs).toBe(1);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.ir).toEqual(first.ir);
    expect(second.failed).toBe(first.failed);
    expect(second.write).toEqual({ changed: [], written: false });
  });

  // Each change must force a full run; after it, the next unchanged run is a hit again.
  const changes: {
    given: string;
    change: () => void;
    generator?: string;
    options?: Partial<PipelineOptions>;
  }[] = [
    {
      given: "one byte of a page changed",
      change: () => writeFileSync(path.join(specs, "a.md"), "# page A\n"),
    },
    { given: "a page added", change: () => writeFileSync(path.join(specs, "c.md"), "# page c\n") },
    { given: "a page removed", change: () => unlinkSync(path.join(specs, "b.md")) },
    {
      given: "a non-page file added beside the pages",
      change: () => writeFileSync(path.join(specs, "notes.txt"), "x"),
    },
    {
      given: "an output file edited",
      change: () => writeFileSync(path.join(out, "pkg", "a.md.ts"), "// edited\n"),
    },
    { given: "an output file deleted", change: () => unlinkSync(path.join(out, "pkg", "b.md.ts")) },
    {
      given: "an extra file in the out folder",
      change: () => writeFileSync(path.join(out, "pkg", "stray.ts"), ""),
    },
    { given: "the generator changed", change: () => undefined, generator: "generator-v2" },
    { given: "--strict added", change: () => undefined, options: { strict: true } },
    {
      given: "the manifest corrupted",
      change: () => writeFileSync(path.join(out, CACHE_DIR_NAME, "manifest.json"), "{"),
    },
    {
      given: "the stored result corrupted",
      change: () => writeFileSync(path.join(out, CACHE_DIR_NAME, "result.json"), "[]"),
    },
    {
      given: "the cache folder deleted",
      change: () => rmSync(path.join(out, CACHE_DIR_NAME), { recursive: true }),
    },
  ];
  for (const { given, change, generator, options } of changes) {
    it(`runs every phase when ${given}`, async () => {
      const phases = makePhases();
      await generate(phases);
      change();
      const rerun = await generate(phases, options, generator);
      expect(rerun.cache).toBe("miss");
      expect(phases.state.runs).toBe(2);
      const again = await generate(phases, options, generator);
      expect(again.cache).toBe("hit");
      expect(phases.state.runs).toBe(2);
    });
  }

  it("ignores what the write phase leaves alone: a package's dist/ and node_modules/", async () => {
    const phases = makePhases();
    await generate(phases);
    mkdirSync(path.join(out, "pkg", "dist"), { recursive: true });
    writeFileSync(path.join(out, "pkg", "dist", "index.js"), "built");
    mkdirSync(path.join(out, "pkg", "node_modules", "x"), { recursive: true });
    writeFileSync(path.join(out, "pkg", "node_modules", "x", "index.js"), "dep");
    expect((await generate(phases)).cache).toBe("hit");
    // ...but only at the top of a package: a generated "dist" deeper down is output like any other.
    mkdirSync(path.join(out, "pkg", "src", "dist"), { recursive: true });
    writeFileSync(path.join(out, "pkg", "src", "dist", "a.ts"), "");
    expect((await generate(phases)).cache).toBe("miss");
  });

  it("restores an edited output file by running in full", async () => {
    const phases = makePhases();
    await generate(phases);
    const file = path.join(out, "pkg", "a.md.ts");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, "// edited by hand\n");
    await generate(phases);
    expect(readFileSync(file, "utf8")).toBe(original);
  });

  it("replays the diagnostics of a failed run too", async () => {
    const phases = makePhases();
    const first = await generate(phases, { strict: true });
    const second = await generate(phases, { strict: true });
    expect(second.cache).toBe("hit");
    expect(second.failed).toBe(true);
    expect(second.diagnostics.map((d) => d.severity)).toEqual(
      first.diagnostics.map((d) => d.severity),
    );
  });

  it("never writes the cache in --check mode, but a check may use a valid entry", async () => {
    const phases = makePhases();
    await generate(phases, { check: true });
    expect(existsSync(path.join(out, CACHE_DIR_NAME))).toBe(false);
    await generate(phases);
    const check = await generate(phases, { check: true });
    expect(check.cache).toBe("hit");
    expect(check.write).toEqual({ changed: [], written: false });
  });

  it("does not cache a run whose input cannot be read, and lets the phases report it", async () => {
    const phases = makePhases();
    const missing = path.join(root, "no-such-folder");
    const result = await runWithOutputCache({ inputs: [missing], outDir: out }, phases.run, {
      generator: GENERATOR,
    });
    expect(result.cache).toBe("uncacheable");
    expect(phases.state.runs).toBe(1);
  });
});
