// Link health through the API: a reviewer's "check now", the status in the review queue and its filter of broken
// and moved links, the audit trail. The links point at a local server: no outside network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildUser } from '../../platform/server/factories.ts';

let t: TestApp;
let site: Server;
let base: string;
let admin: ReturnType<TestApp['as']>;
let mas: ReturnType<TestApp['as']>;

beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url?.startsWith('/ok')) res.writeHead(200).end('ok');
    else if (req.url === '/old') res.writeHead(301, { location: '/new-home' }).end();
    else if (req.url === '/new-home') res.writeHead(200).end();
    else if (req.url === '/busy') res.writeHead(429).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  t = await createTestApp();
  const a = await buildMunicipality(t.db, { name: 'Länkby' });
  admin = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.7.0.1'));
  mas = t.as(await t.signIn(await buildUser(t.db, { role: 'mas', municipality: a }), '10.7.0.2'));
});
afterAll(async () => {
  await t.close();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

let n = 0;
async function suggest(path: string) {
  const res = await admin({
    method: 'POST',
    url: '/api/trainings/items',
    payload: {
      title: `Länkhälsa ${++n}`,
      provider: 'Test',
      url: `${base}${path}`,
      lengthMinutes: 10,
      format: 'video',
      language: 'sv',
      professions: ['sjukskoterska'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const checkNow = (id: string, who = mas) => who({ method: 'POST', url: `/api/trainings/items/${id}/check-link` });
const linksQueue = async () => {
  const res = await mas({ method: 'GET', url: '/api/trainings/review?status=links' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; url: string; link: Record<string, unknown> }[];
};

describe('link health', () => {
  it('shows every item’s link status in the queue, unchecked at first', async () => {
    const id = await suggest('/ok/fresh');
    const res = await mas({ method: 'GET', url: '/api/trainings/review' });
    const item = res.json().items.find((x: { id: string }) => x.id === id);
    expect(item.link).toEqual({
      checkedAt: null,
      outcome: null,
      httpStatus: null,
      failures: 0,
      broken: false,
      newUrl: null,
    });
  });

  it('check now: a 404 is failing at once and broken on the second check; it enters the "broken links" filter', async () => {
    const id = await suggest('/gone');
    const first = await checkNow(id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().link).toMatchObject({ outcome: 'failing', httpStatus: 404, failures: 1, broken: false });
    expect((await linksQueue()).map((x) => x.id)).not.toContain(id);
    const second = await checkNow(id);
    expect(second.json().link).toMatchObject({ outcome: 'failing', httpStatus: 404, failures: 2, broken: true });
    expect(second.json().status).toBe('suggested');
    expect((await linksQueue()).map((x) => x.id)).toContain(id);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id));
    expect(events.filter((e) => e.action === 'training_item.check_link')).toHaveLength(2);
  });

  it('a permanent redirect offers the new address but leaves the link as it was', async () => {
    const id = await suggest('/old');
    const res = await checkNow(id);
    expect(res.json().link).toMatchObject({ outcome: 'moved', newUrl: `${base}/new-home`, broken: false });
    expect(res.json().url).toBe(`${base}/old`);
    const queued = (await linksQueue()).find((x) => x.id === id);
    expect(queued?.link.newUrl).toBe(`${base}/new-home`);
  });

  it('a working or blocking site is not in the filter; a removed item is neither listed nor checked', async () => {
    const ok = await suggest('/ok/works');
    const busy = await suggest('/busy');
    expect((await checkNow(ok)).json().link).toMatchObject({ outcome: 'ok', httpStatus: 200 });
    await checkNow(busy);
    expect((await checkNow(busy)).json().link).toMatchObject({ outcome: 'blocked', failures: 0, broken: false });
    const dead = await suggest('/dead');
    await checkNow(dead);
    await checkNow(dead);
    await admin({ method: 'POST', url: `/api/trainings/items/${dead}/transitions`, payload: { status: 'removed' } });
    const ids = (await linksQueue()).map((x) => x.id);
    expect(ids).not.toContain(ok);
    expect(ids).not.toContain(busy);
    expect(ids).not.toContain(dead);
    expect((await checkNow(dead)).statusCode).toBe(409);
  });

  it('only reviewers may check; an unknown item is 404', async () => {
    const employee = t.as(await t.signIn(await buildUser(t.db, { role: 'employee' }), '10.7.0.3'));
    const id = await suggest('/ok/rights');
    expect((await checkNow(id, employee)).statusCode).toBe(403);
    expect((await checkNow('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
