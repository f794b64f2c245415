// A backup file that was cut short or altered is refused before anything in the database is replaced.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-app.ts';
import { BackupFormatError, backupDatabase, restoreDatabase } from './backup.ts';
import type { Database } from './db.ts';
import { buildUser } from './factories.ts';

let database: Database;
let drop: () => Promise<void>;
const dir = mkdtempSync(path.join(tmpdir(), 'kn-backup-'));
const file = path.join(dir, 'backup.jsonl');

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await database.migrate();
  for (let i = 0; i < 3; i++) await buildUser(database.db);
  // A table with generated columns and triggers (the catalogue's search vectors, word list and revision).
  await database.query(
    `INSERT INTO training_item (title, provider, url, url_key, length_minutes, format, language, status, search_text)
     VALUES ('Demens i vardagen', 'Leverantör (demo)', 'https://example.org/d', 'example.org/d', 30, 'video', 'sv',
             'approved', 'Demens i vardagen Leverantör (demo)')`,
  );
  before = await catalogueRows();
  await backupDatabase(database, file);
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

/** The catalogue's rows, generated columns and trigger-kept tables included, as text. */
const catalogueRows = async () =>
  Promise.all(
    ['training_item', 'training_search_word', 'training_catalogue_revision'].map(async (t) =>
      (await database.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM "${t}" x ORDER BY 1`)).map(
        (r) => r.j,
      ),
    ),
  );
let before: string[][] = [];

const userCount = async () => (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM "user"'))[0]?.n;

describe('restore checks the whole file first', () => {
  it('ends the file with the row counts and leaves no partial file behind', () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ end: true, counts: { user: 3 } });
    expect(() => readFileSync(`${file}.partial`)).toThrow();
  });

  it('refuses a backup that was cut short, and changes nothing', async () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const cut = path.join(dir, 'cut.jsonl');
    writeFileSync(cut, `${lines.slice(0, -3).join('\n')}\n`);
    await expect(restoreDatabase(database, cut)).rejects.toThrow(BackupFormatError);
    await expect(restoreDatabase(database, cut)).rejects.toThrow(/incomplete/);
    expect(await userCount()).toBe(3);
  });

  it('refuses a backup whose rows do not match its recorded counts', async () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const userLine = lines.findIndex((l) => l.startsWith('{"t":"user"'));
    const altered = path.join(dir, 'altered.jsonl');
    writeFileSync(altered, `${lines.filter((_, i) => i !== userLine).join('\n')}\n`);
    await expect(restoreDatabase(database, altered)).rejects.toThrow(/different number of rows/);
    expect(await userCount()).toBe(3);
  });

  it('restores the intact file', async () => {
    await buildUser(database.db);
    expect(await userCount()).toBe(4);
    await restoreDatabase(database, file);
    expect(await userCount()).toBe(3);
    // Generated columns are computed again and triggers add nothing: every catalogue row is as it was.
    expect(before[0]).toHaveLength(1);
    expect(before[1]?.length).toBeGreaterThan(2);
    expect(await catalogueRows()).toEqual(before);
    // The triggers work again after the restore.
    await database.query(`UPDATE training_item SET title = 'Demens', search_text = 'Demenssjukdom'`);
    const [revision] = await database.query<{ revision: number }>('SELECT revision FROM training_catalogue_revision');
    expect(JSON.parse(before[2]?.[0] ?? '{}').revision).toBeLessThan(Number(revision?.revision));
    expect(await database.query(`SELECT 1 FROM training_search_word WHERE word = 'demenssjukdom'`)).toHaveLength(1);
  });
});
