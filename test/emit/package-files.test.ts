/** The package around the generated code: manifest, build config and the runtime copy. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_NOTICE } from "../../generator/print/generated-header.js";
import { BROWSER_FILE_SUBSTITUTIONS } from "../../templates/runtime/platform-files.js";
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
    // esbuild and typescript build at pack time only.
    expect(manifest["devDependencies"]).toHaveProperty("esbuild");
    expect(manifest["devDependencies"]).toHaveProperty("typescript");
  });

  it("builds on prepack, ships dist and the changelog, and runs its example tests", () => {
    expect(manifest["scripts"]).toEqual({
      build: "node scripts/build.mjs",
      prepack: "npm run build",
      test: "vitest run",
    });
    expect(manifest["files"]).toEqual(["dist", "schemas", "CHANGELOG.md"]);
    expect(manifest["devDependencies"]).toHaveProperty("vitest");
    expect(byPath.has("cvm/scripts/build.mjs")).toBe(true);
  });

  it("exports the root index, one subpath per version and the mock, with no repository-only condition", () => {
    expect(Object.keys(manifest.exports)).toEqual([".", "./v20170312", "./v20220101", "./mock"]);
    for (const version of ["v20170312", "v20220101"]) {
      expect(manifest.exports[`./${version}`]).toEqual({
        browser: {
          types: `./dist/types/${version}/index.d.ts`,
          default: `./dist/browser/${version}/index.js`,
        },
        require: {
          types: `./dist/cjs/${version}/index.d.ts`,
          default: `./dist/cjs/${version}/index.js`,
        },
        node: {
          types: `./dist/types/${version}/index.d.ts`,
          default: `./dist/node/${version}/index.js`,
        },
        default: {
          types: `./dist/types/${version}/index.d.ts`,
          default: `./dist/browser/${version}/index.js`,
        },
      });
      expect(byPath.has(`cvm/src/${version}/index.ts`)).toBe(true);
    }
    // "browser" first: a browser bundler may also set "require" or "node".
    expect(Object.keys(manifest.exports["."] ?? {})).toEqual([
      "browser",
      "require",
      "node",
      "default",
    ]);
    expect(JSON.stringify(manifest)).not.toContain("tcgen-source");
    expect(JSON.stringify(manifest)).not.toContain("./src/");
    expect(manifest).not.toHaveProperty("browser");
  });

  it("exports the Node-only mock server without a browser build", () => {
    expect(manifest.exports["./mock"]).toEqual({
      require: { types: "./dist/cjs/mock/index.d.ts", default: "./dist/cjs/mock/index.js" },
      node: { types: "./dist/types/mock/index.d.ts", default: "./dist/node/mock/index.js" },
      default: { types: "./dist/types/mock/index.d.ts", default: "./dist/node/mock/index.js" },
    });
  });

  it("gives resolvers without exports (node10) the CommonJS root and typesVersions", () => {
    expect(manifest["main"]).toBe("./dist/cjs/index.js");
    expect(manifest["types"]).toBe("./dist/cjs/index.d.ts");
    expect(manifest["typesVersions"]).toEqual({
      "*": {
        v20170312: ["./dist/cjs/v20170312/index.d.ts"],
        v20220101: ["./dist/cjs/v20220101/index.d.ts"],
        mock: ["./dist/cjs/mock/index.d.ts"],
      },
    });
  });
});

describe("src/index.ts, the root entry", () => {
  it("re-exports every version as a namespace", () => {
    const index = byPath.get("cvm/src/index.ts") ?? "";
    expect(index).toContain('export * as v20170312 from "./v20170312/index.js";');
    expect(index).toContain('export * as v20220101 from "./v20220101/index.js";');
  });
});

describe("scripts/build.mjs", () => {
  const script = byPath.get("cvm/scripts/build.mjs") ?? "";

  it("is templates/package/build.mjs byte for byte after the notice, with no source maps", () => {
    const template = readFileSync(join(REPO_ROOT, "templates/package/build.mjs"), "utf8");
    expect(script).toBe(`// ${GENERATED_NOTICE}\n${template}`);
    expect(script).toContain('format: "cjs"');
    expect(script).toContain("splitting: true");
    expect(script).not.toMatch(/sourcemap/i);
  });

  it("can find each web runtime file by name: X.js is replaced by X-browser.js, and only those", () => {
    const swaps = Object.entries(BROWSER_FILE_SUBSTITUTIONS);
    expect(swaps.length).toBeGreaterThan(0);
    for (const [from, to] of swaps) expect(to).toBe(from.replace(/\.js$/, "-browser.js"));
    const webFiles = files
      .map((f) => f.path)
      .filter((p) => /^cvm\/src\/runtime\/.*-browser\.ts$/.test(p))
      .map((p) => p.slice("cvm/src/runtime/".length).replace(/\.ts$/, ".js"));
    expect(webFiles.sort()).toEqual(swaps.map(([, to]) => to).sort());
    for (const [from] of swaps) {
      expect(byPath.has(`cvm/src/runtime/${from.replace(/\.js$/, ".ts")}`), from).toBe(true);
    }
  });
});

describe("LICENSE", () => {
  it("is the Apache License 2.0 text that package.json declares", () => {
    const license = byPath.get("cvm/LICENSE") ?? "";
    expect(license).toContain(
      "Apache License\n                           Version 2.0, January 2004",
    );
    expect(license).toContain("END OF TERMS AND CONDITIONS");
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
    // A JSON Schema says it in its own `$comment` keyword, which strict validators accept.
    const schema = (path: string): boolean => /\/schemas\/[^/]+\/[^/]+\.json$/.test(path);
    for (const file of files.filter((f) => schema(f.path))) {
      expect((JSON.parse(file.content) as { $comment?: string }).$comment, file.path).toBe(
        GENERATED_NOTICE,
      );
    }
    for (const file of files.filter((f) => !plainJson(f.path) && !schema(f.path))) {
      expect(file.content.split("\n", 1)[0], file.path).toContain(GENERATED_NOTICE);
    }
    for (const file of files.filter((f) => plainJson(f.path))) {
      const keys = Object.keys(JSON.parse(file.content) as object);
      expect(keys[0], file.path).toBe("//");
    }
  });
});
