// The demo's staffing statistics: three periods of valid, invented figures, every workflow state in the current
// period, and the spread the pre-study found (specialist shares from near 0 to over 40 %).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_HOOK_TIMEOUT_MS, type TestApp } from '../../../tests/support/test-app.ts';
import { DEMO_PASSWORD } from '../../platform/server/demo.ts';
import { ReadCache } from '../../platform/server/read-cache.ts';
import { loadFacts } from './reporting/reports.service.ts';
import { staffingPeriod } from './staffing.table.ts';
import { loadConfig, rulesConfigOf } from './staffing-config.service.ts';
import { demoPeriods } from './staffing-demo.ts';
import { validateFacts } from './staffing-rules.ts';

// The demo's periods follow today's date (issue 20): the current round and the two closed years before it.
const [FIRST = '', LAST_CLOSED = '', CURRENT = ''] = demoPeriods().map((p) => p.label);

import { auditStoredPublications } from './statistics/publication-audit.ts';

let t: TestApp;
let admin = '';
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await t.signIn({ email: 'regionadmin@demo.example', password: DEMO_PASSWORD }, '10.4.0.1');
  // The first demo file of a run seeds the demo template that the others wait for (decision 037).
}, DEMO_HOOK_TIMEOUT_MS);
afterAll(() => t.close());

describe('demo staffing data', () => {
  it('has three annual periods, the current one open with every workflow state', async () => {
    const periods = (await t.as(admin)({ method: 'GET', url: '/api/staffing/periods' })).json();
    expect(periods.map((p: { label: string }) => p.label)).toEqual([CURRENT, LAST_CLOSED, FIRST]);
    const current = periods[0];
    expect(current.closed).toBe(false);
    expect(current.statusCounts.submitted).toBeGreaterThanOrEqual(2);
    expect(current.statusCounts.approved).toBeGreaterThanOrEqual(1);
    expect(current.statusCounts.returned).toBe(1);
    expect(current.statusCounts.draft).toBe(1);
    expect(current.statusCounts.not_started).toBeGreaterThanOrEqual(1);
    const detail = (await t.as(admin)({ method: 'GET', url: `/api/staffing/periods/${current.id}` })).json();
    expect(detail.reports.find((r: { municipalityName: string }) => r.municipalityName === 'Skövde').status).toBe(
      'draft',
    );
    expect(periods[1].statusCounts.approved).toBe(15);
  });

  it('gives the demo region a forecast of the last finished round, every municipality with its projection', async () => {
    const forecast = (await t.as(admin)({ method: 'GET', url: '/api/staffing/forecast' })).json();
    // The current round is open with a few reports approved; the forecast defaults to the last closed round.
    expect(forecast.period.label).toBe(LAST_CLOSED);
    expect(forecast.municipalities.filter((m: { included: boolean }) => m.included)).toHaveLength(15);
    expect(forecast.municipalities.every((m: { projectionYears: number }) => m.projectionYears === 10)).toBe(true);
    // Where the publication hides what the forecast needs, the region's forecast says how it estimates instead.
    for (const note of forecast.notesSv) {
      expect(note).toMatch(
        /är skyddat för (en|\d+) kommun(er)?(: resten av regionens antal|, som inte ingår för yrket)|är skyddad i statistiken: pensionsavgångarna bygger på regionens åldersfördelning för alla yrken/,
      );
    }
    // The 80+ grow in every demo projection and people retire: the region must recruit.
    expect(forecast.base.total.cumulativeNeed10).toBeGreaterThan(forecast.base.total.cumulativeNeed5);
    expect(forecast.base.total.cumulativeNeed5).toBeGreaterThan(0);
    const open = (await t.as(admin)({ method: 'GET', url: '/api/staffing/periods' })).json()[0];
    const current = (await t.as(admin)({ method: 'GET', url: `/api/staffing/forecast?periodId=${open.id}` })).json();
    expect(current.period.label).toBe(CURRENT);
    expect(current.notesSv.join(' ')).toMatch(/13 kommuner ingår inte i periodens publicerade statistik/);
  });

  it('every demo report passes every rule of a submission', async () => {
    const config = rulesConfigOf(await loadConfig({ db: t.db, cache: new ReadCache(0), minCount: 3 }));
    const periods = await t.db.select().from(staffingPeriod);
    const organisations = (await t.as(admin)({ method: 'GET', url: '/api/organisations' })).json();
    let checked = 0;
    for (const period of periods) {
      for (const o of organisations.filter((x: { kind: string }) => x.kind === 'municipality')) {
        const facts = await loadFacts(t.db, period.id, o.id);
        if (facts.length === 0) continue;
        expect(validateFacts(config, facts, 'submit'), `${period.label} ${o.name}`).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBe(15 + 15 + 12);
  });

  it('is as varied as the pre-study: specialist shares of nurses from near 0 to over 40 %', async () => {
    const periods = (await t.as(admin)({ method: 'GET', url: '/api/staffing/periods' })).json();
    const comparison = (
      await t.as(admin)({
        method: 'GET',
        url: `/api/staffing/comparison?periodId=${periods[1].id}&profession=sjukskoterska`,
      })
    ).json();
    const shares = comparison.rows.map((r: { ratios: { specialist_share: number } }) => r.ratios.specialist_share);
    expect(Math.min(...shares)).toBeLessThan(0.05);
    expect(Math.max(...shares)).toBeGreaterThan(0.4);
  });
});

describe('demo publications', () => {
  // Auditing a closed year of fifteen municipalities takes one to three minutes on this machine: the suite audits the
  // current round's publication, and `npm run cli -- audit-publications` (decision 016) audits them all.
  it("publishes each closed year and the current round, and the current round's publication passes the attacker audit", async () => {
    const deps = { db: t.db, cache: new ReadCache(0), minCount: 3 };
    const rows = await t.db.select({ label: staffingPeriod.label }).from(staffingPeriod);
    expect(rows.map((r) => r.label).sort()).toEqual([FIRST, LAST_CLOSED, CURRENT]);
    const results = await auditStoredPublications(deps, { period: CURRENT });
    expect(results.map((r) => `${r.period} v${r.version}`)).toEqual([`${CURRENT} v1`]);
    for (const r of results) {
      expect(r.violations, `${r.period} v${r.version}`).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.hidden).toBeGreaterThan(0);
    }
    // Other municipalities read them: the open statistics list the published years.
    const open = (await t.app.inject({ method: 'GET', url: '/api/public/staffing/periods' })).json();
    expect(open.map((p: { label: string }) => p.label)).toEqual([CURRENT, LAST_CLOSED, FIRST]);
  }, 120_000);
});

describe('the demo’s dates', () => {
  it('follow today: the current round opened on the latest 1 November, its deadline ahead; two closed years before', () => {
    for (const today of ['2026-12-07', '2027-03-15', '2027-11-10', '2030-06-01']) {
      const now = new Date(`${today}T10:00:00Z`);
      const [first, closed, current] = demoPeriods(now);
      expect(Date.parse(`${current?.referenceDate}T00:00:00Z`)).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - Date.parse(`${current?.referenceDate}T00:00:00Z`)).toBeLessThan(380 * 86_400_000);
      expect(Date.parse(`${current?.deadline}T00:00:00Z`)).toBeGreaterThan(now.getTime());
      expect(current?.closed).toBe(false);
      expect([first?.closed, closed?.closed]).toEqual([true, true]);
      expect(Number(closed?.label)).toBe(Number(current?.label) - 1);
      expect(Number(first?.label)).toBe(Number(current?.label) - 2);
    }
  });
});
