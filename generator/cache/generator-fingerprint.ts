/**
 * One hash for "the generator itself": its sources (generator/), the static code it copies
 * (templates/) and the exact dependency versions (package-lock.json: prettier, ts-morph and
 * remark change output too). Any change to any of them invalidates every cached run.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashFile, hashText, hashTree } from "./hash-files.js";

/** Bumped when the cache's own format or rules change. */
export const CACHE_FORMAT = 3;

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What the fingerprint covers, relative to the repository root. */
const GENERATOR_INPUTS = ["generator", "templates", "package-lock.json"] as const;

/**
 * Hash of the generator's own files under `root` (default: this checkout). Recomputed on every
 * call (a few milliseconds), so a long-lived process never trusts a stale fingerprint.
 */
export function generatorFingerprint(root: string = REPO_ROOT): string {
  const parts: Record<string, Record<string, string>> = {};
  for (const input of GENERATOR_INPUTS) {
    const full = path.join(root, input);
    if (!existsSync(full)) continue;
    parts[input] = input.endsWith(".json")
      ? { "": hashFile(full) }
      : hashTree(full, (folder) => folder.endsWith("node_modules"));
  }
  return hashText(JSON.stringify({ format: CACHE_FORMAT, parts }));
}
