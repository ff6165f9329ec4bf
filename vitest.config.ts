import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["tcgen-source"] },
  test: {
    include: ["test/**/*.test.ts", "generated/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
