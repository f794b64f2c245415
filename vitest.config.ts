import { configDefaults, defineConfig } from 'vitest/config';

// Unit and integration tests (Node only). Browser journeys have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    // Tests that need a real PostgreSQL server have their own config (vitest.postgres.config.ts).
    exclude: [...configDefaults.exclude, 'tests/integration/postgres/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    // Both cores: a test file is one process with its own in-memory database, so two run side by side without
    // sharing anything (vitest's default would be the cores minus one: a single worker on CI's 2-core machine).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
