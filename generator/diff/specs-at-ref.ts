/**
 * `tcgen diff --base REF`: the pages of a folder as they were at a git revision, extracted into a
 * temporary folder (git ls-tree + git show, so no tar is needed). The caller removes the folder.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

export class GitRefError extends Error {}

const MAX_BYTES = 512 * 1024 * 1024;

/** Extracts `folder` (a path in the working tree) at `ref`; returns the temp copy of the folder. */
export function extractFolderAtRef(ref: string, folder: string): { root: string; folder: string } {
  if (ref.startsWith("-")) throw new GitRefError(`"${ref}" is not a git revision`);
  const top = git(["rev-parse", "--show-toplevel"], process.cwd()).trim();
  const inRepo = relative(top, resolve(folder)).split("\\").join("/");
  if (inRepo.startsWith("..")) throw new GitRefError(`${folder} is outside the git repository`);
  git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], top);
  const listing = git(["ls-tree", "-r", "-z", "--name-only", ref, "--", inRepo || "."], top);
  const root = mkdtempSync(join(tmpdir(), "tcgen-base-"));
  for (const path of listing.split("\0").filter((p) => p !== "")) {
    const content = execFileSync("git", ["show", `${ref}:${path}`], {
      cwd: top,
      maxBuffer: MAX_BYTES,
    });
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const copy = join(root, inRepo);
  mkdirSync(copy, { recursive: true });
  return { root, folder: copy };
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      maxBuffer: MAX_BYTES,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new GitRefError(`git ${args[0]} failed${stderr === "" ? "" : `: ${stderr}`}`);
  }
}
