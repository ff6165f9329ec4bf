/** The package around the generated code: manifest, build config and the runtime copy. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_NOTICE } from "../../generator/print/generated-header.js";
import { emitFixture, REPO_ROOT } from "./emit-fixture.js";

const files = await emitFixture("edge-cases");
const byPath = new Map(files.map((f) => [f.path, f.content]));

describe("package.json", () => {
  const manifest = JSON.parse(byPath.get("cvm/package.json") ?? "null") as {
    [key: string]: unknown;
    exports: Record<string, Record<string, string>>;
  };

  it("is a public ESM package with no runtime dependencies", () => {
    expect(manifest["//"]).toBe(GENERATED_NOTICE);
    expect(manifest["name"]).toBe("@tcgen/cvm");
    expect(manifest["private"]).toBe(false);
    expect(manifest["type"]).toBe("module");
    expect(manifest["engines"]).toEqual({ node: ">=18" });
    expect(manifest["dependencies"] ?? {}).toEqual({});
    expect((manifest["scripts"] as Record<string, string>)["build"]).toMatch(/^tsc\b/);
    // esbuild bundles at build time only.
    expect(manifest["devDependencies"]).toHaveProperty("esbuild");
  });

  it("builds with tsc, then bundles every subpath entry for Node with esbuild", () => {
    const script = (manifest["scripts"] as Record<string, string>)["build"] ?? "";
    const [tsc, esbuild = ""] = script.split(" && ");
    expect(tsc).toBe("tsc -p tsconfig.json");
    const words = esbuild.split(" ");
    expect(words[0]).toBe("esbuild");
    const entries = words.filter((w) => w.startsWith("./"));
    const sources = Object.values(manifest.exports).map((e) => e["tcgen-source"]);
    expect(entries).toEqual(sources);
    for (const flag of ["--bundle", "--splitting", "--format=esm", "--platform=node"]) {
      expect(words).toContain(flag);
    }
    expect(words).toContain("--outdir=dist/node");
    expect(words).not.toContain("--minify");
  });

  it("exports one subpath per version: source, types, per-file browser, bundled node, default", () => {
    for (const version of ["v20170312", "v20220101"]) {
      expect(manifest.exports[`./${version}`]).toEqual({
        "tcgen-source": `./src/${version}/index.ts`,
        types: `./dist/${version}/index.d.ts`,
        browser: `./dist/${version}/index.js`,
        node: `./dist/node/${version}/index.js`,
        default: `./dist/${version}/index.js`,
      });
      // "browser" before "node": a bundler that sets both must get the browser runtime swaps.
      const conditions = Object.keys(manifest.exports[`./${version}`] ?? {});
      expect(conditions.indexOf("browser")).toBeLessThan(conditions.indexOf("node"));
      expect(byPath.has(`cvm/src/${version}/index.ts`)).toBe(true);
    }
    // "tcgen-source" must come first: conditions are matched in order.
    expect(Object.keys(manifest.exports["./v20170312"] ?? {})[0]).toBe("tcgen-source");
  });

  it("exports the Node-only mock server bundled for node, per-file otherwise", () => {
    expect(manifest.exports["./mock"]).toEqual({
      "tcgen-source": "./src/mock/index.ts",
      types: "./dist/mock/index.d.ts",
      node: "./dist/node/mock/index.js",
      default: "./dist/mock/index.js",
    });
  });

  it("maps each Node-only runtime file to an emitted browser replacement, for src and dist", () => {
    const browser = manifest["browser"] as Record<string, string>;
    const sourceEntries = Object.entries(browser).filter(([from]) => from.startsWith("./src/"));
    const distEntries = Object.entries(browser).filter(([from]) => from.startsWith("./dist/"));
    expect(sourceEntries.length).toBeGreaterThan(0);
    expect(
      distEntries.map(([f, t]) => [f.replace("./dist/", "./src/"), t.replace("./dist/", "./src/")]),
    ).toEqual(sourceEntries);
    for (const [from, to] of sourceEntries) {
      // Keys are import specifiers (.js); the files behind them in src/ are the .ts sources.
      expect(from).toMatch(/^\.\/src\/runtime\/[a-z-]+\.js$/);
      expect(byPath.has(`cvm/${from.slice(2).replace(/\.js$/, ".ts")}`)).toBe(true);
      expect(byPath.has(`cvm/${to.slice(2).replace(/\.js$/, ".ts")}`)).toBe(true);
    }
    expect(Object.keys(browser)).toContain("./src/runtime/signer.js");
  });
});

describe("README.md", () => {
  const readme = byPath.get("cvm/README.md") ?? "";
  /** The text of the section under `heading`, up to the next heading of any level. */
  const section = (heading: string): string =>
    new RegExp(`\\n#+ ${heading}\\n([\\s\\S]*?)(?=\\n#+ |$)`).exec(readme)?.[1] ?? "";

  it.each([
    { heading: "region", want: "region: " },
    { heading: "credentials", want: "credentials: async () =>" },
    { heading: "endpoint", want: 'endpoint: "http://127.0.0.1:8080"' },
    { heading: "Finance regions", want: 'region: "ap-shanghai-fsi"' },
    { heading: "maxAttempts and retries", want: "maxAttempts: 5" },
    { heading: "timeout", want: "timeout: 10_000" },
    { heading: "rateLimit", want: "rateLimit: false" },
    { heading: "logger", want: "logger: {" },
    { heading: "hooks", want: "onResponse:" },
    { heading: "Per-call options", want: "signal: controller.signal" },
    { heading: "Errors", want: "instanceof TencentCloudError" },
    { heading: "Big integers", want: "ResponseInteger" },
    { heading: "Mock server", want: "injectFault(" },
    {
      heading: "Two routes: the client class, or a bare client and action functions",
      want: "createBareCvmClient({",
    },
  ])("documents $heading with a code example", ({ heading, want }) => {
    const text = section(heading);
    expect(text).toMatch(/```ts\n/);
    expect(text).toContain(want);
  });

  it("names the package's own client, import path and mock entry", () => {
    expect(readme).toContain('import { CvmClient } from "@tcgen/cvm/');
    expect(readme).toContain('from "@tcgen/cvm/mock"');
    expect(readme).toContain("startCvmMock()");
  });
});

describe("runtime copy", () => {
  it("is every templates/runtime/*.ts except tests, byte for byte after the notice", () => {
    const dir = join(REPO_ROOT, "templates/runtime");
    const templates = readdirSync(dir)
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .sort();
    const copied = files
      .filter((f) => f.path.startsWith("cvm/src/runtime/"))
      .map((f) => f.path.slice("cvm/src/runtime/".length));
    expect(copied).toEqual(templates);
    for (const name of templates) {
      const content = byPath.get(`cvm/src/runtime/${name}`) ?? "";
      expect(content).toBe(`// ${GENERATED_NOTICE}\n${readFileSync(join(dir, name), "utf8")}`);
    }
  });
});

describe("every generated file", () => {
  it("starts with the generated notice (package.json and api.json: their first key)", () => {
    const plainJson = (path: string): boolean => /(^|\/)(package|api)\.json$/.test(path);
    for (const file of files.filter((f) => !plainJson(f.path))) {
      expect(file.content.split("\n", 1)[0], file.path).toContain(GENERATED_NOTICE);
    }
    for (const file of files.filter((f) => plainJson(f.path))) {
      const keys = Object.keys(JSON.parse(file.content) as object);
      expect(keys[0], file.path).toBe("//");
    }
  });
});
