// The print phase's worker thread (generator/print/format-pool.ts starts it).
// Plain JavaScript so that it starts the same under tsx, vitest and a built tcgen: it only needs
// prettier. It formats one file per message with the options the pool hands it.
import { parentPort, workerData } from "node:worker_threads";
import { format } from "prettier";

const options = workerData.prettierOptions;

parentPort.on("message", async ({ id, fileName, content }) => {
  try {
    const formatted = await format(content, { ...options, filepath: fileName });
    parentPort.postMessage({ id, formatted });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
