// A fresh app on a fresh database (copied from the migrated template) for one test file.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { SERVER_MODULES } from '../../src/app/server-modules.ts';
import { type App, buildApp } from '../../src/platform/server/app.ts';
import { type Config, loadConfig } from '../../src/platform/server/config.ts';
import { type Database, openEmbedded, openServer } from '../../src/platform/server/db.ts';
import { seedDemo } from '../../src/platform/server/demo.ts';
import { copyName, demoTemplateName, dropDatabase, withDatabase } from './global-setup.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

/** A database of its own for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const tpl = inject('dbTemplate');
  return copyOf(tpl.kind === 'embedded' ? { kind: 'embedded', dir: tpl.dir } : { kind: 'server', name: tpl.template });
}

type Source = { kind: 'embedded'; dir: string } | { kind: 'server'; name: string };

/** A new database copied from a template: a stopped PGlite data folder, or a PostgreSQL database. */
async function copyOf(source: Source): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (source.kind === 'embedded') {
    // Beside its template, so the run's teardown removes what a file that did not end cleanly left.
    const dir = copyDataDir(source.dir);
    const database = await openEmbedded(dir);
    return {
      database,
      async drop() {
        try {
          await database.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  }
  const tpl = inject('dbTemplate');
  if (tpl.kind !== 'server') throw new Error('a server template on an embedded run');
  const name = copyName(tpl.template, randomUUID().replace(/-/g, '').slice(0, 16));
  await adminQuery(tpl.url, `CREATE DATABASE ${name} TEMPLATE ${source.name}`);
  const database = openServer(withDatabase(tpl.url, name));
  return {
    database,
    async drop() {
      await database.close();
      const admin = new pg.Client({ connectionString: tpl.url });
      await admin.connect();
      try {
        await dropDatabase(admin, name);
      } finally {
        await admin.end();
      }
    },
  };
}

/** A copy of a stopped embedded data folder, in a new folder beside it. */
function copyDataDir(template: string) {
  const dir = mkdtempSync(`${template}-copy-`);
  cpSync(template, dir, { recursive: true });
  return dir;
}

async function adminQuery(url: string, statement: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A database of its own with the whole demo seeded (seedDemo with every server module), copied from a seeded
 * template that the first file asking for it builds once per test run (decision 037): seeding the demo takes seconds,
 * copying it a fraction of that. The other files wait for it (a lock folder says who builds it). The demo is placed
 * relative to its "now"; a template seeded on another day (a run crossing midnight) or long ago is not used: the
 * file then seeds its own copy, as a fresh seed would be.
 */
export async function createDemoDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const dir = inject('demoTemplateDir');
  const ready = path.join(dir, 'ready.json');
  const failed = path.join(dir, 'failed.txt');
  const heartbeat = path.join(dir, 'lock', 'heartbeat');
  if (mkdirOnce(path.join(dir, 'lock'))) {
    // The waiting files watch this file: a builder that stops beating (its process ended with the template
    // unfinished) leaves them to seed their own copies rather than wait for nothing.
    const beat = () => writeFileSync(heartbeat, String(Date.now()));
    beat();
    const timer = setInterval(beat, 1000);
    try {
      writeFileSync(ready, JSON.stringify(await buildDemoTemplate(dir)));
    } catch (error) {
      writeFileSync(failed, String((error as Error)?.stack ?? error));
      throw error;
    } finally {
      clearInterval(timer);
    }
  }
  while (!existsSync(ready)) {
    if (existsSync(failed)) throw new Error(`building the demo template failed:\n${readFileSync(failed, 'utf8')}`);
    const last = existsSync(heartbeat) ? Number(readFileSync(heartbeat, 'utf8')) || 0 : Date.now();
    if (Date.now() - last > DEMO_TEMPLATE_STALE_MS && !existsSync(ready)) return seededHere();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const built = JSON.parse(readFileSync(ready, 'utf8')) as { source: Source; seededAt: string };
  if (!sameDemoNow(new Date(built.seededAt), new Date())) return seededHere();
  return copyOf(built.source);
}

/**
 * The beforeAll timeout of a file that calls createTestApp({ demo: true }): the first such file seeds the demo for
 * all, and the others wait for it, so on a loaded machine their hooks take a seed's time and more.
 */
export const DEMO_HOOK_TIMEOUT_MS = 180_000;
/** A builder silent this long has gone (it beats every second; a seeding query may hold its event loop a while). */
const DEMO_TEMPLATE_STALE_MS = 30_000;
/** The demo's dates are whole days from its "now" (or hours back): a template is used on its own day only. */
const DEMO_TEMPLATE_MAX_AGE_MS = 30 * 60_000;

function sameDemoNow(seededAt: Date, now: Date) {
  const stockholmDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  return (
    now.getTime() - seededAt.getTime() < DEMO_TEMPLATE_MAX_AGE_MS &&
    seededAt.toISOString().slice(0, 10) === now.toISOString().slice(0, 10) &&
    stockholmDay(seededAt) === stockholmDay(now)
  );
}

function mkdirOnce(lock: string) {
  try {
    mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** A copy of the migrated template with the demo seeded into it (seedDemo must seed: the database is empty). */
async function seededHere() {
  const copy = await createTestDatabase();
  if (!(await seedDemo(copy.database.db, SERVER_MODULES))) throw new Error('seedDemo seeded nothing');
  return copy;
}

async function buildDemoTemplate(dir: string): Promise<{ source: Source; seededAt: string }> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'embedded') {
    // A data folder of its own (not a copy, which its file removes), stopped once seeded: the files copy it.
    const seededAt = new Date().toISOString();
    const demoDir = path.join(dir, 'demo');
    cpSync(tpl.dir, demoDir, { recursive: true });
    const database = await openEmbedded(demoDir);
    try {
      if (!(await seedDemo(database.db, SERVER_MODULES))) throw new Error('seedDemo seeded nothing');
    } finally {
      await database.close();
    }
    return { source: { kind: 'embedded', dir: demoDir }, seededAt };
  }
  // A database of its own (not a copy, which its file drops), without connections once seeded: PostgreSQL
  // copies a template only when nobody is connected to it. global-setup.ts drops it at the end of the run.
  const name = demoTemplateName(tpl.template);
  await adminQuery(tpl.url, `CREATE DATABASE ${name} TEMPLATE ${tpl.template}`);
  const seededAt = new Date().toISOString();
  const database = openServer(withDatabase(tpl.url, name));
  try {
    if (!(await seedDemo(database.db, SERVER_MODULES))) throw new Error('seedDemo seeded nothing');
  } finally {
    await database.close();
  }
  return { source: { kind: 'server', name }, seededAt };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789',
    PUBLIC_URL: TEST_ORIGIN,
    DATA_DIR: '/nonexistent-test-data-dir',
    LOG_LEVEL: 'silent',
    // Tests write through factories behind the app's back: no caching unless a test asks for it.
    CACHE_SECONDS: '0',
    JOBS: 'off',
    ...overrides,
  });
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * A fresh app on a fresh database. `demo: true`: the database has the whole demo seeded (as `seedDemo` with every
 * server module leaves it), copied from this run's seeded demo template (createDemoDatabase).
 */
export async function createTestApp(opts: { config?: Config; demo?: boolean } = {}) {
  const { database, drop } = opts.demo ? await createDemoDatabase() : await createTestDatabase();
  const config = opts.config ?? testConfig();
  const app: App = await buildApp({ config, database, modules: SERVER_MODULES, logger: false, serveWeb: false });
  await app.ready();

  /** Signs in through better-auth and returns the session cookie. */
  async function signIn(user: { email: string; password: string | null }, ip = '127.0.0.1'): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: user.email, password: user.password },
      remoteAddress: ip,
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return sessionCookie(res);
  }

  /** inject() as a signed-in browser: cookie and same-origin header set. */
  function as(cookie: string | null) {
    return (options: InjectOptions) =>
      app.inject({
        ...options,
        headers: { origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}), ...(options.headers ?? {}) },
      });
  }

  return {
    app,
    database,
    db: database.db,
    config,
    mailer: app.deps.mailer,
    signIn,
    as,
    async close() {
      await app.close();
      await drop();
    },
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name.endsWith('session_token'));
  if (!cookie) throw new Error('no session cookie in the response');
  return `${cookie.name}=${cookie.value}`;
}

/** The link in the last mail sent to an address (the log transport keeps recent mails). */
export function lastLinkTo(mailer: { recent: { to: string; text: string }[] }, to: string): URL {
  const mail = [...mailer.recent].reverse().find((m) => m.to === to);
  const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no mail with a link to ${to}`);
  return new URL(link);
}
