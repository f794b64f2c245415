// Catalogue usage (decision 029): what the public catalogue's requests count, that nothing personal is kept (not even
// a personal identity number typed into the search), the bounds of the tables, sums per period and who may see them.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser } from '../../platform/server/factories.ts';
import type { UsageDto } from './catalogue-usage.contracts.ts';
import { trainingUsage } from './catalogue-usage.table.ts';
import {
  CatalogueUsage,
  looksPersonal,
  NO_RESULT_TEXTS_PER_DAY,
  normaliseSearchText,
  purgeUsage,
  stockholmDay,
  writeCounters,
} from './catalogue-usage.ts';
import { buildTrainingItem } from './trainings.factories.ts';

let t: TestApp;
let admin: ReturnType<TestApp['as']>;
let mas: ReturnType<TestApp['as']>;
let manager: ReturnType<TestApp['as']>;
const publicGet = (url: string) => t.app.inject({ method: 'GET', url });
const today = stockholmDay(new Date());

beforeAll(async () => {
  t = await createTestApp();
  const m = await buildMunicipality(t.db, { name: 'Räknestad' });
  admin = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.61.0.1'));
  mas = t.as(await t.signIn(await buildUser(t.db, { role: 'mas', municipality: m }), '10.61.0.2'));
  manager = t.as(await t.signIn(await buildUser(t.db, { role: 'manager', municipality: m }), '10.61.0.3'));
});
afterAll(() => t.close());

const usage = async (from = today, to = today) => {
  const res = await admin({ method: 'GET', url: `/api/trainings/usage?from=${from}&to=${to}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as UsageDto;
};

describe('what may be kept of a search text', () => {
  it('refuses text that looks like a personal identity number, an e-mail or phone number', () => {
    for (const text of [
      '19121212-1212',
      '121212-1212',
      'anna 8001011234',
      'anna.svensson@kommun.se',
      'anna at kommun.se',
      '070-123 45 67',
      '+46 70 123 45 67',
      '0500 12 34 56',
    ]) {
      expect(looksPersonal(text), text).toBe(true);
      expect(normaliseSearchText(text), text).toBeNull();
    }
  });

  it('keeps ordinary words normalised: lower case, letters and digits, one space, at most 100 characters', () => {
    expect(normaliseSearchText('  Hörsel–Nedsättning,  ÄLDRE!! ')).toBe('hörsel nedsättning äldre');
    expect(normaliseSearchText('covid-19 2024')).toBe('covid 19 2024');
    expect(normaliseSearchText('?!')).toBeNull();
    expect(normaliseSearchText('ord '.repeat(60))?.length).toBeLessThanOrEqual(100);
  });
});

describe('counting the public catalogue', () => {
  it('counts views of items and tabs, searches, searches without result and opened links — per day, nothing else', async () => {
    const a = await buildTrainingItem(t.db, { title: 'Räknad hörselvård', professions: ['arbetsterapeut'] });
    const b = await buildTrainingItem(t.db, { title: 'Räknad synvård', professions: ['arbetsterapeut'] });
    const before = await usage();

    // A signed-out visitor: the occupational therapists' tab (both items on its first page), then a search.
    expect((await publicGet('/api/public/trainings?profession=arbetsterapeut')).statusCode).toBe(200);
    expect((await publicGet('/api/public/trainings?q=hörselvård')).json().total).toBeGreaterThan(0);
    // Searches that find nothing: one ordinary, one a personal identity number, one an e-mail address.
    for (const q of ['Kvantfysik för undersköterskor', '19121212-1212', 'anna.svensson@kommun.se']) {
      const res = await publicGet(`/api/public/trainings?q=${encodeURIComponent(q)}`);
      expect(res.json().total, q).toBe(0);
    }
    // A second page is not a second view of the tab.
    await publicGet('/api/public/trainings?profession=arbetsterapeut&page=2');
    // The beacon of an opened link; an unknown item is answered the same and not counted.
    const opened = await t.app.inject({ method: 'POST', url: `/api/public/trainings/${a.id}/opened` });
    expect(opened.statusCode).toBe(204);
    expect(opened.headers['set-cookie']).toBeUndefined();
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/public/trainings/00000000-0000-4000-8000-000000000000/opened',
    });
    expect(unknown.statusCode).toBe(204);

    const after = await usage();
    expect(after.totals.searches - before.totals.searches).toBe(4);
    expect(after.totals.searchesWithoutResult - before.totals.searchesWithoutResult).toBe(3);
    expect(after.totals.opens - before.totals.opens).toBe(1);
    const tab = (u: UsageDto, key: string) => u.tabs.find((x) => x.key === key)?.views ?? 0;
    expect(tab(after, 'arbetsterapeut') - tab(before, 'arbetsterapeut')).toBe(1);
    // "Alla yrken": the four searches' first pages.
    expect(tab(after, '') - tab(before, '')).toBe(4);
    const item = (u: UsageDto, id: string) => u.mostUsed.find((x) => x.id === id);
    expect(item(after, a.id)).toMatchObject({ views: 2, opens: 1 });
    expect(item(after, b.id)).toMatchObject({ views: 1, opens: 0 });
    // Only the ordinary text is kept; the two that look like personal data are counted without their text.
    expect(after.gaps).toContainEqual({ text: 'kvantfysik för undersköterskor', count: 1 });
    expect(after.gapsWithoutText - before.gapsWithoutText).toBe(2);

    // Nothing stored holds the personal identity number, the address or anything but day, kind, key and count.
    const rows = await t.db.select().from(trainingUsage);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['count', 'day', 'key', 'kind']);
    const stored = JSON.stringify(rows);
    expect(stored).not.toMatch(/1212|svensson|kommun\.se/);
    expect(rows.every((r) => !/\d{6}/.test(r.key.replace(/-/g, '')) || r.kind !== 'no_result_text')).toBe(true);
  });

  it('counts nothing for made-up items or professions, and keeps at most a day’s share of texts', async () => {
    const day = '2026-01-15';
    const batch = new Map<string, number>([
      [`${day}\u0000item_view\u000000000000-0000-4000-8000-000000000001`, 5],
      [`${day}\u0000tab_view\u0000no-such-profession`, 5],
      [`${day}\u0000tab_view\u0000sjukskoterska`, 2],
    ]);
    for (let i = 0; i < NO_RESULT_TEXTS_PER_DAY + 5; i++) batch.set(`${day}\u0000no_result_text\u0000ord ${i}`, 1);
    await writeCounters({ db: t.db, cache: t.app.deps.readCache }, batch);
    const rows = await t.db.select().from(trainingUsage).where(eq(trainingUsage.day, day));
    expect(rows.filter((r) => r.kind === 'no_result_text')).toHaveLength(NO_RESULT_TEXTS_PER_DAY);
    expect(rows.filter((r) => r.kind === 'item_view')).toHaveLength(0);
    expect(rows.filter((r) => r.kind === 'tab_view')).toEqual([
      { day, kind: 'tab_view', key: 'sjukskoterska', count: 2 },
    ]);
    // A text the day already has is still counted when the day is full.
    await writeCounters(
      { db: t.db, cache: t.app.deps.readCache },
      new Map([
        [`${day}\u0000no_result_text\u0000ord 0`, 3],
        [`${day}\u0000no_result_text\u0000ett nytt ord`, 1],
      ]),
    );
    const texts = await t.db
      .select()
      .from(trainingUsage)
      .where(sql`${trainingUsage.day} = ${day} AND ${trainingUsage.kind} = 'no_result_text'`);
    expect(texts).toHaveLength(NO_RESULT_TEXTS_PER_DAY);
    expect(texts.find((r) => r.key === 'ord 0')?.count).toBe(4);
  });

  it('never fails a request when counting or writing fails; the counts wait for the next write', async () => {
    const item = await buildTrainingItem(t.db, { title: 'Räknad överfull' });
    const warnings: string[] = [];
    const log = { warn: (_: object, msg: string) => void warnings.push(msg) };
    // A clock that cannot be read: nothing is counted and nothing thrown.
    const broken = new CatalogueUsage(
      { db: t.db, cache: t.app.deps.readCache },
      { enabled: true, log, now: () => new Date(Number.NaN) },
    );
    expect(() => broken.countOpen(item.id)).not.toThrow();
    await broken.close();
    // A counter at the integer's end: the write fails in the database, is logged, and the count is kept.
    const day = '2026-02-01';
    await t.db.insert(trainingUsage).values({ day, kind: 'outbound', key: item.id, count: 2_147_483_647 });
    const full = new CatalogueUsage(
      { db: t.db, cache: t.app.deps.readCache },
      { enabled: true, log, now: () => new Date('2026-02-01T12:00:00Z') },
    );
    full.countOpen(item.id);
    await full.flush();
    expect(warnings).toContain('catalogue usage not written');
    await t.db.update(trainingUsage).set({ count: 10 }).where(eq(trainingUsage.day, day));
    await full.close();
    const [row] = await t.db.select().from(trainingUsage).where(eq(trainingUsage.day, day));
    expect(row?.count).toBe(11);
  });
});

describe('the usage page', () => {
  it('sums a period only, lists the least used approved items with no view first, and deletes old counters', async () => {
    const used = await buildTrainingItem(t.db, { title: 'Period använd' });
    const unused = await buildTrainingItem(t.db, { title: 'Period oanvänd' });
    await t.db.insert(trainingUsage).values([
      { day: '2025-03-31', kind: 'item_view', key: used.id, count: 100 },
      { day: '2025-04-01', kind: 'item_view', key: used.id, count: 7 },
      { day: '2025-04-30', kind: 'item_view', key: used.id, count: 3 },
      { day: '2025-05-01', kind: 'item_view', key: used.id, count: 100 },
      { day: '2025-04-10', kind: 'search', key: '', count: 9 },
      { day: '2025-04-10', kind: 'search_empty', key: '', count: 4 },
      { day: '2025-04-10', kind: 'no_result_text', key: 'hörapparat', count: 3 },
    ]);
    const april = await usage('2025-04-01', '2025-04-30');
    expect(april.mostUsed[0]).toMatchObject({ id: used.id, views: 10 });
    expect(april.totals).toMatchObject({ itemViews: 10, searches: 9, searchesWithoutResult: 4 });
    expect(april.gaps).toEqual([{ text: 'hörapparat', count: 3 }]);
    expect(april.gapsWithoutText).toBe(1);
    expect(april.leastUsed.map((i) => i.id)).toContain(unused.id);
    expect(april.leastUsed[0]?.views).toBe(0);
    expect(april.approvedWithoutViews).toBe(april.approvedItems - 1);

    const file = await mas({ method: 'GET', url: '/api/trainings/usage/export?from=2025-04-01&to=2025-04-30' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // 25 months back from 2027-05-15 is 2025-04-15: March and early April go, the rest stays.
    await purgeUsage(t.db, new Date('2027-05-15T12:00:00Z'));
    const left = await usage('2025-01-01', '2025-05-31');
    expect(left.totals.itemViews).toBe(103);
  });

  it('is for the region and the MAS network only; a period is checked', async () => {
    expect((await mas({ method: 'GET', url: `/api/trainings/usage?from=${today}&to=${today}` })).statusCode).toBe(200);
    expect((await manager({ method: 'GET', url: `/api/trainings/usage?from=${today}&to=${today}` })).statusCode).toBe(
      403,
    );
    expect((await publicGet(`/api/trainings/usage?from=${today}&to=${today}`)).statusCode).toBe(401);
    const backwards = await admin({ method: 'GET', url: '/api/trainings/usage?from=2026-05-01&to=2026-04-01' });
    expect(backwards.statusCode).toBe(400);
    const tooLong = await admin({ method: 'GET', url: '/api/trainings/usage?from=2020-01-01&to=2026-04-01' });
    expect(tooLong.statusCode).toBe(400);
  });
});
