import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Does nothing unless WIRECHECK_RECORD_SCENARIOS is set (npm run mutate -- --suite).
    setupFiles: ["test/mutate/record-setup.ts"],
    pool: "forks",
    // End-to-end files build real labs; two at a time matches the machine's two cores.
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
