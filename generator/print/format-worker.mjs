// The print phase's worker thread (generator/print/format-pool.ts starts it).
// Plain JavaScript so that it starts the same under tsx, vitest and a built tcgen: it only needs
// prettier. It formats one file per message with the options the pool hands it.
import { parentPort, workerData } from "node:worker_threads";
import { format } from "prettier";

const options = workerData.prettierOptions;

// Loaded and warmed while the pipeline is still parsing (the pool starts with the run): the
// first real file then formats at full speed instead of paying for the parser plugin's loading
// and prettier's first, unoptimised calls.
const warmed = format("export const warm = { a: [1] };\n", {
  ...options,
  filepath: "warm.ts",
}).catch(() => undefined);

parentPort.on("message", async ({ id, fileName, content }) => {
  await warmed;
  try {
    const formatted = await format(content, { ...options, filepath: fileName });
    parentPort.postMessage({ id, formatted });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
