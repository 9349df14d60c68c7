import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests live beside the code (lib/**/*.test.ts); integration tests in tests/integration use the real
// PostgreSQL and anvil that tests/setup/global-setup.ts starts once for the run.
// scripts/check-test-exit-codes.ts sets BREAKGLASS_EXIT_FIXTURE to run a fixture that passes or fails on
// purpose through both projects and their global setups, and checks the runner's exit code.
const exitFixture = process.env.BREAKGLASS_EXIT_FIXTURE ? ["tests/exit-code/*.fixture.ts"] : [];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: exitFixture.length ? exitFixture : ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: exitFixture.length ? exitFixture : ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/integration-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
