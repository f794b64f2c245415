// Backup → restore on a PostgreSQL server (promise 23): every table comes back row for row, and a restore
// replaces what the target database held.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_MODULES } from '../../../src/app/server-modules.ts';
import { backupDatabase, restoreDatabase } from '../../../src/platform/server/backup.ts';
import type { Database } from '../../../src/platform/server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../src/platform/server/demo.ts';
import { buildUser } from '../../../src/platform/server/factories.ts';
import { createTestApp, createTestDatabase, type TestApp } from '../../support/test-app.ts';

/** Every table of the database (asked from the catalogue, not listed here) with its rows as JSON, in a fixed order. */
async function snapshot(database: Database): Promise<Map<string, string[]>> {
  const tables = await database.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const result = new Map<string, string[]>();
  for (const { name } of tables) {
    const rows = await database.query<{ j: string }>(
      `SELECT row_to_json(t)::text AS j FROM "${name}" t ORDER BY row_to_json(t)::text COLLATE "C"`,
    );
    result.set(
      name,
      rows.map((r) => r.j),
    );
  }
  return result;
}

describe('backup and restore on a PostgreSQL server', () => {
  let source: TestApp;
  let target: Awaited<ReturnType<typeof createTestDatabase>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'kn-pg-backup-'));

  beforeAll(async () => {
    source = await createTestApp();
    target = await createTestDatabase();
  });

  afterAll(async () => {
    await source?.close();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every table row for row, replacing the rows the target held', async () => {
    expect(await seedDemo(source.db, SERVER_MODULES)).toBe(true);
    const cookie = await source.signIn({ email: 'regionadmin@demo.example', password: DEMO_PASSWORD });
    const as = source.as(cookie);
    const ok = async (res: Awaited<ReturnType<typeof as>>) => {
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json() as Record<string, string>;
    };
    // Writes through the API that touch every kind of table (each also writes audit events).
    const municipality = await ok(
      await as({ method: 'POST', url: '/api/organisations', payload: { name: 'Backupköping', code: '9901' } }),
    );
    const net = await ok(
      await as({
        method: 'POST',
        url: '/api/networks',
        payload: { name: 'Backup-nätverket', kind: 'working_group', description: 'Rad "ett"\nrad två – åäö \\ 🙂' },
      }),
    );
    const invited = await ok(
      await as({
        method: 'POST',
        url: '/api/users',
        payload: {
          name: 'Bodil Backup',
          email: 'bodil.backup@test.example',
          organisationId: municipality.id,
          roles: ['manager'],
        },
      }),
    );
    await ok(await as({ method: 'PUT', url: `/api/networks/${net.id}/members/${invited.id}` }));
    await ok(await as({ method: 'GET', url: `/api/networks/${net.id}` }));
    await ok(
      await as({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'Backup-token', organisationId: municipality.id, roles: ['reporter'] },
      }),
    );
    await ok(await as({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en' } }));

    const before = await snapshot(source.database);
    for (const table of [
      'audit_event',
      'user',
      'session',
      'account',
      'user_role',
      'organisation',
      'network',
      'network_member',
      'api_token',
    ]) {
      expect(before.get(table)?.length ?? 0, `rows in ${table}`).toBeGreaterThan(0);
    }

    const file = path.join(dir, 'backup.jsonl');
    const backedUp = await backupDatabase(source.database, file);
    expect(Object.keys(backedUp).sort()).toEqual([...before.keys()].sort());
    for (const [table, rows] of before) expect(backedUp[table], table).toBe(rows.length);

    // The target holds rows of its own, which the restore must replace.
    await buildUser(target.database.db, { role: 'employee', email: 'only-in-target@test.example' });
    const restored = await restoreDatabase(target.database, file);
    expect(restored).toEqual(backedUp);

    const after = await snapshot(target.database);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [table, rows] of before) expect(after.get(table), `table ${table}`).toEqual(rows);

    // Serial columns continue after the restored rows: a new audit event gets a fresh id.
    const [maxId] = await target.database.query<{ max: string }>('SELECT max(id)::text AS max FROM audit_event');
    const [inserted] = await target.database.query<{ id: string }>(
      `INSERT INTO audit_event (action, entity_type) VALUES ('test.after_restore', 'test') RETURNING id::text AS id`,
    );
    expect(BigInt(inserted?.id ?? 0)).toBeGreaterThan(BigInt(maxId?.max ?? 0));
  }, 60_000);
});
