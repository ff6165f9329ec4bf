/**
 * A larger page tree made from a real one: every page copied `copies` times, copy k > 0 under new
 * service names (each host `<service>.…tencentcloudapi.com` becomes `<service><k>.…`, so `cvm`'s
 * pages also appear as service `cvm7` at `cvm7.tencentcloudapi.com`; names stay in the closed
 * grammar `^[a-z][a-z0-9]*$`). The copies are real pages read by the real parser, just more of
 * them: what "all of Tencent Cloud" looks like to the generator, short of more distinct products.
 *
 * One difference from real growth: a data types page owned through its "Referenced by" action
 * names is claimed equally by every copy of those actions, a tie that owns nothing
 * (generator/check/resolve-structures.ts), so in a replicated tree such structures are open.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const HOST = /(?<![\w.-])([a-z][a-z0-9]*)((?:\.[a-z0-9-]+)?\.tencentcloudapi\.com)/g;

/** The page text with every service host renamed for copy `k` (k = 0: unchanged). */
function renameServices(text: string, k: number): string {
  return k === 0
    ? text
    : text.replace(HOST, (_all, service: string, rest: string) => `${service}${k}${rest}`);
}

/** Writes `copies` copies of every `*.md` under `source` into `target/copy-<k>/`; returns the page paths. */
export function replicatePages(source: string, target: string, copies: number): string[] {
  const pages = listMarkdown(source);
  const written: string[] = [];
  for (let k = 0; k < copies; k++) {
    for (const relative of pages) {
      const file = path.join(target, `copy-${String(k).padStart(2, "0")}`, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, renameServices(readFileSync(path.join(source, relative), "utf8"), k));
      written.push(file);
    }
  }
  return written.sort();
}

function listMarkdown(root: string, prefix = ""): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(root, prefix)).sort()) {
    const relative = prefix === "" ? name : path.join(prefix, name);
    if (statSync(path.join(root, relative)).isDirectory())
      found.push(...listMarkdown(root, relative));
    else if (name.endsWith(".md")) found.push(relative);
  }
  return found;
}
