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
      // Projects do not inherit the root timeouts. Opening a database and a tenant takes ~1 s on a quiet machine but
      // can take well over the 10 s default hook budget on a loaded 2-core one, so hooks get the tests' budget.
      {
        test: {
          name: "pglite",
          include: [integration],
          env: { TEST_DB: "pglite" },
          globalSetup: [setup],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "postgres",
          include: [integration],
          env: { TEST_DB: "postgres" },
          globalSetup: [setup],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: "e2e", include: ["e2e/**/*.e2e.test.ts"], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
