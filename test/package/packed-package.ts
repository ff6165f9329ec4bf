/**
 * The packages in generated/ as npm publishes them: each is copied under the repository's tmp/
 * (its build finds typescript and esbuild in the repository's node_modules, as in the workspace)
 * and packed with `npm pack`, whose `prepack` builds it. The tarball is what a registry would
 * serve and what these tests lint and install.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const run = promisify(execFile);
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GENERATED = join(REPO_ROOT, "generated");

/** The package folders under generated/ (each has a package.json). */
export async function generatedPackages(): Promise<string[]> {
  const names = await readdir(GENERATED);
  return names.filter((name) => existsSync(join(GENERATED, name, "package.json"))).sort();
}

export interface PackedPackage {
  /** The .tgz file `npm pack` wrote. */
  readonly tarball: string;
  /** Removes the copy and the tarball. */
  dispose(): Promise<void>;
}

/** Copies generated/<name> (without dist/ or node_modules/) and packs it. */
export async function packGenerated(name: string): Promise<PackedPackage> {
  await mkdir(join(REPO_ROOT, "tmp"), { recursive: true });
  const workDir = await mkdtemp(join(REPO_ROOT, "tmp", `packed-${name}-`));
  const copy = join(workDir, name);
  await cp(join(GENERATED, name), copy, {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules)$/.test(source),
  });
  const out = join(workDir, "out");
  await mkdir(out);
  // --ignore-scripts=false: prepack must run even where npm is configured to skip scripts.
  await run("npm", ["pack", "--pack-destination", out, "--ignore-scripts=false"], {
    cwd: copy,
    maxBuffer: 16 * 1024 * 1024,
  });
  const tarballs = (await readdir(out)).filter((f) => f.endsWith(".tgz"));
  if (tarballs.length !== 1) throw new Error(`npm pack wrote ${tarballs.join(", ") || "nothing"}`);
  return {
    tarball: join(out, tarballs[0] ?? ""),
    dispose: () => rm(workDir, { recursive: true, force: true }),
  };
}

/** The file paths inside a tarball (without the leading "package/"). */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run("tar", ["-tzf", tarball], { maxBuffer: 16 * 1024 * 1024 });
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.replace(/^package\//, ""));
}
