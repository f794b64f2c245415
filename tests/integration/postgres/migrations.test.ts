// Migrations on a PostgreSQL server (promise 20): several app servers may start, and migrate, at the same time;
// migrating a migrated database changes nothing.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, MIGRATIONS_FOLDER, openServer } from '../../../src/platform/server/db.ts';
import { buildUser } from '../../../src/platform/server/factories.ts';
import { dropDatabase, withDatabase } from '../../support/global-setup.ts';
import { createTestDatabase } from '../../support/test-app.ts';

const SERVERS = 3;

/** What the migrations made: tables, columns, constraints, indexes, triggers and functions, in a fixed order. */
async function schemaOf(database: Database) {
  const parts = await Promise.all([
    database.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
    ),
    database.query(
      `SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
    ),
    database.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    database.query(
      `SELECT tgrelid::regclass::text AS rel, tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
    ),
    database.query(`SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`),
  ]);
  return parts;
}

async function appliedMigrations(database: Database) {
  return database.query<{ hash: string; created_at: string }>(
    'SELECT hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY id',
  );
}

describe('migrations on a PostgreSQL server', () => {
  const tpl = inject('dbTemplate');
  if (tpl.kind !== 'server') throw new Error('these tests need TEST_DATABASE_URL (a PostgreSQL server)');
  const name = `kn_test_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const pools: Database[] = [];

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close().catch(() => {})));
    const admin = new pg.Client({ connectionString: tpl.url });
    await admin.connect();
    await dropDatabase(admin, name);
    await admin.end();
  });

  it('lets several app servers migrate an empty database at once, applying each migration once', async () => {
    const admin = new pg.Client({ connectionString: tpl.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    for (let i = 0; i < SERVERS; i++) pools.push(openServer(withDatabase(tpl.url, name), { poolSize: 2 }));

    const results = await Promise.allSettled(pools.map((p) => p.migrate()));
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(pools.map(() => 'ok'));

    const [first] = pools;
    if (!first) throw new Error('no pool');
    expect(await appliedMigrations(first)).toHaveLength(journal.entries.length);
    // The result is the schema every other database gets (compared with a copy of the run's template).
    const reference = await createTestDatabase();
    try {
      expect(await schemaOf(first)).toEqual(await schemaOf(reference.database));
    } finally {
      await reference.drop();
    }
  }, 60_000);

  it('changes nothing when a migrated database is migrated again, twice', async () => {
    const { database, drop } = await createTestDatabase();
    try {
      const user = await buildUser(database.db, { role: 'employee' });
      const schema = await schemaOf(database);
      const applied = await appliedMigrations(database);
      expect(applied).toHaveLength(journal.entries.length);
      const users = await database.query('SELECT * FROM "user" ORDER BY id');
      expect(users.map((u) => u.id)).toContain(user.id);

      await database.migrate();
      await database.migrate();

      expect(await appliedMigrations(database)).toEqual(applied);
      expect(await schemaOf(database)).toEqual(schema);
      expect(await database.query('SELECT * FROM "user" ORDER BY id')).toEqual(users);
    } finally {
      await drop();
    }
  }, 30_000);
});
