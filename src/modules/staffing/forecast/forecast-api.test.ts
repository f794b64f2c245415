// The staffing forecast through its API: the region and a municipality from the period's approved reports and the
// projections, computed by hand below; the scenario sentences; who may open which municipality; the stored settings
// (validation, audit, their effect); the answer following a changed projection; the XLSX and CSV exports.
//
// The data (base year 2025, reference date 2025-11-01), nurses only:
//   Åsby:  20 nurses, all full time (20 FTE); 10 aged –29 (spread 20–29), 10 aged 65+ (all 65 with retirement at 66).
//          Inhabitants 80+ 500 in the report; projection 80+: 550 in 2026, 600 in 2030 (2027–29 repeat 550, 2031–35
//          repeat 600).
//   Bergå: 10 nurses aged 40–49 (none reaches 66 within ten years); 8 FTE, 6 full time, so 4 part-time at 0,5 FTE.
//          Inhabitants 80+ 1 000, no projection (demand stays at today's level).
//   Ceby:  a submitted (not approved) report: left out of the region's publication, so of the region's forecast.
// The region's forecast is computed from the period's publication (decision 016): the region publishes below.
//
// Base case (staff per inhabitant 80+ held constant; need = demand growth + retirements):
//   Åsby 2026: demand 20 × 550/500 = 22, 10 retire → need (22 − 20) + 10 = 12; 2027–29: 0; 2030: demand
//   20 × 600/500 = 24 → need 2. Cumulated: 5 years (2026–30) 14, 10 years 14 (= demand 24 − staff left 10).
//   Bergå: demand 10 every year, nobody leaves → need 0.
//   Region: 14 over 5 and over 10 years.

import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../../../../tests/support/test-app.ts';
import { auditEvent } from '../../../platform/server/audit.table.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../../platform/server/factories.ts';
import { populationProjection } from '../population.table.ts';
import { buildPeriod, buildReport, type Period } from '../staffing.factories.ts';
import { staffingFact, staffingPeriod, staffingReport } from '../staffing.table.ts';
import type { ForecastDto, ForecastSettingsInput } from './forecast.contracts.ts';

let t: TestApp;
let asby: Organisation;
let berga: Organisation;
let ceby: Organisation;
let periodRow: Period;
let periodId = '';
let emptyPeriodId = '';
let before: ForecastDto;
const cookies = new Map<string, string>();

const NURSE = 'sjukskoterska';
type FactRow = { profession: string; measure: string; breakdown?: string; value: number };

async function report(municipality: Organisation, status: 'submitted' | 'approved', facts: FactRow[]) {
  await buildReport(t.db, { period: periodRow, municipality, status });
  await t.db
    .insert(staffingFact)
    .values(facts.map((f) => ({ ...f, breakdown: f.breakdown ?? '', periodId, municipalityId: municipality.id })));
}

const context = (inhabitants: number, age65_79: number, age80: number): FactRow[] => [
  { profession: 'context', measure: 'inhabitants', value: inhabitants },
  { profession: 'context', measure: 'inhabitants_65_79', value: age65_79 },
  { profession: 'context', measure: 'inhabitants_80_plus', value: age80 },
];

beforeAll(async () => {
  t = await createTestApp();
  asby = await buildMunicipality(t.db, { name: 'Åsby', code: '1701' });
  berga = await buildMunicipality(t.db, { name: 'Bergå', code: '1702' });
  ceby = await buildMunicipality(t.db, { name: 'Ceby', code: '1703' });
  const region = await buildRegion(t.db);
  let ip = 1;
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    steeringAsby: await buildUser(t.db, { role: 'steering', municipality: asby }),
    employeeAsby: await buildUser(t.db, { role: 'employee', municipality: asby }),
    steeringRegion: await buildUser(t.db, { role: 'steering', organisation: region }),
  };
  for (const [name, u] of Object.entries(users)) cookies.set(name, await t.signIn(u, `10.9.0.${ip++}`));

  // Before any report is approved there is nothing to forecast.
  before = (await get('admin', '')).json();

  periodRow = await buildPeriod(t.db, { label: '2025', referenceDate: '2025-11-01', deadline: '2026-01-31' });
  periodId = periodRow.id;
  const empty = await buildPeriod(t.db, { label: '2024', referenceDate: '2024-11-01', deadline: '2025-01-31' });
  emptyPeriodId = empty.id;
  await report(asby, 'approved', [
    ...context(10_000, 1_500, 500),
    { profession: NURSE, measure: 'headcount', value: 20 },
    { profession: NURSE, measure: 'contracted_fte', value: 20 },
    { profession: NURSE, measure: 'fulltime_headcount', value: 20 },
    { profession: NURSE, measure: 'age_headcount', breakdown: 'age_0_29', value: 10 },
    { profession: NURSE, measure: 'age_headcount', breakdown: 'age_65_plus', value: 10 },
  ]);
  await report(berga, 'approved', [
    ...context(20_000, 3_000, 1_000),
    { profession: NURSE, measure: 'headcount', value: 10 },
    { profession: NURSE, measure: 'contracted_fte', value: 8 },
    { profession: NURSE, measure: 'fulltime_headcount', value: 6 },
    { profession: NURSE, measure: 'age_headcount', breakdown: 'age_40_49', value: 10 },
  ]);
  await report(ceby, 'submitted', [...context(5_000, 800, 300), { profession: NURSE, measure: 'headcount', value: 7 }]);
  await publish(cookies.get('admin') ?? '', periodId);
  await t.db.insert(populationProjection).values([
    { municipalityId: asby.id, year: 2026, ageGroup: '80+', inhabitants: 550 },
    { municipalityId: asby.id, year: 2030, ageGroup: '80+', inhabitants: 600 },
  ]);
});
afterAll(() => t.close());

/** The regional admin publishes the period (the region's forecast reads the publication). */
async function publish(cookie: string, id: string, app: TestApp = t) {
  const res = await app.as(cookie)({ method: 'POST', url: `/api/staffing/periods/${id}/publish` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function get(who: string, query: string) {
  return t.as(cookies.get(who) ?? null)({ method: 'GET', url: `/api/staffing/forecast${query ? `?${query}` : ''}` });
}
async function forecastOf(who: string, query = ''): Promise<ForecastDto> {
  const res = await get(who, query);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
}
const scenario = (dto: ForecastDto, key: string) => {
  const s = dto.scenarios.find((x) => x.key === key);
  if (!s) throw new Error(`no scenario ${key}`);
  return s;
};
const year = (dto: ForecastDto, y: number) => dto.base.total.years.find((x) => x.year === y);

describe('the region’s forecast', () => {
  it('has nothing to show before a report is approved', () => {
    expect(before.period).toBeNull();
    expect(before.base.total.years).toEqual([]);
    expect(before.notesSv.join(' ')).toContain('ingen godkänd rapport');
  });

  it('takes the latest period with approved reports and sums the approved municipalities, as computed by hand', async () => {
    const dto = await forecastOf('admin');
    expect(dto.period?.label).toBe('2025');
    expect(dto.scope).toEqual({ kind: 'region', municipalityId: null, name: 'Regionen' });
    expect(dto.base.baseYear).toBe(2025);
    expect(dto.base.total.years.map((y) => y.year)).toEqual([
      2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035,
    ]);
    // 2026: Åsby 22 + Bergå 10 demand; Åsby's 10 retire; need 12 + 0.
    expect(year(dto, 2026)).toMatchObject({ demand: 32, retirements: 10, need: 12, cumulativeNeed: 12 });
    // Spread over the region's published age distribution (decision 016): the same people, to rounding.
    expect(year(dto, 2026)?.staffRemaining).toBeCloseTo(20, 9);
    expect(year(dto, 2028)?.need).toBeCloseTo(0, 9);
    // 2030: Åsby's demand 24 → need 2, cumulated 14.
    expect(year(dto, 2030)).toMatchObject({ demand: 34, need: 2, cumulativeNeed: 14 });
    expect(dto.base.total.cumulativeNeed5).toBeCloseTo(14, 9);
    expect(dto.base.total.cumulativeNeed10).toBeCloseTo(14, 9);
    expect(dto.base.professions.map((p) => p.key)).toEqual([NURSE]);
    expect(dto.base.total.baseHeadcount).toBe(30);
  });

  it('leaves out the municipality whose report is not approved, and says so', async () => {
    const dto = await forecastOf('admin');
    const byName = new Map(dto.municipalities.map((m) => [m.name, m]));
    expect(byName.get('Ceby')?.included).toBe(false);
    expect(byName.get('Åsby')).toMatchObject({ included: true, populationSource: 'projection', projectionYears: 2 });
    expect(byName.get('Bergå')).toMatchObject({ included: true, projectionYears: 0 });
    const notes = dto.notesSv.join(' ');
    expect(notes).toMatch(/ingår inte i periodens publicerade statistik.*Ceby/);
    expect(notes).toMatch(/Utan befolkningsprognos.*Bergå/);
  });

  it('states what each scenario does to the need, with the default levers', async () => {
    const dto = await forecastOf('admin');
    expect(dto.levers).toEqual({
      extraHoursPerWeek: 2,
      retirementDelayYears: 1,
      staffingRatioChangePercent: -5,
      absenceReductionPercent: 20,
      turnoverReductionPercent: 20,
    });
    // Part-time +2 h: Åsby has no part-time staff. Bergå: 4 part-time at (8 − 6)/4 = 0,5 FTE each gain 2/40 = 0,05
    // FTE → 0,2 FTE more; the same work needs 10 × 8/8,2 = 9,756 persons → need 9,756 − 10 = −0,244.
    // Region 14 − 0,244 = 13,756: falls by 0,244 = 1,74 % of 14.
    const partTime = scenario(dto, 'part_time');
    expect(partTime.label.sv).toBe('Deltidsanställda arbetar 2 timmar mer i veckan');
    expect(partTime.comparison10?.needScenario).toBeCloseTo(14 - (10 - (10 * 8) / 8.2), 9);
    expect(partTime.comparison10?.textSv).toBe('Behovet minskar med 0,2 (1,7 %)');
    // Retirement one year later: Åsby's 65-year-olds retire in 2027 instead; by 2030 the same have gone.
    const later = scenario(dto, 'retire_later');
    expect(later.label.sv).toBe('Pension ett år senare');
    expect(later.comparison5?.textSv).toBe('Behovet är oförändrat');
    expect(later.result.total.years[0]?.need).toBeCloseTo(2, 9);
    // Staffing ratio −5 %: Åsby 24 × 0,95 − 10 = 12,8; Bergå 10 × 0,95 − 10 = −0,5 → 12,3; falls by 1,7 = 12,14 %.
    const ratio = scenario(dto, 'staffing_ratio');
    expect(ratio.comparison10?.needScenario).toBeCloseTo(12.3, 9);
    expect(ratio.comparison10?.textSv).toBe('Behovet minskar med 1,7 (12,1 %)');
    // All together: Åsby 12,8; Bergå 10 × 0,95 × 8/8,2 − 10 = −0,7317 → 12,0683; falls by 1,9317 = 13,80 %.
    const combined = scenario(dto, 'combined');
    expect(combined.comparison10?.needScenario).toBeCloseTo(12.8 + (9.5 * 8) / 8.2 - 10, 9);
    expect(combined.comparison10?.textSv).toBe('Behovet minskar med 1,9 (13,8 %)');
    expect(combined.byProfession).toEqual([{ key: NURSE, comparison: expect.objectContaining({ needBase: 14 }) }]);
    // Issue 20: lower absence and lower turnover beside them. No absence is reported and the assumed turnover is 0 %
    // here, so neither changes the need.
    expect(scenario(dto, 'lower_absence').label.sv).toBe('Lägre frånvaro: 20 % av dagens frånvaro blir arbetad tid');
    expect(scenario(dto, 'lower_absence').comparison10?.textSv).toBe('Behovet är oförändrat');
    expect(scenario(dto, 'lower_turnover').label.sv).toBe('Lägre personalomsättning: 20 % färre slutar');
    expect(scenario(dto, 'lower_turnover').comparison10?.textSv).toBe('Behovet är oförändrat');
  });

  it('follows the viewer’s levers', async () => {
    // −10 %: Åsby 24 × 0,9 − 10 = 11,6; Bergå 9 − 10 = −1 → 10,6; falls by 3,4 = 24,29 % of 14.
    const dto = await forecastOf('steeringAsby', 'staffingRatioChangePercent=-10&retirementDelayYears=2');
    expect(dto.levers.staffingRatioChangePercent).toBe(-10);
    expect(scenario(dto, 'staffing_ratio').comparison10?.textSv).toBe('Behovet minskar med 3,4 (24,3 %)');
    expect(scenario(dto, 'staffing_ratio').label.sv).toBe('Nya arbetssätt: 10 % lägre personaltäthet');
    expect(scenario(dto, 'retire_later').label.sv).toBe('Pension två år senare');
  });

  it('refuses levers out of range with Swedish messages at the field', async () => {
    const res = await get('admin', 'extraHoursPerWeek=99&retirementDelayYears=x');
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.find((f) => f.path === 'extraHoursPerWeek')?.message).toContain('högst 20');
    expect(fields.find((f) => f.path === 'retirementDelayYears')?.message).toMatch(/heltal/);
  });

  it('shows a period without approved reports as empty, and 404 for an unknown period', async () => {
    const dto = await forecastOf('admin', `periodId=${emptyPeriodId}`);
    expect(dto.period?.label).toBe('2024');
    expect(dto.base.total.cumulativeNeed10 ?? 0).toBe(0);
    expect(dto.notesSv.join(' ')).toContain('Perioden är inte publicerad ännu');
    expect((await get('admin', 'periodId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('a municipality’s own forecast', () => {
  it('is open to the regional admin for every municipality', async () => {
    const dto = await forecastOf('admin', `municipalityId=${berga.id}`);
    expect(dto.scope).toEqual({ kind: 'municipality', municipalityId: berga.id, name: 'Bergå' });
    expect(dto.base.total.cumulativeNeed10).toBeCloseTo(0, 9);
    expect(dto.municipalities.every((m) => m.canOpen)).toBe(true);
  });

  it('is open to a municipality’s report readers for their own only; the region is for everyone', async () => {
    const own = await forecastOf('steeringAsby', `municipalityId=${asby.id}`);
    expect(own.base.total.cumulativeNeed10).toBeCloseTo(14, 9);
    const region = await forecastOf('steeringAsby');
    const byName = new Map(region.municipalities.map((m) => [m.name, m]));
    expect(byName.get('Åsby')).toMatchObject({ canOpen: true, need10: 14 });
    expect(byName.get('Bergå')).toMatchObject({ canOpen: false, need5: null, need10: null });
    expect((await get('steeringAsby', `municipalityId=${berga.id}`)).statusCode).toBe(404);
    // The region's steering group and a municipality's employees see the region, but no municipality's age bands.
    expect((await get('steeringRegion', `municipalityId=${asby.id}`)).statusCode).toBe(403);
    expect((await get('employeeAsby', `municipalityId=${asby.id}`)).statusCode).toBe(403);
    const employeeView = await forecastOf('employeeAsby');
    expect(employeeView.municipalities.every((m) => !m.canOpen && m.need10 === null)).toBe(true);
    expect(employeeView.base.total.cumulativeNeed10).toBeCloseTo(14, 9);
  });
});

const SETTINGS: ForecastSettingsInput = {
  retirementAge: 66,
  turnoverPercent: 0,
  demandBasis: { kind: '80+' },
  fullTimeHoursPerWeek: 40,
  horizonYears: 10,
  levers: {
    extraHoursPerWeek: 2,
    retirementDelayYears: 1,
    staffingRatioChangePercent: -5,
    absenceReductionPercent: 20,
    turnoverReductionPercent: 20,
  },
};
const put = (who: string, payload: unknown) =>
  t.as(cookies.get(who) ?? null)({ method: 'PUT', url: '/api/staffing/forecast/settings', payload: payload as object });

describe('the region’s stored assumptions', () => {
  it('are the defaults until changed, and only the regional admin may change them', async () => {
    const res = await t.as(cookies.get('steeringAsby') ?? null)({
      method: 'GET',
      url: '/api/staffing/forecast/settings',
    });
    expect(res.json()).toMatchObject({ ...SETTINGS, updatedAt: null, canEdit: false });
    expect((await put('steeringAsby', SETTINGS)).statusCode).toBe(403);
  });

  it('refuses bad values with Swedish messages at the field and keeps the old ones', async () => {
    const res = await put('admin', {
      ...SETTINGS,
      retirementAge: 90,
      demandBasis: { kind: 'weighted', weight65_79: -1, weight80plus: 1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.find((f) => f.path === 'retirementAge')?.message).toBe('Pensionsåldern får vara högst 75.');
    expect(fields.find((f) => f.path === 'demandBasis.weight65_79')?.message).toContain('minst 0');
    expect((await forecastOf('admin')).settings.retirementAge).toBe(66);
  });

  it('change the forecast at once, and the change is audited', async () => {
    // Turnover 10 %: each year a tenth of today's staff still there leave, after the year's retirements.
    // Åsby: 10 retire in 2026, then the 10 left shrink to 10 × 0,9^10 by 2035 → need 24 − 10 × 0,9^10.
    // Bergå: 10 − 10 × 0,9^10. Region: 34 − 20 × 0,9^10 = 27,03.
    const res = await put('admin', {
      ...SETTINGS,
      turnoverPercent: 10,
      levers: { ...SETTINGS.levers, extraHoursPerWeek: 4 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ turnoverPercent: 10, canEdit: true });
    const dto = await forecastOf('admin');
    expect(dto.base.total.cumulativeNeed10).toBeCloseTo(34 - 20 * 0.9 ** 10, 9);
    expect(dto.levers.extraHoursPerWeek).toBe(4);
    expect(dto.base.assumptions.find((a) => a.key === 'turnoverRate')?.value).toMatch(/10/);
    const events = await t.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'staffing_forecast_settings.update'));
    expect(events).toHaveLength(1);
    expect((await put('admin', SETTINGS)).statusCode).toBe(200);
  });
});

describe('the forecast follows the data', () => {
  it('answers anew when a projection changes', async () => {
    expect((await forecastOf('admin')).base.total.cumulativeNeed10).toBeCloseTo(14, 9);
    // A flat projection at the report's 500: Åsby's demand stays 20, so its need is the 10 who retire.
    const rows = Array.from({ length: 10 }, (_, i) => ({ year: 2026 + i, ageGroup: '80+', inhabitants: 500 }));
    const res = await t.as(cookies.get('admin') ?? null)({
      method: 'PUT',
      url: `/api/staffing/population/${asby.id}`,
      payload: { rows },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await forecastOf('admin')).base.total.cumulativeNeed10).toBeCloseTo(10, 9);
    await t.db.delete(populationProjection).where(eq(populationProjection.municipalityId, asby.id));
    await t.db.insert(populationProjection).values([
      { municipalityId: asby.id, year: 2026, ageGroup: '80+', inhabitants: 550 },
      { municipalityId: asby.id, year: 2030, ageGroup: '80+', inhabitants: 600 },
    ]);
    expect((await forecastOf('admin')).base.total.cumulativeNeed10).toBeCloseTo(14, 9);
  });

  it("revalidates a browser's copy: 304 while the data stands, a new answer and tag after a change", async () => {
    const as = t.as(cookies.get('admin') ?? null);
    const first = await as({ method: 'GET', url: '/api/staffing/forecast', headers: { 'accept-encoding': 'br' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^".+"$/);
    const plain = await get('admin', '');
    expect(plain.headers.etag).toBe(tag);
    expect(plain.json().base.total.cumulativeNeed10).toBeCloseTo(14, 9);
    const same = await as({ method: 'GET', url: '/api/staffing/forecast', headers: { 'if-none-match': tag } });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    // Another lever setting is another answer.
    const levers = await as({
      method: 'GET',
      url: '/api/staffing/forecast?retirementDelayYears=3',
      headers: { 'if-none-match': tag },
    });
    expect(levers.statusCode).toBe(200);
    expect(levers.headers.etag).not.toBe(tag);
    // A flat projection at the report's 500 (as above): a change the answer's key follows.
    const rows = Array.from({ length: 10 }, (_, i) => ({ year: 2026 + i, ageGroup: '80+', inhabitants: 500 }));
    expect(
      (await as({ method: 'PUT', url: `/api/staffing/population/${asby.id}`, payload: { rows } })).statusCode,
    ).toBe(200);
    try {
      const changed = await as({ method: 'GET', url: '/api/staffing/forecast', headers: { 'if-none-match': tag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(tag);
      expect(changed.json().base.total.cumulativeNeed10).toBeCloseTo(10, 9);
    } finally {
      await t.db.delete(populationProjection).where(eq(populationProjection.municipalityId, asby.id));
      await t.db.insert(populationProjection).values([
        { municipalityId: asby.id, year: 2026, ageGroup: '80+', inhabitants: 550 },
        { municipalityId: asby.id, year: 2030, ageGroup: '80+', inhabitants: 600 },
      ]);
    }
    expect((await forecastOf('admin')).base.total.cumulativeNeed10).toBeCloseTo(14, 9);
  });
});

describe('export', () => {
  it('gives the years of the base case and every scenario as XLSX, with the scenarios and assumptions', async () => {
    const res = await t.as(cookies.get('steeringAsby') ?? null)({
      method: 'GET',
      url: '/api/staffing/forecast/export?format=xlsx',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('Prognos%20regionen%202025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Prognos per år', 'Scenarier', 'Antaganden', 'Kommuner']);
    const years = workbook.getWorksheet('Prognos per år');
    // (base + 6 scenarios) × (nurses + all professions) × 10 years, under one header row.
    expect(years?.actualRowCount).toBe(1 + 7 * 2 * 10);
    const first = years?.getRow(2).values as unknown[];
    expect(first.slice(1)).toEqual(['Grundscenario', 'Sjuksköterska', 2026, 32, 20, 10, 0, 12, 12]);
    const scenarios = workbook.getWorksheet('Scenarier');
    expect(scenarios?.getRow(4).getCell(6).value).toBe('Behovet minskar med 1,7 (12,1 %)');
    // The steering member of Åsby sees only Åsby's own figures among the municipalities.
    const municipalities = workbook.getWorksheet('Kommuner');
    expect(municipalities?.actualRowCount).toBe(2);
    expect(municipalities?.getRow(2).values).toEqual([undefined, 'Åsby', 14, 14]);
  });

  it('gives the years as CSV for Swedish Excel', async () => {
    const res = await t.as(cookies.get('admin') ?? null)({
      method: 'GET',
      url: `/api/staffing/forecast/export?format=csv&municipalityId=${asby.id}&staffingRatioChangePercent=-10`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('Prognos%20%C3%85sby%202025.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(1 + 7 * 2 * 10);
    expect(lines[0]).toContain('Scenario;Yrke;År;Efterfrågan (personer)');
    // Åsby with −10 %: 2035 demand 24 × 0,9 = 21,6, cumulated need 21,6 − 10 = 11,6.
    expect(lines).toContain('Nya arbetssätt: 10 % lägre personaltäthet;Alla yrken;2035;21,6;10;0;0;0;11,6');
  });
});

describe('with the read cache on (CACHE_SECONDS 30, as between changes in production)', () => {
  it('serves the cached state until this server makes a change, then answers anew at once', async () => {
    const app = await createTestApp({ config: testConfig({ CACHE_SECONDS: '30' }) });
    try {
      const town = await buildMunicipality(app.db, { name: 'Dalby', code: '1801' });
      const cookie = await app.signIn(await buildUser(app.db, { role: 'regional_admin' }), '10.9.1.1');
      const period = await buildPeriod(app.db, { label: '2025', referenceDate: '2025-11-01', deadline: '2026-01-31' });
      const pid = period.id;
      await buildReport(app.db, { period, municipality: town, status: 'approved' });
      const publishLater = () => publish(cookie, pid, app);
      // 10 nurses aged 40–49 (none retires within ten years); 80+: 1 000 in the report.
      await app.db
        .insert(staffingFact)
        .values(
          [
            ...context(20_000, 3_000, 1_000),
            { profession: NURSE, measure: 'headcount', value: 10 },
            { profession: NURSE, measure: 'age_headcount', breakdown: 'age_40_49', value: 10 },
          ].map((f) => ({ ...f, breakdown: f.breakdown ?? '', periodId: pid, municipalityId: town.id })),
        );
      await publishLater();
      const need10 = async () =>
        (await app.as(cookie)({ method: 'GET', url: '/api/staffing/forecast' })).json().base.total.cumulativeNeed10;
      // No projection: demand stays 10, nobody leaves → no need.
      expect(await need10()).toBeCloseTo(0, 9);
      // Behind the app's back (as another server would): 80+ 1 100 from 2026 → demand 11. Not seen yet.
      await app.db
        .insert(populationProjection)
        .values({ municipalityId: town.id, year: 2026, ageGroup: '80+', inhabitants: 1100 });
      expect(await need10()).toBeCloseTo(0, 9);
      // A change through this server clears its read cache: the next answer follows the data.
      const res = await app.as(cookie)({
        method: 'PUT',
        url: `/api/staffing/population/${town.id}`,
        payload: { rows: [{ year: 2027, ageGroup: '80+', inhabitants: 1200 }] },
      });
      expect(res.statusCode, res.body).toBe(200);
      // The form's save replaced the projection from this year on: 80+ 1 200 from 2027 → demand 12, need 2.
      expect(await need10()).toBeCloseTo(2, 9);
    } finally {
      await app.close();
    }
  });
});

describe('the region’s forecast and publications', () => {
  it('moves when the period is published, not when a report is approved', async () => {
    await t.db
      .update(staffingReport)
      .set({ status: 'approved' })
      .where(and(eq(staffingReport.periodId, periodId), eq(staffingReport.municipalityId, ceby.id)));
    // What the report transitions do in the same transaction (reports.service.ts): the period's revision moves.
    await t.db.update(staffingPeriod).set({ revision: 99 }).where(eq(staffingPeriod.id, periodId));
    const approvedOnly = await forecastOf('admin');
    expect(approvedOnly.municipalities.find((m) => m.name === 'Ceby')?.included).toBe(false);
    expect(approvedOnly.base.total.baseHeadcount).toBe(30);
    const outcome = await publish(cookies.get('admin') ?? '', periodId);
    expect(outcome).toMatchObject({ made: true, publication: { version: 2, municipalities: 3 } });
    const dto = await forecastOf('admin');
    expect(dto.municipalities.find((m) => m.name === 'Ceby')?.included).toBe(true);
    expect(dto.base.total.baseHeadcount).toBe(37);
    // Nothing changed since: publishing again makes no new version.
    expect(await publish(cookies.get('admin') ?? '', periodId)).toMatchObject({ made: false, reason: 'unchanged' });
  });
});
