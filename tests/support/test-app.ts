// A fresh app on a fresh database (copied from the migrated template) for one test file.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { SERVER_MODULES } from '../../src/app/server-modules.ts';
import { type App, buildApp } from '../../src/platform/server/app.ts';
import { type Config, loadConfig } from '../../src/platform/server/config.ts';
import { type Database, openInMemory, openServer } from '../../src/platform/server/db.ts';
import { withDatabase } from './global-setup.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

/** A database of its own for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'embedded') {
    const database = await openInMemory(new Blob([readFileSync(tpl.file)]));
    return { database, drop: () => database.close() };
  }
  const name = `kn_test_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const admin = new pg.Client({ connectionString: tpl.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl.template}`);
  await admin.end();
  const database = openServer(withDatabase(tpl.url, name));
  return {
    database,
    async drop() {
      await database.close();
      const again = new pg.Client({ connectionString: tpl.url });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
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

export async function createTestApp(opts: { config?: Config } = {}) {
  const { database, drop } = await createTestDatabase();
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
