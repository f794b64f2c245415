import { defineConfig } from 'vitest/config';

// Tests that need a real PostgreSQL server (tests/integration/postgres): run only with TEST_DATABASE_URL set,
// e.g. TEST_DATABASE_URL=postgres://kompetensnav:kompetensnav@127.0.0.1:5432/postgres (scripts/ensure-postgres.sh).
if (!process.env.TEST_DATABASE_URL) {
  throw new Error(
    'vitest.postgres.config.ts needs TEST_DATABASE_URL (a PostgreSQL server; run scripts/ensure-postgres.sh, then ' +
      'TEST_DATABASE_URL=postgres://kompetensnav:kompetensnav@127.0.0.1:5432/postgres).',
  );
}

export default defineConfig({
  test: {
    include: ['tests/integration/postgres/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
