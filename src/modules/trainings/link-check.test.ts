// Link health against a local server on 127.0.0.1 that answers each case: no outside network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { checkAllLinks, checkLink, guardedLookup, isPrivateAddress, type LinkCheckOptions } from './link-check.ts';
import { trainingItem } from './trainings.table.ts';

let server: Server;
let base: string;
const agents: string[] = [];
const opts: LinkCheckOptions = {
  userAgent: 'Kompetensnav-lankkontroll/1.0 (+http://localhost:3000)',
  timeoutMs: 300,
  allowPrivateHosts: true,
};

beforeAll(async () => {
  server = createServer((req, res) => {
    agents.push(String(req.headers['user-agent']));
    const path = req.url ?? '/';
    const status = /^\/status\/(\d{3})/.exec(path)?.[1];
    if (status) {
      res.writeHead(Number(status), { 'content-type': 'text/plain' });
      res.end('x'.repeat(100_000));
    } else if (path === '/ok') res.writeHead(200).end('ok');
    else if (path === '/old') res.writeHead(301, { location: '/new' }).end();
    else if (path === '/old-308') res.writeHead(308, { location: '/new' }).end();
    else if (path === '/slash') res.writeHead(301, { location: '/slash/' }).end();
    else if (path === '/slash/') res.writeHead(200).end();
    else if (path === '/temporary') res.writeHead(302, { location: '/new' }).end();
    else if (path === '/new') res.writeHead(200).end('new');
    else if (path === '/moved-dead') res.writeHead(301, { location: '/status/404' }).end();
    else if (path === '/loop-a') res.writeHead(301, { location: '/loop-b' }).end();
    else if (path === '/loop-b') res.writeHead(301, { location: '/loop-a' }).end();
    else if (path.startsWith('/chain/')) {
      const n = Number(path.slice(7));
      res.writeHead(302, { location: `/chain/${n + 1}` }).end();
    } else if (path === '/hang') {
      // Never answers.
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('checkLink', () => {
  it('2xx is ok and the request says who asks', async () => {
    expect(await checkLink(`${base}/ok`, opts)).toEqual({ outcome: 'ok', httpStatus: 200, newUrl: null });
    expect(agents.at(-1)).toBe(opts.userAgent);
  });

  it('a permanent redirect to another address is moved, offering the new address', async () => {
    expect(await checkLink(`${base}/old`, opts)).toEqual({ outcome: 'moved', httpStatus: 200, newUrl: `${base}/new` });
    expect((await checkLink(`${base}/old-308`, opts)).outcome).toBe('moved');
    // Only a trailing slash added: the same address.
    expect((await checkLink(`${base}/slash`, opts)).outcome).toBe('ok');
    // A temporary redirect is followed but offers nothing.
    expect(await checkLink(`${base}/temporary`, opts)).toEqual({ outcome: 'ok', httpStatus: 200, newUrl: null });
    // Moved to a dead page is failing.
    expect(await checkLink(`${base}/moved-dead`, opts)).toMatchObject({ outcome: 'failing', httpStatus: 404 });
  });

  it('404, 410 and 5xx are failing; 403 and 429 blocked', async () => {
    for (const status of [404, 410, 500, 503]) {
      expect(await checkLink(`${base}/status/${status}`, opts)).toEqual({
        outcome: 'failing',
        httpStatus: status,
        newUrl: null,
      });
    }
    for (const status of [403, 429]) {
      expect(await checkLink(`${base}/status/${status}`, opts)).toMatchObject({
        outcome: 'blocked',
        httpStatus: status,
      });
    }
  });

  it('no answer in time is a timeout; a loop, too many redirects and a refused connection are failing', async () => {
    const started = Date.now();
    expect((await checkLink(`${base}/hang`, opts)).outcome).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await checkLink(`${base}/loop-a`, opts)).toEqual({ outcome: 'failing', httpStatus: null, newUrl: null });
    expect((await checkLink(`${base}/chain/1`, opts)).outcome).toBe('failing');
    expect((await checkLink('http://127.0.0.1:1/', opts)).outcome).toBe('failing');
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    expect(await checkLink(`${base}/ok`, { ...opts, allowPrivateHosts: false })).toMatchObject({ outcome: 'failing' });
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.20.0.1', '169.254.169.254', '::1', 'fd00::1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2001:db8::1']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses a private address again when the connection itself looks the name up (DNS rebinding)', async () => {
    const resolve = (allow: boolean, all: boolean) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((done) =>
        guardedLookup(allow)('localhost', { all }, (err, address) => done({ err, address })),
      );
    expect((await resolve(false, true)).err?.code).toBe('EPRIVATE');
    expect((await resolve(false, false)).err?.code).toBe('EPRIVATE');
    const allowed = await resolve(true, false);
    expect(allowed.err).toBeNull();
    expect(isPrivateAddress(String(allowed.address))).toBe(true);
    expect((await resolve(true, true)).address).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: expect.any(Number) })]),
    );
  });
});

describe('checkAllLinks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const insert = async (path: string, status: 'approved' | 'removed' = 'approved') => {
    const [row] = await t.db
      .insert(trainingItem)
      .values({
        title: `Länktest ${path}`,
        provider: 'Test',
        url: `${base}${path}`,
        urlKey: `${base}${path}-${Math.random()}`,
        lengthMinutes: 10,
        format: 'video',
        language: 'sv',
        status,
      })
      .returning();
    return row?.id as string;
  };
  const get = async (id: string) => (await t.db.select().from(trainingItem).where(eq(trainingItem.id, id)))[0];
  const deps = () => ({ db: t.db, check: opts, hostPauseMs: 0 });

  it('marks a link broken only after two failing checks in a row, claims each item once a day, never removes', async () => {
    const dead = await insert('/status/404');
    const gone = await insert('/status/410');
    const blocked = await insert('/status/429');
    const moved = await insert('/old');
    const removed = await insert('/status/500', 'removed');
    const day1 = new Date('2026-03-02T02:30:00Z');
    await checkAllLinks(deps(), day1);
    expect(await get(dead)).toMatchObject({ linkOutcome: 'failing', linkFailures: 1, linkHttpStatus: 404 });
    expect(await get(blocked)).toMatchObject({ linkOutcome: 'blocked', linkFailures: 0 });
    expect(await get(moved)).toMatchObject({ linkOutcome: 'moved', linkNewUrl: `${base}/new`, url: `${base}/old` });
    expect((await get(removed))?.linkCheckedAt).toBeNull();
    // A second run the same day (another server) finds nothing to do.
    expect((await checkAllLinks(deps(), new Date('2026-03-02T02:31:00Z'))).checked).toBe(0);
    await checkAllLinks(deps(), new Date('2026-03-03T02:30:00Z'));
    expect(await get(dead)).toMatchObject({ linkFailures: 2, status: 'approved' });
    expect(await get(gone)).toMatchObject({ linkFailures: 2, linkHttpStatus: 410 });
    expect(await get(blocked)).toMatchObject({ linkOutcome: 'blocked', linkFailures: 0 });
  });

  it('two servers running at once check each link once', async () => {
    const ids = await Promise.all(['/ok', '/new', '/status/404'].map((p) => insert(`${p}?twin`)));
    const now = new Date('2026-04-01T02:30:00Z');
    const [x, y] = await Promise.all([checkAllLinks(deps(), now), checkAllLinks(deps(), now)]);
    const open = (await t.db.select().from(trainingItem)).filter((r) => r.status !== 'removed');
    expect((x?.checked ?? 0) + (y?.checked ?? 0)).toBe(open.length);
    for (const id of ids) expect((await get(id))?.linkCheckedAt?.toISOString()).toBe(now.toISOString());
  });
});
