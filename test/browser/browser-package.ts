/**
 * A throwaway package shaped like a generated one (runtime under src/runtime, package.json with
 * the `browser` field from platform-files.ts), and an esbuild browser bundle of code inside it.
 * Bundling through the package.json field, not an esbuild plugin, tests the mechanism a user's
 * bundler applies to the published package.
 */
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { browserField } from "../../templates/runtime/platform-files.js";

export const RUNTIME_TEMPLATES = fileURLToPath(
  new URL("../../templates/runtime/", import.meta.url),
);

export interface BrowserTestPackage {
  readonly dir: string;
  /** The package.json written, `browser` field included. */
  readonly manifest: Readonly<Record<string, unknown>>;
  /** Bundles `entrySource` (a module placed at the package root) for the browser, as ESM. */
  bundle(entrySource: string): Promise<string>;
  remove(): Promise<void>;
}

export async function createBrowserTestPackage(): Promise<BrowserTestPackage> {
  const dir = await mkdtemp(path.join(tmpdir(), "tcgen-browser-package-"));
  const runtimeDir = path.join(dir, "src", "runtime");
  const files = (await readdir(RUNTIME_TEMPLATES)).filter((f) => f.endsWith(".ts"));
  for (const file of files)
    await cp(path.join(RUNTIME_TEMPLATES, file), path.join(runtimeDir, file));
  const manifest = {
    name: "tcgen-browser-test-package",
    private: true,
    type: "module",
    browser: browserField(["./src/runtime"]),
  };
  await writeFile(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  let entries = 0;
  return {
    dir,
    manifest,
    async bundle(entrySource) {
      const entry = path.join(dir, `entry-${++entries}.ts`);
      await writeFile(entry, entrySource);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: "esm",
        platform: "browser",
        target: "es2022",
        logLevel: "silent",
      });
      return result.outputFiles[0]!.text;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
