/**
 * The cache as stored in the output folder, `<out>/.tcgen-cache/` (git-ignored):
 * - manifest.json: the run key and the hash of every file the out folder held after that run;
 * - result.json: that run's IR, diagnostics and failure flag, replayed on a hit.
 * manifest.json is written last and is the commit point: a crash leaves either the previous
 * complete entry or one whose output hashes no longer match (a full run).
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Ir } from "../ir/types.js";
import { CACHE_FORMAT } from "./generator-fingerprint.js";
import { hashTree, type KnownHash } from "./hash-files.js";
import { UNOWNED_ENTRIES } from "../write/list-package-files.js";

export const CACHE_DIR_NAME = ".tcgen-cache";

export interface CacheManifest {
  readonly format: typeof CACHE_FORMAT;
  readonly key: string;
  /** Every file under the out folder (the cache folder excepted) and its SHA-256. */
  readonly output: Readonly<Record<string, string>>;
}

export interface CachedResult {
  readonly ir: Ir;
  readonly diagnostics: readonly Diagnostic[];
  readonly failed: boolean;
}

/**
 * Folders a run neither reads nor writes: the cache itself, and what the write phase leaves alone
 * inside a package folder (`<package>/node_modules`, `<package>/dist`, see
 * generator/write/list-package-files.ts). Their content cannot change a run's result, so a build
 * of a generated package does not cost the next run its shortcut.
 */
function isOutsideRun(folder: string): boolean {
  if (folder === CACHE_DIR_NAME) return true;
  const parts = folder.split("/");
  return parts.length === 2 && UNOWNED_ENTRIES.has(parts[1] as string);
}

/** Hashes of everything under the out folder now; undefined when the folder does not exist. */
export function snapshotOutput(
  outDir: string,
  known?: KnownHash,
): Record<string, string> | undefined {
  return existsSync(outDir) ? hashTree(outDir, isOutsideRun, known) : undefined;
}

/** The stored manifest, or undefined when absent, unreadable or of another format. */
export function readManifest(outDir: string): CacheManifest | undefined {
  try {
    const parsed = JSON.parse(
      readFileSync(path.join(outDir, CACHE_DIR_NAME, "manifest.json"), "utf8"),
    ) as Partial<CacheManifest>;
    if (parsed.format !== CACHE_FORMAT || typeof parsed.key !== "string") return undefined;
    if (typeof parsed.output !== "object" || parsed.output === null) return undefined;
    return parsed as CacheManifest;
  } catch {
    return undefined;
  }
}

/** The stored result, or undefined when absent or unreadable. */
export function readResult(outDir: string): CachedResult | undefined {
  try {
    const parsed = JSON.parse(
      readFileSync(path.join(outDir, CACHE_DIR_NAME, "result.json"), "utf8"),
    ) as Partial<CachedResult>;
    if (!Array.isArray(parsed.diagnostics) || typeof parsed.failed !== "boolean") return undefined;
    if (typeof parsed.ir !== "object" || parsed.ir === null) return undefined;
    return parsed as CachedResult;
  } catch {
    return undefined;
  }
}

/** Stores a run: result first, then the manifest (atomic renames). */
export function writeEntry(outDir: string, manifest: CacheManifest, result: CachedResult): void {
  const dir = path.join(outDir, CACHE_DIR_NAME);
  mkdirSync(dir, { recursive: true });
  writeAtomically(path.join(dir, "result.json"), result);
  writeAtomically(path.join(dir, "manifest.json"), manifest);
}

/**
 * Writes `value` as JSON.stringify would, but a member of its top three levels at a time: the
 * result of a 2,000-page run is ~15 MB of JSON, and building it as one string (and its UTF-8
 * copy) was the run's last and highest memory peak (corpus x15: 430 -> see the commit).
 */
function writeAtomically(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    const out = new ChunkWriter(fd);
    writeJson(out, value, 3);
    out.flush();
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** Collects small pieces and writes them 64 kB at a time. */
class ChunkWriter {
  private pieces: string[] = [];
  private size = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    this.pieces.push(text);
    this.size += text.length;
    if (this.size >= 65_536) this.flush();
  }

  flush(): void {
    if (this.pieces.length > 0) writeSync(this.fd, this.pieces.join(""));
    this.pieces = [];
    this.size = 0;
  }
}

function writeJson(out: ChunkWriter, value: unknown, levels: number): void {
  const plain = levels === 0 || value === null || typeof value !== "object";
  if (plain || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    out.write(JSON.stringify(value) ?? "null");
    return;
  }
  if (Array.isArray(value)) {
    out.write("[");
    value.forEach((item, index) => {
      if (index > 0) out.write(",");
      // As JSON.stringify: what JSON cannot hold is null inside an array.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") {
        out.write("null");
      } else writeJson(out, item, levels - 1);
    });
    out.write("]");
    return;
  }
  out.write("{");
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // As JSON.stringify: a member JSON cannot hold is left out of an object.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    out.write(`${first ? "" : ","}${JSON.stringify(key)}:`);
    first = false;
    writeJson(out, item, levels - 1);
  }
  out.write("}");
}

/** True when both snapshots list the same files with the same hashes. */
export function sameOutput(
  recorded: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
): boolean {
  const names = Object.keys(recorded);
  if (names.length !== Object.keys(current).length) return false;
  return names.every((name) => current[name] === recorded[name]);
}
