/**
 * The cache folder inside the out folder, `<out>/.tcgen-cache/` (git-ignored), and how its JSON
 * files are written: atomically (a temporary file renamed over the old one), so a crash leaves
 * the previous file or the new one, never half of one. What it holds:
 * - inputs.json and inputs-changes.json: the input index (input-index.ts): the whole of it, and
 *   the entries changed since it was written;
 * - packages/: each package folder's key, files and folders (package-cache.ts);
 * - pages/: each page's parse (page-cache.ts).
 */
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import path from "node:path";

export const CACHE_DIR_NAME = ".tcgen-cache";

/**
 * Writes `value` as JSON.stringify would, but a member of its top three levels at a time: the
 * index of a 2,000-page tree is megabytes of JSON, and building it as one string (and its UTF-8
 * copy) made the run's last memory peak.
 */
export function writeJsonAtomically(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
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
