// The parse worker (generator/parse/read-pages-in-parallel.ts starts it): reads and parses pages
// beside the pipeline's thread, claiming them one at a time from a counter both threads share,
// and posts each page's outcome back. It ends when no page is left to claim.
//
// Plain JavaScript, because the parse modules are TypeScript and a worker does not inherit the
// loader the pipeline runs under (tsx's register() API, vitest): it registers tsx itself. The
// Markdown libraries are imported before that, natively, so that their hundred-odd modules are
// not passed through the loader's hooks (about 100 ms of the worker's start).
import { parentPort, workerData } from "node:worker_threads";

await Promise.all([import("unified"), import("remark-parse"), import("remark-gfm")]);
const { register } = await import("tsx/esm/api");
register();
const { readAndParsePage } = await import("./read-and-parse-page.ts");

/** @type {{ files: string[], next: Int32Array }} */
const { files, next } = workerData;
for (;;) {
  const index = Atomics.add(next, 0, 1);
  if (index >= files.length) break;
  parentPort.postMessage({ index, outcome: readAndParsePage(files[index]) });
}
