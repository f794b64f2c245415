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
  await backupDatabase(database, file);
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

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
  });
});
