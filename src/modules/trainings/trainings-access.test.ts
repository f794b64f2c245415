// Role × route matrix of the web trainings: every trainings route is called as each role of municipality A, as
// B's municipal admin and signed out, and the status of every cell is asserted.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser } from '../../platform/server/factories.ts';
import { ROLES, type Role } from '../../platform/shared/roles.ts';
import { trainingReviewAssignment, trainingReviewRound } from './trainings.table.ts';

type ActorName = Role | 'other_municipal_admin' | 'signed_out';
const ACTORS: ActorName[] = [...ROLES, 'other_municipal_admin', 'signed_out'];

let t: TestApp;
/** A local site for "check now": no outside network. */
let site: Server;
let siteUrl: string;
const cookies = new Map<ActorName, string | null>();
let masUserId = '';

beforeAll(async () => {
  site = createServer((_req, res) => res.writeHead(200).end('ok'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  t = await createTestApp();
  const a = await buildMunicipality(t.db, { name: 'Kommun A' });
  const b = await buildMunicipality(t.db, { name: 'Kommun B' });
  let ip = 1;
  for (const role of ROLES) {
    const u = await buildUser(t.db, { role, ...(role === 'regional_admin' ? {} : { municipality: a }) });
    if (role === 'mas') masUserId = u.id;
    cookies.set(role, await t.signIn(u, `10.6.0.${ip++}`));
  }
  const other = await buildUser(t.db, { role: 'municipal_admin', municipality: b });
  cookies.set('other_municipal_admin', await t.signIn(other, `10.6.0.${ip++}`));
  cookies.set('signed_out', null);
});
afterAll(async () => {
  await t.close();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

const admin = () => t.as(cookies.get('regional_admin') ?? null);
const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);
const itemBody = () => ({
  title: `Matrisutbildning ${unique()}`,
  provider: 'Leverantör (demo)',
  url: `https://example.org/matris/${unique()}`,
  lengthMinutes: 30,
  format: 'course',
  language: 'sv',
  professions: ['sjukskoterska'],
});
const freshItem = async () =>
  (await admin()({ method: 'POST', url: '/api/trainings/items', payload: itemBody() })).json().id as string;

/** Closes any open review round directly (one may be open at a time) and opens a fresh one, optionally with an item. */
const freshRound = async (withItem = false) => {
  await t.db.update(trainingReviewRound).set({ status: 'closed' }).where(eq(trainingReviewRound.status, 'open'));
  const [round] = await t.db
    .insert(trainingReviewRound)
    .values({ name: `Matrisomgång ${unique()}`, dueDate: '2027-03-31', assignBy: 'even' })
    .returning();
  const roundId = round?.id as string;
  if (!withItem) return { roundId, itemId: '' };
  const itemId = await freshItem();
  await admin()({ method: 'POST', url: `/api/trainings/items/${itemId}/transitions`, payload: { status: 'approved' } });
  await t.db.insert(trainingReviewAssignment).values({ roundId, itemId, reviewerUserId: masUserId });
  return { roundId, itemId };
};

/** A one-row link list as a multipart upload (the import's routes). */
const listUpload = () => {
  const boundary = 'kompetensnavmatrix';
  const csv = `Titel;Anordnare;Länk;Längd (min);Format;Språk;Yrken\r\nMatrisimport;Demo;https://example.org/import/${unique()};20;Kurs;Svenska;Sjuksköterska\r\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lista.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    ),
  };
};

type Expect = Partial<Record<ActorName, number>> & { rest: number };
type Cell = { name: string; method: string; url: string; request: () => Promise<InjectOptions>; expect: Expect };

const everyone = (status: number): Expect => ({ rest: status, signed_out: 401 });
const reviewers = (status: number): Expect => ({ rest: 403, regional_admin: status, mas: status, signed_out: 401 });
const regionalOnly = (status: number): Expect => ({ rest: 403, regional_admin: status, signed_out: 401 });

const CELLS: Cell[] = [
  {
    name: 'catalogue',
    method: 'GET',
    url: '/api/public/trainings',
    request: async () => ({ method: 'GET', url: '/api/public/trainings?q=demens&profession=fysioterapeut' }),
    expect: { rest: 200 },
  },
  {
    name: 'catalogue facets',
    method: 'GET',
    url: '/api/public/trainings/facets',
    request: async () => ({ method: 'GET', url: '/api/public/trainings/facets' }),
    expect: { rest: 200 },
  },
  {
    name: 'catalogue download',
    method: 'GET',
    url: '/api/public/trainings/export',
    request: async () => ({ method: 'GET', url: '/api/public/trainings/export?file=csv&profession=sjukskoterska' }),
    expect: { rest: 200 },
  },
  {
    name: 'whole catalogue download',
    method: 'GET',
    url: '/api/trainings/export',
    request: async () => ({ method: 'GET', url: '/api/trainings/export?file=xlsx' }),
    expect: reviewers(200),
  },
  {
    name: 'import template',
    method: 'GET',
    url: '/api/trainings/import/template',
    request: async () => ({ method: 'GET', url: '/api/trainings/import/template?file=csv' }),
    expect: regionalOnly(200),
  },
  {
    name: 'import preview',
    method: 'POST',
    url: '/api/trainings/import/preview',
    request: async () => ({ method: 'POST', url: '/api/trainings/import/preview', ...listUpload() }),
    expect: regionalOnly(200),
  },
  {
    name: 'import confirm',
    method: 'POST',
    url: '/api/trainings/import/confirm',
    request: async () => {
      const upload = listUpload();
      const preview = await admin()({ method: 'POST', url: '/api/trainings/import/preview', ...upload });
      return { method: 'POST', url: `/api/trainings/import/confirm?token=${preview.json().token}`, ...upload };
    },
    expect: regionalOnly(201),
  },
  {
    name: 'suggest',
    method: 'POST',
    url: '/api/trainings/items',
    request: async () => ({ method: 'POST', url: '/api/trainings/items', payload: itemBody() }),
    expect: everyone(201),
  },
  {
    name: 'review queue',
    method: 'GET',
    url: '/api/trainings/review',
    request: async () => ({ method: 'GET', url: '/api/trainings/review' }),
    expect: reviewers(200),
  },
  {
    name: 'correct an item',
    method: 'PATCH',
    url: '/api/trainings/items/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/trainings/items/${await freshItem()}`,
      payload: { title: `Rättad ${unique()}`, lengthMinutes: 40 },
    }),
    expect: reviewers(200),
  },
  {
    name: 'approve',
    method: 'POST',
    url: '/api/trainings/items/:id/transitions',
    request: async () => ({
      method: 'POST',
      url: `/api/trainings/items/${await freshItem()}/transitions`,
      payload: { status: 'approved' },
    }),
    expect: reviewers(200),
  },
  {
    name: 'needs change',
    method: 'POST',
    url: '/api/trainings/items/:id/transitions',
    request: async () => ({
      method: 'POST',
      url: `/api/trainings/items/${await freshItem()}/transitions`,
      payload: { status: 'needs_change', comment: 'Uppdatera länken.' },
    }),
    expect: reviewers(200),
  },
  {
    name: 'remove',
    method: 'POST',
    url: '/api/trainings/items/:id/transitions',
    request: async () => ({
      method: 'POST',
      url: `/api/trainings/items/${await freshItem()}/transitions`,
      payload: { status: 'removed' },
    }),
    expect: reviewers(200),
  },
  {
    name: 'check a link now',
    method: 'POST',
    url: '/api/trainings/items/:id/check-link',
    request: async () => {
      const body = { ...itemBody(), url: `${siteUrl}/${unique()}` };
      const id = (await admin()({ method: 'POST', url: '/api/trainings/items', payload: body })).json().id;
      return { method: 'POST', url: `/api/trainings/items/${id}/check-link` };
    },
    expect: reviewers(200),
  },
  {
    name: 'add topic',
    method: 'POST',
    url: '/api/trainings/topics',
    request: async () => ({
      method: 'POST',
      url: '/api/trainings/topics',
      payload: { key: `amne-${unique()}`, name: `Ämne ${unique()}`, nameEn: 'Topic' },
    }),
    expect: regionalOnly(201),
  },
  {
    name: 'list topics',
    method: 'GET',
    url: '/api/trainings/topics',
    request: async () => ({ method: 'GET', url: '/api/trainings/topics' }),
    expect: regionalOnly(200),
  },
  {
    name: 'change a topic',
    method: 'PATCH',
    url: '/api/trainings/topics/:id',
    request: async () => {
      const key = `amne-${unique()}`;
      await admin()({
        method: 'POST',
        url: '/api/trainings/topics',
        payload: { key, name: `Ämne ${key}`, nameEn: key },
      });
      const topics = (await admin()({ method: 'GET', url: '/api/trainings/topics' })).json().topics;
      const id = topics.find((x: { key: string }) => x.key === key).id;
      return { method: 'PATCH', url: `/api/trainings/topics/${id}`, payload: { name: `Nytt ${key}`, sort: 500 } };
    },
    expect: regionalOnly(200),
  },
  {
    name: 'review rounds',
    method: 'GET',
    url: '/api/trainings/rounds',
    request: async () => ({ method: 'GET', url: '/api/trainings/rounds' }),
    expect: reviewers(200),
  },
  {
    name: 'round reviewers',
    method: 'GET',
    url: '/api/trainings/rounds/reviewers',
    request: async () => ({ method: 'GET', url: '/api/trainings/rounds/reviewers' }),
    expect: regionalOnly(200),
  },
  {
    name: 'my review',
    method: 'GET',
    url: '/api/trainings/rounds/mine',
    request: async () => ({ method: 'GET', url: '/api/trainings/rounds/mine' }),
    expect: reviewers(200),
  },
  {
    name: 'open a round',
    method: 'POST',
    url: '/api/trainings/rounds',
    request: async () => {
      await t.db.update(trainingReviewRound).set({ status: 'closed' }).where(eq(trainingReviewRound.status, 'open'));
      return {
        method: 'POST',
        url: '/api/trainings/rounds',
        payload: { name: `Omgång ${unique()}`, dueDate: '2027-03-31' },
      };
    },
    expect: regionalOnly(201),
  },
  {
    name: 'close a round',
    method: 'POST',
    url: '/api/trainings/rounds/:id/close',
    request: async () => ({ method: 'POST', url: `/api/trainings/rounds/${(await freshRound()).roundId}/close` }),
    expect: regionalOnly(200),
  },
  {
    name: 'decide in a round',
    method: 'POST',
    url: '/api/trainings/rounds/:id/items/:itemId/decision',
    request: async () => {
      const { roundId, itemId } = await freshRound(true);
      return {
        method: 'POST',
        url: `/api/trainings/rounds/${roundId}/items/${itemId}/decision`,
        payload: { status: 'approved' },
      };
    },
    expect: reviewers(200),
  },
];

describe('trainings role × route matrix', () => {
  it('covers every trainings route the app registers', () => {
    const registered = t.app.deps.routes
      .filter((r) => /^\/api\/(public\/)?trainings(\/|$)/.test(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const covered = [...new Set(CELLS.map((c) => `${c.method} ${c.url}`))].sort();
    expect(covered).toEqual(registered);
  });

  for (const cell of CELLS) {
    describe(`${cell.method} ${cell.url} (${cell.name})`, () => {
      for (const actor of ACTORS) {
        const status = cell.expect[actor] ?? cell.expect.rest;
        it(`${actor} → ${status}`, async () => {
          const res = await t.as(cookies.get(actor) ?? null)(await cell.request());
          expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
        });
      }
    });
  }
});
