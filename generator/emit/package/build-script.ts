/**
 * The generated package's `npm run build`: tsc writes dist/ file by file (JavaScript and .d.ts;
 * bundlers use it, the browser ones through the `browser` field's runtime swaps), then esbuild
 * writes one pre-bundled ES module per subpath export under dist/node/, which the `node` export
 * condition selects. Plain Node then loads a subpath as one or two files instead of ~26: each
 * module costs a resolve, a read and a compile, and together they were most of our cold start.
 * The subpaths are bundled together with code splitting, so the runtime they share is emitted
 * once in a chunk and its classes stay one identity (`instanceof` works across subpaths).
 */

/** Where the Node bundles go, inside dist/. */
export const NODE_BUNDLE_FOLDER = "node";

/**
 * The build command for a package whose subpath entries are `entries` (paths relative to the
 * package root, e.g. "./src/v20180330/index.ts").
 */
export function packageBuildScript(entries: readonly string[]): string {
  const esbuild = [
    "esbuild",
    ...entries,
    "--bundle",
    "--splitting",
    "--format=esm",
    "--platform=node",
    "--target=node18",
    "--outbase=src",
    `--outdir=dist/${NODE_BUNDLE_FOLDER}`,
    "--sourcemap",
    "--log-level=warning",
  ];
  return `tsc -p tsconfig.json && ${esbuild.join(" ")}`;
}

/** The Node bundle of a subpath entry, e.g. "./src/v20180330/index.ts" -> "./dist/node/v20180330/index.js". */
export function nodeBundlePath(entry: string): string {
  const inSrc = /^\.\/src\/(.+)\.ts$/.exec(entry);
  if (inSrc === null) throw new Error(`subpath entry ${entry} is not a .ts file under ./src/`);
  return `./dist/${NODE_BUNDLE_FOLDER}/${inSrc[1] ?? ""}.js`;
}
