// Once per `npm run test:e2e`, before any journey file: builds the server bundle, builds the web app into this run's
// own temporary folder, and seeds one demo database that every journey file's server starts from a copy of.
// Nothing is written to dist/web, so two runs in one tree (or a `npm start` beside them) cannot clobber each other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runQuiet, spawnServer } from './server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's build of the web app (WEB_DIST_DIR of every server). */
    e2eWebDistDir: string;
    /** A data folder with the migrated, seeded demo, stopped cleanly: each server starts on its own copy. */
    e2eDemoDataDir: string;
  }
}

function elapsed(since: number) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

export default async function setup(project: TestProject) {
  const runDir = mkdtempSync(path.join(tmpdir(), 'kn-e2e-run-'));
  const webDistDir = path.join(runDir, 'web');
  const demoDataDir = path.join(runDir, 'demo-data');
  const cleanUp = () => rmSync(runDir, { recursive: true, force: true });
  try {
    // The server bundle (dist/server) is rebuilt by bin/kompetensnav.mjs when sources are newer: once, here, rather
    // than racing in every journey file's server.
    let started = Date.now();
    await runQuiet(process.execPath, ['bin/kompetensnav.mjs', 'help']);
    console.log(`e2e setup: server bundle ready in ${elapsed(started)}`);

    // The web app (with the project's vite.config.ts, whatever its root) and the demo database, side by side.
    started = Date.now();
    const web = runQuiet('npx', ['vite', 'build', '--outDir', webDistDir, '--emptyOutDir', '--logLevel', 'warn']).then(
      () => console.log(`e2e setup: web app built into ${webDistDir} in ${elapsed(started)}`),
    );
    const demo = spawnServer({ dataDir: demoDataDir, webDistDir })
      .then((server) => server.stop())
      .then(() => console.log(`e2e setup: demo database seeded in ${elapsed(started)}`));
    // Both finish before anything is removed, even when one fails.
    const failed = (await Promise.allSettled([web, demo])).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    cleanUp();
    throw error;
  }
  project.provide('e2eWebDistDir', webDistDir);
  project.provide('e2eDemoDataDir', demoDataDir);
  return cleanUp;
}
