// The trainings module's role × route matrix (run by trainings-access.test.ts, read by route-coverage.test.ts):
// every trainings route, the status each actor must get (every role of municipality A, B's municipal admin, signed
// out). "Check a link now" calls a local web site started in setup, so no cell reaches the outside network.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import {
  anyone,
  defineAccessMatrix,
  type Expect,
  everyone,
  type MatrixFixture,
  regionalOnly,
} from '../../../tests/support/access-matrix.ts';
import { trainingReviewAssignment, trainingReviewRound } from './trainings.table.ts';

type Site = { site: Server; siteUrl: string };
type Fixture = MatrixFixture & Site;

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
const freshItem = async (fx: MatrixFixture) =>
  (await fx.admin({ method: 'POST', url: '/api/trainings/items', payload: itemBody() })).json().id as string;

/** Closes any open review round directly (one may be open at a time) and opens a fresh one, optionally with an item. */
const freshRound = async (fx: MatrixFixture, withItem = false) => {
  await fx.t.db.update(trainingReviewRound).set({ status: 'closed' }).where(eq(trainingReviewRound.status, 'open'));
  const [round] = await fx.t.db
    .insert(trainingReviewRound)
    .values({ name: `Matrisomgång ${unique()}`, dueDate: '2027-03-31', assignBy: 'even' })
    .returning();
  const roundId = round?.id as string;
  if (!withItem) return { roundId, itemId: '' };
  const itemId = await freshItem(fx);
  await fx.admin({
    method: 'POST',
    url: `/api/trainings/items/${itemId}/transitions`,
    payload: { status: 'approved' },
  });
  const reviewerUserId = fx.sessions.mas.user?.id as string;
  await fx.t.db.insert(trainingReviewAssignment).values({ roundId, itemId, reviewerUserId });
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

/** The region's admin and the MAS network. */
const reviewers = (status: number): Expect => ({ rest: 403, regional_admin: status, mas: status, signed_out: 401 });

export const accessMatrix = defineAccessMatrix<Site>({
  module: 'trainings',
  routePattern: /^\/api\/(public\/)?trainings(\/|$)/,
  async setup() {
    const site = createServer((_req, res) => res.writeHead(200).end('ok'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    return { site, siteUrl: `http://127.0.0.1:${(site.address() as AddressInfo).port}` };
  },
  async teardown(fx: Fixture) {
    fx.site.closeAllConnections();
    await new Promise((resolve) => fx.site.close(resolve));
  },
  cells: [
    {
      name: 'catalogue',
      method: 'GET',
      url: '/api/public/trainings',
      request: () => ({ method: 'GET', url: '/api/public/trainings?q=demens&profession=fysioterapeut' }),
      expect: anyone(200),
    },
    {
      name: 'catalogue facets',
      method: 'GET',
      url: '/api/public/trainings/facets',
      request: () => ({ method: 'GET', url: '/api/public/trainings/facets' }),
      expect: anyone(200),
    },
    {
      name: 'catalogue download',
      method: 'GET',
      url: '/api/public/trainings/export',
      request: () => ({ method: 'GET', url: '/api/public/trainings/export?file=csv&profession=sjukskoterska' }),
      expect: anyone(200),
    },
    {
      name: 'an opened link counted (beacon)',
      method: 'POST',
      url: '/api/public/trainings/:id/opened',
      request: () => ({ method: 'POST', url: `/api/public/trainings/${randomUUID()}/opened` }),
      expect: anyone(204),
    },
    {
      name: 'catalogue usage',
      method: 'GET',
      url: '/api/trainings/usage',
      request: () => ({ method: 'GET', url: '/api/trainings/usage?from=2026-06-01&to=2026-12-07' }),
      expect: { rest: 403, regional_admin: 200, mas: 200, signed_out: 401 },
    },
    {
      name: 'catalogue usage download',
      method: 'GET',
      url: '/api/trainings/usage/export',
      request: () => ({ method: 'GET', url: '/api/trainings/usage/export?from=2026-06-01&to=2026-12-07&lang=en' }),
      expect: { rest: 403, regional_admin: 200, mas: 200, signed_out: 401 },
    },
    {
      name: 'whole catalogue download',
      method: 'GET',
      url: '/api/trainings/export',
      request: () => ({ method: 'GET', url: '/api/trainings/export?file=xlsx' }),
      expect: reviewers(200),
    },
    {
      name: 'import template',
      method: 'GET',
      url: '/api/trainings/import/template',
      request: () => ({ method: 'GET', url: '/api/trainings/import/template?file=csv' }),
      expect: regionalOnly(200),
    },
    {
      name: 'import preview',
      method: 'POST',
      url: '/api/trainings/import/preview',
      request: () => ({ method: 'POST', url: '/api/trainings/import/preview', ...listUpload() }),
      expect: regionalOnly(200),
    },
    {
      name: 'import confirm',
      method: 'POST',
      url: '/api/trainings/import/confirm',
      request: async (fx) => {
        const upload = listUpload();
        const preview = await fx.admin({ method: 'POST', url: '/api/trainings/import/preview', ...upload });
        return { method: 'POST', url: `/api/trainings/import/confirm?token=${preview.json().token}`, ...upload };
      },
      expect: regionalOnly(201),
    },
    {
      name: 'suggest',
      method: 'POST',
      url: '/api/trainings/items',
      request: () => ({ method: 'POST', url: '/api/trainings/items', payload: itemBody() }),
      expect: everyone(201),
    },
    {
      name: 'review queue',
      method: 'GET',
      url: '/api/trainings/review',
      request: () => ({ method: 'GET', url: '/api/trainings/review' }),
      expect: reviewers(200),
    },
    {
      name: 'correct an item',
      method: 'PATCH',
      url: '/api/trainings/items/:id',
      request: async (fx) => ({
        method: 'PATCH',
        url: `/api/trainings/items/${await freshItem(fx)}`,
        payload: { title: `Rättad ${unique()}`, lengthMinutes: 40 },
      }),
      expect: reviewers(200),
    },
    {
      name: 'approve',
      method: 'POST',
      url: '/api/trainings/items/:id/transitions',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/trainings/items/${await freshItem(fx)}/transitions`,
        payload: { status: 'approved' },
      }),
      expect: reviewers(200),
    },
    {
      name: 'needs change',
      method: 'POST',
      url: '/api/trainings/items/:id/transitions',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/trainings/items/${await freshItem(fx)}/transitions`,
        payload: { status: 'needs_change', comment: 'Uppdatera länken.' },
      }),
      expect: reviewers(200),
    },
    {
      name: 'remove',
      method: 'POST',
      url: '/api/trainings/items/:id/transitions',
      request: async (fx) => ({
        method: 'POST',
        url: `/api/trainings/items/${await freshItem(fx)}/transitions`,
        payload: { status: 'removed' },
      }),
      expect: reviewers(200),
    },
    {
      name: 'check a link now',
      method: 'POST',
      url: '/api/trainings/items/:id/check-link',
      request: async (fx) => {
        const body = { ...itemBody(), url: `${fx.siteUrl}/${unique()}` };
        const id = (await fx.admin({ method: 'POST', url: '/api/trainings/items', payload: body })).json().id;
        return { method: 'POST', url: `/api/trainings/items/${id}/check-link` };
      },
      expect: reviewers(200),
    },
    {
      name: 'add topic',
      method: 'POST',
      url: '/api/trainings/topics',
      request: () => ({
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
      request: () => ({ method: 'GET', url: '/api/trainings/topics' }),
      expect: regionalOnly(200),
    },
    {
      name: 'change a topic',
      method: 'PATCH',
      url: '/api/trainings/topics/:id',
      request: async (fx) => {
        const key = `amne-${unique()}`;
        await fx.admin({
          method: 'POST',
          url: '/api/trainings/topics',
          payload: { key, name: `Ämne ${key}`, nameEn: key },
        });
        const topics = (await fx.admin({ method: 'GET', url: '/api/trainings/topics' })).json().topics;
        const id = topics.find((x: { key: string }) => x.key === key).id;
        return { method: 'PATCH', url: `/api/trainings/topics/${id}`, payload: { name: `Nytt ${key}`, sort: 500 } };
      },
      expect: regionalOnly(200),
    },
    {
      name: 'review rounds',
      method: 'GET',
      url: '/api/trainings/rounds',
      request: () => ({ method: 'GET', url: '/api/trainings/rounds' }),
      expect: reviewers(200),
    },
    {
      name: 'round reviewers',
      method: 'GET',
      url: '/api/trainings/rounds/reviewers',
      request: () => ({ method: 'GET', url: '/api/trainings/rounds/reviewers' }),
      expect: regionalOnly(200),
    },
    {
      name: 'my review',
      method: 'GET',
      url: '/api/trainings/rounds/mine',
      request: () => ({ method: 'GET', url: '/api/trainings/rounds/mine' }),
      expect: reviewers(200),
    },
    {
      name: 'open a round',
      method: 'POST',
      url: '/api/trainings/rounds',
      request: async (fx) => {
        await fx.t.db
          .update(trainingReviewRound)
          .set({ status: 'closed' })
          .where(eq(trainingReviewRound.status, 'open'));
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
      request: async (fx) => ({ method: 'POST', url: `/api/trainings/rounds/${(await freshRound(fx)).roundId}/close` }),
      expect: regionalOnly(200),
    },
    {
      name: 'decide in a round',
      method: 'POST',
      url: '/api/trainings/rounds/:id/items/:itemId/decision',
      request: async (fx) => {
        const { roundId, itemId } = await freshRound(fx, true);
        return {
          method: 'POST',
          url: `/api/trainings/rounds/${roundId}/items/${itemId}/decision`,
          payload: { status: 'approved' },
        };
      },
      expect: reviewers(200),
    },
  ],
});
