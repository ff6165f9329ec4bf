import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { sourceAliases } from "./generator/emit/package/workspace-source.js";

// Tests import generated packages (`@tcgen/dts/v20180330`) from their TypeScript sources, so no
// build is needed; tsc does the same through tsconfig.json `paths` (workspace-source.ts).
const generated = fileURLToPath(new URL("./generated", import.meta.url));

export default defineConfig({
  resolve: { alias: sourceAliases(generated) },
  test: {
    include: ["test/**/*.test.ts", "generated/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
