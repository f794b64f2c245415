// Migrates one template database per test run; every test file then gets its own copy of it
// (PGlite: a copy of the template's data folder, on tmpfs when the machine has one; a server: CREATE DATABASE …
// TEMPLATE).
// It also makes a folder where the first test file that asks for the seeded demo (createTestApp({ demo: true }))
// builds a second template, the migrated database with the whole demo seeded, for the others to copy (decision 037).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEmbedded, openServer } from '../../src/platform/server/db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded: a data folder (openEmbedded's), stopped cleanly, that each file copies (tests/support/test-app.ts). */
    dbTemplate: { kind: 'embedded'; dir: string } | { kind: 'server'; url: string; template: string };
    /** Where the seeded demo template is built once, by the first file asking for it (tests/support/test-app.ts). */
    demoTemplateDir: string;
  }
}

export default async function setup(project: TestProject) {
  const demoDir = mkdtempSync(path.join(scratchDir(), 'kn-demo-template-'));
  project.provide('demoTemplateDir', demoDir);
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `kn_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const database = openServer(withDatabase(url, template));
    await database.migrate();
    await database.close();
    project.provide('dbTemplate', { kind: 'server', url, template });
    return async () => {
      // Test databases made from the template are dropped by their files; what is left of this run's (named after its
      // template: never another run's on the same server) goes here, the template last.
      const leftovers = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`${template}\\_%`],
      );
      leftovers.rows.push({ datname: template });
      for (const { datname } of leftovers.rows) await dropDatabase(admin, datname);
      await admin.end();
      rmSync(demoDir, { recursive: true, force: true });
    };
  }
  // Each file copies this folder (tests/support/test-app.ts) and opens the copy as the server opens its DATA_DIR.
  // Measured per file, copying the folder and starting PGlite on it took about a third of what loading a dumped
  // archive into PGlite's in-memory file system did (unpacking ~1,200 files through its JS file system); on tmpfs
  // the copy and the database's reads and writes stay in memory, as they did before.
  const dir = mkdtempSync(path.join(scratchDir(), 'kn-template-'));
  const templateDir = path.join(dir, 'template');
  const database = await openEmbedded(templateDir);
  await database.migrate();
  await database.close();
  project.provide('dbTemplate', { kind: 'embedded', dir: templateDir });
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(demoDir, { recursive: true, force: true });
  };
}

/** The PostgreSQL database holding the seeded demo template of a run whose migrated template is `template`. */
export function demoTemplateName(template: string) {
  return `${template}_demo`;
}

/** A new name for a test file's copy of a run's template (the run's teardown drops what its files left). */
export function copyName(template: string, id: string) {
  return `${template}_copy_${id}`;
}

/** Where embedded test databases live: tmpfs (/dev/shm) when there is one, else the temporary folder. */
export function scratchDir() {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * DROP DATABASE … WITH (FORCE) by a user that is not a superuser, again after a moment while the server refuses:
 * an autovacuum worker (a superuser's process) that has just started on the new database cannot be terminated by
 * this user (42501), and a database still held by a process closing is in use (55006). Both end on their own.
 */
export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 50 || (code !== '42501' && code !== '55006')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
