import { defineConfig } from "vitest/config";

const integration = "packages/*/src/**/*.int.test.ts";
const setup = "packages/server/src/test/global-setup.ts";

/**
 * Projects: `unit` (no database), `pglite` and `postgres` (the same integration files on each database),
 * `e2e` (browser journeys against a real server process). `npm test` runs them all.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { test: { name: "unit", include: ["packages/*/src/**/*.test.ts"], exclude: [integration, "**/node_modules/**"] } },
      { test: { name: "pglite", include: [integration], env: { TEST_DB: "pglite" }, globalSetup: [setup], testTimeout: 120_000 } },
      { test: { name: "postgres", include: [integration], env: { TEST_DB: "postgres" }, globalSetup: [setup], testTimeout: 120_000 } },
      { test: { name: "e2e", include: ["e2e/**/*.e2e.test.ts"], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
