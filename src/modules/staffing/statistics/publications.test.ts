// When other municipalities' figures change (decision 016): closing a period publishes it, the nightly job publishes
// only what changed, and a municipality once published stays in the period's later publications.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../../platform/server/factories.ts';
import { ReadCache } from '../../../platform/server/read-cache.ts';
import { staffingPublication } from '../publication.table.ts';
import { buildPeriod, buildReport, type Period } from '../staffing.factories.ts';
import { staffingFact, staffingReport } from '../staffing.table.ts';
import { publishChangedPeriods } from './publications.service.ts';

let t: TestApp;
let admin = '';
const towns: Organisation[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  for (const name of ['Ås', 'Berg', 'Dal']) towns.push(await buildMunicipality(t.db, { name }));
  admin = await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.14.0.1');
});
afterAll(() => t.close());

const deps = () => ({ db: t.db, cache: new ReadCache(0), minCount: 3 });

async function periodWith(label: string, statuses: ('approved' | 'submitted')[]): Promise<Period> {
  const period = await buildPeriod(t.db, { label, referenceDate: '2026-11-01', deadline: '2026-12-15' });
  for (const [i, status] of statuses.entries()) {
    const municipality = towns[i] as Organisation;
    await buildReport(t.db, { period, municipality, status });
    await t.db.insert(staffingFact).values(
      [
        { profession: 'context', measure: 'inhabitants', breakdown: '', value: 10_000 + i },
        { profession: 'sjukskoterska', measure: 'headcount', breakdown: '', value: 20 + 5 * i },
      ].map((f) => ({ ...f, periodId: period.id, municipalityId: municipality.id })),
    );
  }
  return period;
}

const versions = async (periodId: string) =>
  (await t.db.select().from(staffingPublication).where(eq(staffingPublication.periodId, periodId))).map(
    (p) => p.version,
  );
const openRows = async (periodId: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/staffing/comparison?periodId=${periodId}` });
  return res.statusCode === 200 ? res.json().rows.map((r: { name: string }) => r.name) : res.statusCode;
};

describe('publications', () => {
  it('are made when a period is closed', async () => {
    const period = await periodWith('Stängs 2026', ['approved', 'approved', 'submitted']);
    expect(await openRows(period.id)).toBe(404);
    const closed = await t.as(admin)({
      method: 'PATCH',
      url: `/api/staffing/periods/${period.id}`,
      payload: { closed: true },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await versions(period.id)).toEqual([1]);
    expect(await openRows(period.id)).toEqual(['Berg', 'Ås']);
  });

  it('are made by the nightly job only for periods whose approved figures changed', async () => {
    const period = await periodWith('Natt 2026', ['approved', 'submitted', 'submitted']);
    await publishChangedPeriods(deps(), new Date());
    expect(await versions(period.id)).toEqual([1]);
    // Nothing changed: no new version.
    await publishChangedPeriods(deps(), new Date());
    expect(await versions(period.id)).toEqual([1]);
    // An approval during the day: published at night, not before.
    await t.db
      .update(staffingReport)
      .set({ status: 'approved' })
      .where(
        and(eq(staffingReport.periodId, period.id), eq(staffingReport.municipalityId, (towns[1] as Organisation).id)),
      );
    expect(await openRows(period.id)).toEqual(['Ås']);
    await publishChangedPeriods(deps(), new Date());
    expect(await versions(period.id)).toEqual([1, 2]);
    expect(await openRows(period.id)).toEqual(['Berg', 'Ås']);
  });

  it('keep a municipality once published, with its published figures, when its report is returned', async () => {
    const period = await periodWith('Återförd 2026', ['approved', 'approved', 'approved']);
    await publishChangedPeriods(deps(), new Date());
    const dal = towns[2] as Organisation;
    await t.db
      .update(staffingReport)
      .set({ status: 'submitted' })
      .where(and(eq(staffingReport.periodId, period.id), eq(staffingReport.municipalityId, dal.id)));
    await t.db
      .update(staffingFact)
      .set({ value: 99 })
      .where(
        and(
          eq(staffingFact.periodId, period.id),
          eq(staffingFact.municipalityId, dal.id),
          eq(staffingFact.measure, 'headcount'),
        ),
      );
    // The return changes nothing others see; the next publication keeps Dal with what was published.
    await publishChangedPeriods(deps(), new Date());
    expect(await versions(period.id)).toEqual([1]);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/staffing/comparison?periodId=${period.id}&profession=sjukskoterska`,
    });
    const dalRow = res.json().rows.find((r: { name: string }) => r.name === 'Dal');
    expect(dalRow.values.headcount).toBe(30);
  });
});
