// The database going away (promise 22): requests fail fast with 503 and the app recovers by itself when the
// server returns. The app reaches PostgreSQL through a TCP proxy of this test, which we close and reopen.
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SERVER_MODULES } from '../../../src/app/server-modules.ts';
import { type App, buildApp } from '../../../src/platform/server/app.ts';
import { type Database, openServer } from '../../../src/platform/server/db.ts';
import { buildUser, TEST_PASSWORD } from '../../../src/platform/server/factories.ts';
import { dropDatabase, withDatabase } from '../../support/global-setup.ts';
import { sessionCookie, TEST_ORIGIN, testConfig } from '../../support/test-app.ts';

/** A TCP proxy on 127.0.0.1 that can be taken down (listener closed, every connection cut) and brought back. */
class TcpProxy {
  port = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async up() {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  async down() {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }
}

describe('the database going away and coming back', () => {
  const tpl = inject('dbTemplate');
  if (tpl.kind !== 'server') throw new Error('these tests need TEST_DATABASE_URL (a PostgreSQL server)');
  const target = new URL(tpl.url);
  const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  const name = `kn_test_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  let database: Database;
  let app: App;
  let cookie = '';

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: tpl.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl.template}`);
    await admin.end();
    await proxy.up();
    const viaProxy = new URL(withDatabase(tpl.url, name));
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    database = openServer(viaProxy.toString());
    app = await buildApp({ config: testConfig(), database, modules: SERVER_MODULES, logger: false, serveWeb: false });
    await app.ready();
    const user = await buildUser(database.db, { role: 'regional_admin' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    cookie = sessionCookie(res);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close().catch(() => {});
    await proxy.down();
    const admin = new pg.Client({ connectionString: tpl.url });
    await admin.connect();
    await dropDatabase(admin, name);
    await admin.end();
  });

  const readyz = () => app.inject({ method: 'GET', url: '/readyz' });
  const organisations = () => app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie } });
  const timed = async (request: () => ReturnType<typeof readyz>) => {
    const began = performance.now();
    const res = await request();
    return { status: res.statusCode, body: res.json() as Record<string, unknown>, ms: performance.now() - began };
  };

  it('answers 503 within 2 s while the database is away, and 200 again by itself when it returns', async () => {
    expect((await readyz()).statusCode).toBe(200);
    expect((await organisations()).statusCode).toBe(200);

    await proxy.down();
    for (let i = 0; i < 2; i++) {
      const ready = await timed(readyz);
      expect(ready.status, JSON.stringify(ready.body)).toBe(503);
      expect(ready.ms).toBeLessThan(2000);
      const read = await timed(organisations);
      expect(read.status, JSON.stringify(read.body)).toBe(503);
      expect(read.body).toMatchObject({ error: { code: 'service_unavailable' } });
      expect(read.ms).toBeLessThan(2000);
    }

    await proxy.up(); // the same port: the app's configuration does not change
    const deadline = performance.now() + 15_000;
    let last = { ready: 0, read: 0 };
    while (performance.now() < deadline) {
      last = { ready: (await readyz()).statusCode, read: (await organisations()).statusCode };
      if (last.ready === 200 && last.read === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(last).toEqual({ ready: 200, read: 200 });
  }, 60_000);
});
