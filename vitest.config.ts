import { configDefaults, defineConfig } from 'vitest/config';

// Unit and integration tests (Node only). Browser journeys have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    // Tests that need a real PostgreSQL server have their own config (vitest.postgres.config.ts).
    exclude: [...configDefaults.exclude, 'tests/integration/postgres/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
