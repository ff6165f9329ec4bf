// Module resolution hooks (see record-imports.mjs): one JSON line per resolved module, with the
// module that imported it.
import { appendFileSync } from "node:fs";
import process from "node:process";

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const log = process.env.TCGEN_IMPORT_LOG;
  if (log !== undefined) {
    appendFileSync(log, `${JSON.stringify({ url: result.url, parent: context.parentURL })}\n`);
  }
  return result;
}
