// Backup and restore of every table, for the embedded database and a server alike.
// The file is JSON lines: a header, then one line per row. A restore replaces all rows in one transaction.

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Database, Db } from './db.ts';
import { MIGRATIONS_FOLDER } from './db.ts';

const FORMAT = 'kompetensnav-backup';
const BATCH = 500;

type Header = { format: string; version: 1; createdAt: string; migration: string; tables: string[] };

async function journalTags(): Promise<string[]> {
  const journal = JSON.parse(await readFile(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

async function latestMigration(): Promise<string> {
  return (await journalTags()).at(-1) ?? 'none';
}

/** The last migration applied to this database (not the code's latest: a backup is taken before upgrading). */
async function appliedMigration(database: Database): Promise<string> {
  const [row] = await database
    .query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')
    .catch(() => [{ n: 0 }]);
  const n = row?.n ?? 0;
  return n === 0 ? 'none' : ((await journalTags())[n - 1] ?? `unknown-${n}`);
}

/** The application's tables, parents before children (by foreign keys). */
export async function tablesInOrder(database: Database): Promise<string[]> {
  const tables = (
    await database.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    )
  ).map((r) => r.name);
  const edges = await database.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) {
    if (unquote(e.child) !== unquote(e.parent)) parents.get(unquote(e.child))?.add(unquote(e.parent));
  }
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t)) return;
    // A cycle of foreign keys between tables has no order to restore them in: refuse it here, where a test or the
    // operator's backup meets it, rather than in a restore that stops half-way.
    if (seen.has(t)) throw new Error(`The tables' foreign keys form a cycle through "${t}": no restore order exists.`);
    seen.add(t);
    for (const p of parents.get(t) ?? []) visit(p, seen);
    seen.delete(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/**
 * Writes to `FILE.partial`, ends with a line of per-table counts, flushes, then renames into place: a backup cut
 * short never looks complete, and an earlier backup of the same name survives a failed one.
 */
export async function backupDatabase(database: Database, file: string): Promise<Record<string, number>> {
  const tables = await tablesInOrder(database);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  const header: Header = {
    format: FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    migration: await appliedMigration(database),
    tables,
  };
  await write(JSON.stringify(header));
  const counts: Record<string, number> = {};
  // One snapshot for all tables, so the backup is consistent while the server keeps writing.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    for (const table of tables) {
      const res = (await tx.execute(
        sql`SELECT row_to_json(t)::text AS j FROM ${sql.identifier(table)} t`,
      )) as unknown as { rows: { j: string }[] };
      counts[table] = res.rows.length;
      for (const r of res.rows) await write(`{"t":${JSON.stringify(table)},"r":${r.j}}`);
    }
  });
  await write(JSON.stringify({ end: true, counts }));
  out.end();
  await once(out, 'finish');
  const fd = await open(partial, 'r+');
  await fd.sync();
  await fd.close();
  await rename(partial, file);
  return counts;
}

export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

function parseLine<T>(line: string): T | undefined {
  try {
    return JSON.parse(line) as T;
  } catch {
    return undefined;
  }
}

/** Reads and checks the whole file first; only then are the tables replaced, in one transaction. */
export async function restoreDatabase(database: Database, file: string): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let header: Header | undefined;
  const rows = new Map<string, unknown[]>();
  let lineNo = 0;
  let ending: Record<string, number> | undefined;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    if (!header) {
      header = parseLine<Header>(line);
      if (header?.format !== FORMAT || header.version !== 1) {
        throw new BackupFormatError(`${file} is not a Kompetensnav backup.`);
      }
      continue;
    }
    const parsed = parseLine<{ t?: unknown; r?: unknown; end?: unknown; counts?: Record<string, number> }>(line);
    if (ending) throw new BackupFormatError(`${file} is damaged: rows after its last line (line ${lineNo}).`);
    if (parsed?.end === true) {
      ending = parsed.counts ?? {};
      continue;
    }
    if (typeof parsed?.t !== 'string' || typeof parsed.r !== 'object' || parsed.r === null) {
      throw new BackupFormatError(`${file} is damaged at line ${lineNo}.`);
    }
    const t = parsed.t;
    const r = parsed.r;
    const list = rows.get(t);
    if (list) list.push(r);
    else rows.set(t, [r]);
  }
  if (!header) throw new BackupFormatError(`${file} is empty.`);
  if (!ending) throw new BackupFormatError(`${file} is incomplete: it has no closing line (the backup was cut short).`);
  for (const table of new Set([...Object.keys(ending), ...rows.keys()])) {
    if ((ending[table] ?? 0) !== (rows.get(table)?.length ?? 0)) {
      throw new BackupFormatError(
        `${file} is damaged: the table ${table} has a different number of rows than recorded.`,
      );
    }
  }
  const migration = await latestMigration();
  if (header.migration !== migration) {
    throw new BackupFormatError(
      `The backup was made at migration ${header.migration}, this version is at ${migration}. Restore it with the version that made it, then upgrade.`,
    );
  }
  const tables = await tablesInOrder(database);
  const unknown = [...rows.keys()].filter((t) => !tables.includes(t));
  if (unknown.length) throw new BackupFormatError(`The backup has tables this database lacks: ${unknown.join(', ')}`);

  const counts: Record<string, number> = {};
  await database.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.execute(sql.raw(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`));
    // The rows come back exactly as they were: the tables' own triggers (a search word list, a catalogue revision,
    // append-only guards) would add to or change them. ALTER TABLE is transactional: a failed restore keeps them.
    for (const table of tables) await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} DISABLE TRIGGER USER`);
    for (const table of tables) {
      const list = rows.get(table) ?? [];
      counts[table] = list.length;
      // Generated columns (the search vectors) are computed again by the database, never inserted.
      const columns = sql.join(
        (await storedColumns(tx, table)).map((c) => sql.identifier(c)),
        sql`, `,
      );
      for (let i = 0; i < list.length; i += BATCH) {
        const json = JSON.stringify(list.slice(i, i + BATCH));
        await tx.execute(
          sql`INSERT INTO ${sql.identifier(table)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${json}::json)`,
        );
      }
      await resetSequences(tx, table);
    }
    for (const table of tables) await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} ENABLE TRIGGER USER`);
  });
  return counts;
}

/** A table's columns that hold values (not generated), in their order. */
async function storedColumns(tx: Db, table: string): Promise<string[]> {
  const res = (await tx.execute(
    sql`SELECT a.attname AS col FROM pg_attribute a
         WHERE a.attrelid = ${`"${table}"`}::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
         ORDER BY a.attnum`,
  )) as unknown as { rows: { col: string }[] };
  return res.rows.map((r) => r.col);
}

/** After rows with explicit ids are inserted, serial columns must continue after the largest id. */
async function resetSequences(tx: Db, table: string) {
  const res = (await tx.execute(
    sql`SELECT a.attname AS col, pg_get_serial_sequence(${`"${table}"`}, a.attname) AS seq
          FROM pg_attribute a WHERE a.attrelid = ${`"${table}"`}::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
  )) as unknown as { rows: { col: string; seq: string | null }[] };
  for (const { col, seq } of res.rows) {
    if (!seq) continue;
    await tx.execute(
      sql.raw(
        `SELECT setval('${seq.replace(/'/g, "''")}', coalesce((SELECT max("${col}") FROM "${table}"), 0) + 1, false)`,
      ),
    );
  }
}
