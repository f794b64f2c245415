// One PostgreSQL dialect everywhere: the embedded PGlite (data in a local folder) by default,
// or a pooled connection to a real server when DATABASE_URL is given.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { MIGRATIONS_FOLDER } from './paths.ts';

export { MIGRATIONS_FOLDER };

/** The Drizzle handle every service receives. Both drivers share the PostgreSQL query builder. */
export type Db = NodePgDatabase<Record<string, never>>;

export type Database = {
  db: Db;
  kind: 'embedded' | 'server';
  /** Runs one SQL statement with parameters and returns its rows (for tooling: backup, health). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /** Embedded only: the whole data folder as a compressed archive (test templates). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
};

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** Contrib extensions the migrations create (the catalogue's search: trigrams, accent folding, edit distance). */
const PGLITE_EXTENSIONS = { pg_trgm, unaccent, fuzzystrmatch };

/** Opens the embedded database in `dataDir/pgdata`, refusing when another live process holds the folder. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const client = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata'), extensions: PGLITE_EXTENSIONS });
    await client.exec(`SET random_page_cost = ${RANDOM_PAGE_COST}`);
    return wrapPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}

/** An embedded database held in memory, optionally loaded from a dumped data folder (tests). */
export async function openInMemory(loadDataDir?: Blob | File): Promise<Database> {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS, ...(loadDataDir ? { loadDataDir } : {}) });
  await client.exec(`SET random_page_cost = ${RANDOM_PAGE_COST}`);
  return wrapPglite(client, () => {});
}

/** See openServer: the planner's cost of a random page read, for data on SSDs or (embedded) in memory. */
const RANDOM_PAGE_COST = 1.1;

export function wrapPglite(client: PGlite, release: () => void): Database {
  const db = drizzlePglite({ client, casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'embedded',
    async query<T>(text: string, params: unknown[] = []) {
      const res = await client.query<T>(text, params);
      return res.rows;
    },
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async ping() {
      await client.query('SELECT 1');
    },
    async dump() {
      return client.dumpDataDir('gzip');
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

export type ServerDbOptions = { poolSize?: number; connectTimeoutMs?: number; statementTimeoutMs?: number };

/** A pooled connection to a PostgreSQL server. Failing connections surface within the timeouts (→ 503). */
export function openServer(url: string, opts: ServerDbOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 1500,
    idleTimeoutMillis: 30_000,
    // 0 = none (backup, restore, migrate from the CLI).
    query_timeout: opts.statementTimeoutMs === 0 ? undefined : (opts.statementTimeoutMs ?? 15_000),
    keepAlive: true,
    // The planner's default cost of a random page read (4) is tuned for spinning disks and keeps it from using the
    // catalogue's full-text index for common words; 1.1 is the usual setting for SSDs and data in memory.
    options: `-c random_page_cost=${RANDOM_PAGE_COST}`,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, casing: 'snake_case' }) as Db;
  return {
    db,
    kind: 'server',
    async query<T>(text: string, params: unknown[] = []) {
      const res = await pool.query(text, params);
      return res.rows as T[];
    },
    async migrate() {
      // Several app servers may start at once: one migrates while the others wait on the lock.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(4711001)');
        try {
          await migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('SELECT pg_advisory_unlock(4711001)');
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * PGlite is single-process: two servers on one folder would corrupt it. A lock file holds the owner's pid;
 * a lock left by a process that no longer runs (after kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'kompetensnav.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another Kompetensnav process (pid ${pid}). ` +
            'Stop that process first, or start this one with another DATA_DIR.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection timeout|Client has encountered a connection error|PGlite is closed/i;

/** True when the error, or one it wraps (Drizzle and better-auth wrap driver errors), means the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** The PostgreSQL SQLSTATE of an error or of one it wraps (Drizzle wraps driver errors). */
export function databaseErrorCode(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * What may be logged of an error: its type, code and message without query parameters
 * (Drizzle puts the parameters — e-mails, session tokens — into its messages).
 */
export function loggableError(err: unknown): { type: string; code?: string; message: string; cause?: unknown } {
  const e = err as { name?: string; code?: unknown; message?: unknown; cause?: unknown; stack?: string } | null;
  const message = String(e?.message ?? err).replace(/\nparams:[\s\S]*$/, '\nparams: [hidden]');
  return {
    type: e?.name ?? typeof err,
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    message,
    ...(e?.cause ? { cause: loggableError(e.cause) } : {}),
  };
}

/** Runs `fn` in one transaction: a change and its audit event are written together or not at all. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}
