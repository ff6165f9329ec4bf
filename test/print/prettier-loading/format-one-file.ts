/**
 * Run in a fresh process by prettier-main-thread.test.ts: formats one file with the given number
 * of print threads and prints the result as JSON.
 *   node --import tsx --import ./record-imports.mjs format-one-file.ts THREADS
 */
import { createTextFormatter } from "../../../generator/print/format-pool.js";

const formatter = createTextFormatter(Number(process.argv[2]));
try {
  const formatted = await formatter.format("example.ts", "const  answer={a:1}");
  process.stdout.write(`${JSON.stringify({ threads: formatter.threads, formatted })}\n`);
} finally {
  await formatter.close();
}
