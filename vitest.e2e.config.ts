import { defineConfig } from 'vitest/config';

// Browser journeys: a real server process on its own embedded database, driven through Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 240_000,
    retry: 0,
  },
});
