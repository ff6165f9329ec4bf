// Registered with `node --import` by prettier-main-thread.test.ts: logs every module this process
// resolves (record-imports-hooks.mjs) to the file named by TCGEN_IMPORT_LOG.
import { register } from "node:module";

register("./record-imports-hooks.mjs", import.meta.url);
