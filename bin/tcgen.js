#!/usr/bin/env node
/**
 * The `tcgen` command (package.json "bin"; `npx tcgen ...` in the repository, or wherever tcgen is
 * installed or linked). tcgen is written in TypeScript and runs from its sources: this launcher
 * registers tsx's loader in this process and imports the CLI, so stdout carries only what the
 * command prints (no npm banner) and the exit code is the command's own.
 *
 * tsx is resolved from this file's folder, i.e. tcgen's own node_modules: run `npm ci` in the
 * tcgen checkout once; `npm install /path/to/tcgen` or `npm link` then use that checkout.
 */
import process from "node:process";

let register;
try {
  ({ register } = await import("tsx/esm/api"));
} catch {
  process.stderr.write(
    "tcgen: cannot load tsx, which runs tcgen's TypeScript sources; run `npm ci` in the tcgen folder.\n",
  );
  process.exit(2);
}
register();
await import("../generator/cli/main.ts");
