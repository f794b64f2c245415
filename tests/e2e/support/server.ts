// A journey file's server: the real `kompetensnav start` on its own copy of the run's seeded demo database, serving
// the run's build of the web app (both made once in global-setup.ts).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type RunningServer, spawnServer } from './server-process.ts';

export type { RunningServer };

export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kn-e2e-'));
  cpSync(inject('e2eDemoDataDir'), dataDir, { recursive: true });
  let server: RunningServer;
  try {
    server = await spawnServer({ dataDir, webDistDir: inject('e2eWebDistDir') });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...server,
    async stop() {
      // The copy is removed next: nothing to close cleanly.
      await server.stop('kill');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
