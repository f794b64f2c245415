// The statistics keep a period's figures per shape of the configuration (decision 036): a change of a name keeps
// them and relabels the next answer; a change of which figures exist (a new list item, an age band switched off)
// computes them again for the next answer; each viewer's figures stay their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../../platform/server/factories.ts';
import { defaultStaffingConfig } from '../default-config.ts';
import { buildPeriod, buildReport, type Period } from '../staffing.factories.ts';
import { staffingFact } from '../staffing.table.ts';
import { generateFacts } from '../staffing-generator.ts';
import type { Fact } from '../staffing-measures.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
let period: Period;
const cookies: Record<string, string> = {};
const facts = new Map<string, Fact[]>();

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  a = await buildMunicipality(t.db, { name: 'Alby' });
  b = await buildMunicipality(t.db, { name: 'Borg' });
  period = await buildPeriod(t.db, { label: 'Formtest 2026' });
  const config = defaultStaffingConfig();
  for (const [i, m] of [a, b].entries()) {
    await buildReport(t.db, { period, municipality: m, status: 'submitted' });
    const list = generateFacts(config, { inhabitants: 15_000 + 10_000 * i, specialistLevel: 0.3, seed: 31 + i }, 0);
    facts.set(m.id, list);
    await t.db.insert(staffingFact).values(list.map((f) => ({ ...f, periodId: period.id, municipalityId: m.id })));
  }
  cookies.admin = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.36.0.1');
  cookies.reporterA = await t.signIn(await buildUser(t.db, { role: 'reporter', organisation: a }), '10.36.0.2');
});
afterAll(() => t.close());

type Column = { key: string; label: { sv: string; en: string } };
type Row = { municipalityId: string; values: Record<string, number | null>; ratios: Record<string, number | null> };
type Item = { id: string; kind: string; key: string; name: string; minAge: number | null };

const as = (who: string) => t.as(cookies[who] ?? null);
const comparison = async (who = 'admin') => {
  const res = await as(who)({
    method: 'GET',
    url: `/api/staffing/comparison?periodId=${period.id}&profession=all`,
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { columns: Column[]; rows: Row[] };
  const row = (m: Organisation) => body.rows.find((r) => r.municipalityId === m.id);
  return { columns: body.columns, ids: body.rows.map((r) => r.municipalityId), row };
};
const trendPoint = async (m: Organisation) => {
  const res = await as('admin')({
    method: 'GET',
    url: `/api/staffing/profile/${m.id}?periodId=${period.id}&profession=all`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().trend.find((p: { periodId: string }) => p.periodId === period.id) as {
    ratios: Record<string, number | null>;
  };
};
const items = async (): Promise<Item[]> =>
  (await as('admin')({ method: 'GET', url: '/api/staffing/config' })).json().items;
const patchItem = async (id: string, payload: Record<string, unknown>) => {
  const res = await as('admin')({ method: 'PATCH', url: `/api/staffing/config/items/${id}`, payload });
  expect(res.statusCode, res.body).toBe(200);
};
/** A municipality's headcount in the given age bands, over every profession (what `age_60_plus` sums). */
const aged = (m: Organisation, bands: string[]) =>
  (facts.get(m.id) ?? [])
    .filter((f) => f.measure === 'age_headcount' && f.profession !== 'context' && bands.includes(f.breakdown))
    .reduce((s, f) => s + f.value, 0);
const headcount = (m: Organisation) =>
  (facts.get(m.id) ?? [])
    .filter((f) => f.measure === 'headcount' && f.profession !== 'context')
    .reduce((s, f) => s + f.value, 0);

describe('figures kept per shape of the configuration', () => {
  it('a renamed list item relabels the next answer; its figures stay the same', async () => {
    const before = await comparison();
    const band = (await items()).find((i) => i.kind === 'age_band');
    if (!band) throw new Error('no age band');
    const column = `age_headcount.${band.key}`;
    expect(before.columns.find((c) => c.key === column)?.label.sv).toContain(band.name);
    await patchItem(band.id, { name: 'Omdöpt åldersgrupp' });
    const after = await comparison();
    expect(after.columns.find((c) => c.key === column)?.label.sv).toContain('Omdöpt åldersgrupp');
    expect(after.row(a)).toEqual(before.row(a));
    expect(after.row(b)).toEqual(before.row(b));
    await patchItem(band.id, { name: band.name });
    expect((await comparison()).columns.find((c) => c.key === column)?.label.sv).not.toContain('Omdöpt');
  });

  it('a new list item is a new column in the next answer', async () => {
    const key = 'formtest_kompetens';
    expect((await comparison()).columns.some((c) => c.key === `competence_headcount.${key}`)).toBe(false);
    const res = await as('admin')({
      method: 'POST',
      url: '/api/staffing/config/items',
      payload: { kind: 'competence', key, name: 'Formtestets kompetens', nameEn: 'The shape test competence' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await comparison();
    expect(after.columns.some((c) => c.key === `competence_headcount.${key}`)).toBe(true);
    expect(after.row(a)?.values[`competence_headcount.${key}`]).toBeNull();
  });

  it('an old-age band switched off moves the 60+ figures and ratios in the next answers; on again, they are back', async () => {
    const old = (await items()).filter((i) => i.kind === 'age_band' && (i.minAge ?? 0) >= 60);
    expect(old.length).toBeGreaterThan(1);
    const [off, ...kept] = old as [Item, ...Item[]];
    const all = old.map((i) => i.key);
    const before = await comparison();
    expect(before.row(a)?.values.age_60_plus).toBeCloseTo(aged(a, all), 6);
    const pointBefore = await trendPoint(a);
    expect(pointBefore.ratios.share_aged_60_plus).toBeCloseTo(aged(a, all) / headcount(a), 10);

    await patchItem(off.id, { active: false });
    const after = await comparison();
    const remaining = kept.map((i) => i.key);
    expect(aged(a, remaining)).not.toBe(aged(a, all));
    expect(after.row(a)?.values.age_60_plus).toBeCloseTo(aged(a, remaining), 6);
    expect(after.row(b)?.values.age_60_plus).toBeCloseTo(aged(b, remaining), 6);
    expect(after.columns.some((c) => c.key === `age_headcount.${off.key}`)).toBe(false);
    expect((await trendPoint(a)).ratios.share_aged_60_plus).toBeCloseTo(aged(a, remaining) / headcount(a), 10);

    await patchItem(off.id, { active: true });
    expect((await comparison()).row(a)).toEqual(before.row(a));
    expect((await trendPoint(a)).ratios).toEqual(pointBefore.ratios);
  });

  it("each viewer's figures stay their own across a change of names: a municipality sees only its own live report", async () => {
    const band = (await items()).find((i) => i.kind === 'age_band');
    if (!band) throw new Error('no age band');
    const check = async () => {
      expect((await comparison('admin')).ids.sort()).toEqual([a.id, b.id].sort());
      const own = await comparison('reporterA');
      expect(own.ids).toEqual([a.id]);
      expect(own.row(a)?.values.headcount).toBeCloseTo(headcount(a), 6);
    };
    await check();
    await patchItem(band.id, { name: 'Namnbyte för nyckeln' });
    await check();
    await patchItem(band.id, { name: band.name });
  });
});
