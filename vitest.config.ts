import { defineConfig } from "vitest/config";

// Tests import generated packages (`@tcgen/dts/v20180330`) from their TypeScript sources through
// the `tcgen-source` export condition, so no build is needed; tsc does the same via customConditions.
const sourceConditions = ["tcgen-source"];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
  test: {
    include: ["test/**/*.test.ts", "generated/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
