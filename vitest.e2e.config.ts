import { defineConfig } from 'vitest/config';

// Browser journeys: real server processes driven through Debian's Chromium. The global setup builds the server
// bundle and the web app (into this run's own temporary folder) and seeds one demo database, once per run; each
// journey file then starts one server on its own copy of that database (tests/e2e/support/journey.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    pool: 'forks',
    // Each journey file has its own server on its own copy of the demo database and its own Chromium, so two files
    // run side by side without sharing anything (E2E_WORKERS=1 runs them one at a time).
    fileParallelism: true,
    maxWorkers: Number(process.env.E2E_WORKERS ?? 2),
    testTimeout: 90_000,
    hookTimeout: 240_000,
    // expect.poll gives up after 1 s by default: too soon for a save on a loaded machine, and waiting longer costs
    // nothing when the answer comes sooner (it polls every 50 ms).
    expect: { poll: { timeout: 10_000 } },
    retry: 0,
  },
});
