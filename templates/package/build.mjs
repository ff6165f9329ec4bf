/**
 * `npm run build` (and `prepack`): writes dist/ from src/, as package.json's `exports` expect
 * (the layout is explained in tcgen's generator/emit/package/build-script.ts):
 * dist/types (declarations), dist/browser (per-file, web runtime), dist/node (ES module bundles),
 * dist/cjs (CommonJS bundles and their declarations).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath, URL } from "node:url";
import { build } from "esbuild";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
const manifest = JSON.parse(readFileSync("package.json", "utf8"));

// The subpaths: "." is src/index.ts, "./x" is src/x/index.ts. Those with a `browser` condition
// are the root and the versions; the others (the mock server) are Node-only.
const subpaths = Object.entries(manifest.exports).map(([subpath, conditions]) => ({
  folder: subpath === "." ? "" : subpath.slice(2),
  browser: "browser" in conditions,
}));
const source = ({ folder }) => (folder === "" ? "./src/index.ts" : `./src/${folder}/index.ts`);
const versions = subpaths.filter((s) => s.folder !== "" && s.browser).map((s) => s.folder);

// A clean tree: a file left from an older layout must not ship.
rmSync("dist", { recursive: true, force: true });

// tsc (tsconfig.json): per-file JavaScript to dist/browser, declarations to dist/types.
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { stdio: "inherit" });

// The web build: each Node-only runtime file X.js is replaced by its web counterpart
// X-browser.js, which has the same exports, so every import of it gets the web code with no
// bundler configuration.
const webRuntime = join("dist", "browser", "runtime");
for (const file of readdirSync(webRuntime).filter((f) => f.endsWith("-browser.js"))) {
  copyFileSync(join(webRuntime, file), join(webRuntime, file.replace(/-browser\.js$/, ".js")));
}
for (const { folder } of subpaths.filter((s) => !s.browser)) {
  rmSync(join("dist", "browser", folder), { recursive: true, force: true });
}

const forNode = {
  bundle: true,
  platform: "node",
  target: "node18",
  outbase: "src",
  logLevel: "warning",
};
await build({
  ...forNode,
  entryPoints: subpaths.map(source),
  splitting: true,
  format: "esm",
  outdir: join("dist", "node"),
});
await build({
  ...forNode,
  entryPoints: subpaths.filter((s) => s.folder !== "").map(source),
  format: "cjs",
  outdir: join("dist", "cjs"),
});

// dist/cjs is CommonJS for Node and TypeScript alike, declarations included.
writeFileSync(join("dist", "cjs", "package.json"), '{ "type": "commonjs" }\n');
cpSync(join("dist", "types"), join("dist", "cjs"), { recursive: true });
writeFileSync(join("dist", "cjs", "index.js"), lazyRootIndex(versions));

/** The root entry: each version is required on first access, so it is never loaded twice. */
function lazyRootIndex(folders) {
  const lines = ['"use strict";'];
  for (const folder of folders) {
    const name = JSON.stringify(folder);
    const path = JSON.stringify(`./${folder}/index.js`);
    lines.push(
      `Object.defineProperty(exports, ${name}, { enumerable: true, get: () => require(${path}) });`,
    );
  }
  // Lets Node's ES module loader (cjs-module-lexer) see the names of these exports.
  lines.push(`0 && (module.exports = { ${folders.map((f) => `${f}: null`).join(", ")} });`);
  return `${lines.join("\n")}\n`;
}
