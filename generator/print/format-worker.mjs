// The print phase's worker thread (generator/print/format-pool.ts starts it).
// Plain JavaScript so that it starts the same under tsx, vitest and a built tcgen: it only needs
// prettier. It formats one file per message with the options the pool hands it, trying the file
// names the pool gives in order (prettier-options.ts, prettierFileNames); the last is the file's
// own name, whose error is the one reported when none formats.
import { parentPort, workerData } from "node:worker_threads";
import { format } from "prettier";

const options = workerData.prettierOptions;

// Loaded and warmed while the pipeline is still parsing (the pool starts with the run): the
// first real file then formats at full speed instead of paying for the parser plugin's loading
// and prettier's first, unoptimised calls.
const warmed = format("export const warm = { a: [1] };\n", {
  ...options,
  filepath: "warm.tsx",
}).catch(() => undefined);

async function formatFirst(content, fileNames) {
  for (const filepath of fileNames.slice(0, -1)) {
    try {
      return await format(content, { ...options, filepath });
    } catch {
      // formatted under the next name
    }
  }
  return format(content, { ...options, filepath: fileNames.at(-1) });
}

parentPort.on("message", async ({ id, fileNames, content }) => {
  await warmed;
  try {
    parentPort.postMessage({ id, formatted: await formatFirst(content, fileNames) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
