// The table downloads beyond the comparison: a municipality profile's tables, an import's preview, the periods and a
// report's history, as XLSX and CSV. Every file is read back and held against the JSON view of the same viewer (or
// against the inputs): the same values, the same ".." cells, the same access, and no text that runs as a formula.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../../platform/server/factories.ts';
import { defaultStaffingConfig } from '../default-config.ts';
import type { Cell, ImportPreviewDto, PeriodDto, ProfileDto, StaffingConfigDto } from '../staffing.contracts.ts';
import { generateFacts } from '../staffing-generator.ts';
import { describeFactKey } from '../staffing-labels.ts';
import { type Fact, factKey, MEASURE_BY_KEY, RATIO_DEFS } from '../staffing-measures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOSTILE = '=HYPERLINK("http://example.invalid","x")';

let t: TestApp;
let a: Organisation;
let b: Organisation;
const cookies: Record<string, string | null> = { signedOut: null };
const periods: Record<'earlier' | 'later' | 'import', string> = { earlier: '', later: '', import: '' };
let importId = '';
let staffingConfig: StaffingConfigDto;
const config = defaultStaffingConfig();
// Aby is mid-sized; Bro (3,000 inhabitants) has about one physiotherapist, a count others see as "..".
const factsOf = (m: 'a' | 'b', year: number, seed = m === 'a' ? 11 : 12) =>
  generateFacts(config, { inhabitants: m === 'a' ? 20_000 : 3_000, specialistLevel: 0.3, seed }, year);

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  a = await buildMunicipality(t.db, { name: 'Aby' });
  b = await buildMunicipality(t.db, { name: 'Bro' });
  const signIns = [
    ['admin', { role: 'regional_admin' }],
    ['reporterA', { role: 'reporter', organisation: a }],
    ['reporterB', { role: 'reporter', organisation: b }],
  ] as const;
  for (const [i, [name, options]] of signIns.entries()) {
    cookies[name] = await t.signIn(await buildUser(t.db, options), `10.7.0.${i + 1}`);
  }
  staffingConfig = (await as('admin')({ method: 'GET', url: '/api/staffing/config' })).json();
  periods.earlier = await openPeriod('Export 2025', '2025-11-01');
  periods.later = await openPeriod('Export 2026', '2026-11-01');
  for (const [year, periodId] of [periods.earlier, periods.later].entries()) {
    await submit(periodId, a, factsOf('a', year));
    await submit(periodId, b, factsOf('b', year));
    // Approved and published: what other municipalities read (decision 016).
    for (const m of [a, b]) {
      const approved = await as('admin')({
        method: 'POST',
        url: `/api/staffing/periods/${periodId}/reports/${m.id}/approve`,
      });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    const published = await as('admin')({ method: 'POST', url: `/api/staffing/periods/${periodId}/publish` });
    expect(published.statusCode, published.body).toBe(200);
  }
  periods.import = await openPeriod('Export import', '2027-11-01');
  importId = await pendingImport(periods.import);
}, 120_000);
afterAll(() => t.close());

const as = (who: string) => t.as(cookies[who] ?? null);

async function openPeriod(label: string, referenceDate: string): Promise<string> {
  const res = await as('admin')({
    method: 'POST',
    url: '/api/staffing/periods',
    payload: { label, referenceDate, deadline: referenceDate.replace('-11-01', '-12-15') },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function submit(periodId: string, m: Organisation, facts: Fact[]) {
  const res = await as('admin')({
    method: 'POST',
    url: `/api/staffing/periods/${periodId}/reports/${m.id}/submission`,
    payload: { facts },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/**
 * Aby's template holds one year's figures; the draft then gets another year's, and the old template is uploaded:
 * every value that differs between the two years is a change of the preview.
 */
async function pendingImport(periodId: string): Promise<string> {
  const report = `/api/staffing/periods/${periodId}/reports/${a.id}/facts`;
  await as('reporterA')({ method: 'PUT', url: report, payload: { facts: factsOf('a', 0) } });
  const template = await as('reporterA')({ method: 'GET', url: `/api/staffing/periods/${periodId}/template` });
  expect(template.statusCode).toBe(200);
  await as('reporterA')({ method: 'PUT', url: report, payload: { facts: factsOf('a', 1) } });
  const res = await as('reporterA')({
    method: 'POST',
    url: `/api/staffing/periods/${periodId}/imports`,
    headers: { 'content-type': XLSX },
    payload: template.rawPayload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

// ---- reading the files back ------------------------------------------------------------------------------------

type Value = string | number | null;

function expectFile(res: LightMyRequestResponse, format: 'xlsx' | 'csv') {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toMatch(format === 'xlsx' ? XLSX : /^text\/csv/);
  expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="[^"]+\\.${format}"`));
}

/** The first sheet's rows down to the blank row above the note: every cell's value, null when empty. */
async function xlsxRows(res: LightMyRequestResponse): Promise<{ rows: Value[][]; sheet: ExcelJS.Worksheet }> {
  expectFile(res, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const width = sheet.getRow(1).cellCount;
  const rows: Value[][] = [];
  for (let r = 1; sheet.getRow(r).getCell(1).value !== null; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= width; c++) expect(row.getCell(c).formula).toBeUndefined();
    rows.push(Array.from({ length: width }, (_, c) => (row.getCell(c + 1).value ?? null) as Value));
  }
  return { rows, sheet };
}

/** The CSV's cells as text (BOM, semicolons, quoted cells unquoted). */
function csvTexts(res: LightMyRequestResponse): string[][] {
  expectFile(res, 'csv');
  expect(res.body.startsWith('\uFEFF')).toBe(true);
  return res.body
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g)]
        .slice(0, line.split(';').length)
        .map(([, cell = '']) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell)),
    );
}

/** A CSV cell read as Swedish Excel would: "12,5%" is 0.125, "3,25" is 3.25, empty is null, other text stays. */
function csvValue(text: string): Value {
  if (text === '') return null;
  const number = /^-?\d+(,\d+)?%?$/.test(text) ? Number(text.replace('%', '').replace(',', '.')) : null;
  if (number === null) return text;
  return text.endsWith('%') ? number / 100 : number;
}

/** Cells equal, numbers to ten significant places (the CSV rounds away float noise). */
function expectRows(actual: Value[][], expected: Value[][]) {
  expect(actual.map((row) => row.map((v) => typeof v))).toEqual(expected.map((row) => row.map((v) => typeof v)));
  for (const [r, row] of expected.entries()) {
    for (const [c, value] of row.entries()) {
      const got = actual[r]?.[c];
      if (typeof value === 'number') expect(got as number).toBeCloseTo(value, 8);
      else expect(got, `row ${r + 1}, column ${c + 1}`).toEqual(value);
    }
  }
}

/** The file in both formats, each read back to values. */
async function bothFormats(who: string, url: string): Promise<Value[][][]> {
  const join = url.includes('?') ? '&' : '?';
  const xlsx = await xlsxRows(await as(who)({ method: 'GET', url: `${url}${join}format=xlsx` }));
  const csv = csvTexts(await as(who)({ method: 'GET', url: `${url}${join}format=csv` })).map((row) =>
    row.map((text, c) => (c === 0 ? text : csvValue(text))),
  );
  return [xlsx.rows, csv];
}

// ---- what the profile's JSON says each table holds ---------------------------------------------------------------

type Ratios = Pick<ProfileDto, 'ratios' | 'regionTotal' | 'regionMedian'>;
const ratioCells = (set: Ratios): Value[][] =>
  RATIO_DEFS.map((def) => [def.label.sv, set.ratios[def.key], set.regionTotal[def.key], set.regionMedian[def.key]]);

function shareOf(part: Cell | undefined, whole: Cell | undefined): Value {
  if (part === '..' || whole === '..') return '..';
  return typeof part === 'number' && typeof whole === 'number' && whole > 0 ? part / whole : null;
}

function groupName(measure: string, key: string, profession: string): string {
  const kind = MEASURE_BY_KEY.get(measure)?.breakdown;
  const professionId = staffingConfig.professions.find((p) => p.key === profession)?.id ?? null;
  const item = staffingConfig.items.find(
    (i) => i.kind === kind && i.key === key && (kind !== 'specialty' || i.professionId === professionId),
  );
  return item?.name ?? key;
}

const EXPECTED: Record<'ratios' | 'trend' | 'breakdowns', (p: ProfileDto) => Value[][]> = {
  ratios: (p) => [['Nyckeltal', p.municipality.name, 'Regionen totalt', 'Regionens median'], ...ratioCells(p)],
  trend: (p) => [
    ['Period', 'Nyckeltal', p.municipality.name, 'Regionen totalt', 'Regionens median'],
    ...p.trend.flatMap((point) => ratioCells(point).map((row) => [point.label, ...row])),
  ],
  breakdowns: (p) => [
    [
      'Fördelning',
      'Grupp',
      `${p.municipality.name}, antal`,
      `${p.municipality.name}, andel`,
      'Regionen, antal',
      'Regionen, andel',
    ],
    // Every breakdown of the profile counts persons, so its shares are of the headcount.
    ...p.breakdowns.flatMap((breakdown) =>
      breakdown.items.map((item) => [
        MEASURE_BY_KEY.get(breakdown.measure)?.label.sv ?? '',
        groupName(breakdown.measure, item.key, p.profession),
        item.municipality,
        shareOf(item.municipality, p.values.headcount),
        item.regionTotal,
        shareOf(item.regionTotal, p.regionTotalValues.headcount),
      ]),
    ),
  ],
};

const profileUrl = (m: Organisation, profession: string, suffix = '') =>
  `/api/staffing/profile/${m.id}${suffix}?periodId=${periods.later}&profession=${profession}`;

/** Every table of the profile, in both formats, against the JSON the same viewer gets; returns the JSON. */
async function expectProfileFilesMatchJson(who: string, m: Organisation, profession: string) {
  const json = await as(who)({ method: 'GET', url: profileUrl(m, profession) });
  expect(json.statusCode).toBe(200);
  const profile: ProfileDto = json.json();
  for (const table of ['ratios', 'trend', 'breakdowns'] as const) {
    const expected = EXPECTED[table](profile);
    expect(expected.length).toBeGreaterThan(1);
    for (const rows of await bothFormats(who, `${profileUrl(m, profession, '/export')}&table=${table}`)) {
      expectRows(rows, expected);
    }
  }
  return profile;
}

const suppressedIn = (rows: readonly (readonly Value[])[]) => rows.flat().filter((v) => v === '..').length;

describe('municipality profile downloads', () => {
  it('hold the key ratios, the trend and the breakdowns exactly as the JSON profile does', async () => {
    const profile = await expectProfileFilesMatchJson('admin', a, 'all');
    expect(profile.trend.map((p) => p.periodId)).toEqual([periods.earlier, periods.later]);
    expect(typeof profile.ratios.specialist_share).toBe('number');
  });

  it('format shares as percentages and the other key ratios as numbers', async () => {
    const { sheet } = await xlsxRows(
      await as('admin')({ method: 'GET', url: `${profileUrl(a, 'all', '/export')}&format=xlsx` }),
    );
    RATIO_DEFS.forEach((def, i) => {
      const format = sheet.getRow(i + 2).getCell(2).numFmt;
      if (def.unit === 'percent') expect(format).toBe('0.0%');
      else expect(format).toBeFalsy();
    });
  });

  it("show an outsider the same '..' cells as its JSON, where the region sees numbers", async () => {
    const outsider = await expectProfileFilesMatchJson('reporterA', b, 'fysioterapeut');
    const region = await expectProfileFilesMatchJson('admin', b, 'fysioterapeut');
    const hidden = [...EXPECTED.ratios(outsider), ...EXPECTED.breakdowns(outsider)];
    expect(suppressedIn(hidden)).toBeGreaterThan(0);
    expect(outsider.ratios.specialist_share).toBe('..');
    expect(typeof region.ratios.specialist_share).toBe('number');
    expect(suppressedIn([...EXPECTED.ratios(region), ...EXPECTED.breakdowns(region)])).toBe(0);
    const [xlsx = [], csv = []] = await bothFormats('reporterA', `${profileUrl(b, 'fysioterapeut', '/export')}`);
    expect(suppressedIn(xlsx)).toBe(suppressedIn(EXPECTED.ratios(outsider)));
    expect(suppressedIn(csv)).toBe(suppressedIn(EXPECTED.ratios(outsider)));
  });

  it('answer every viewer with the status of the JSON profile', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: [string, string][] = [
      ['reporterB', profileUrl(a, 'all')],
      ['signedOut', profileUrl(a, 'all')],
      ['reporterA', `/api/staffing/profile/${unknown}?periodId=${periods.later}`],
      ['reporterA', profileUrl(a, 'no_such_profession')],
    ];
    for (const [who, url] of cases) {
      const json = await as(who)({ method: 'GET', url });
      const [path = '', query = ''] = url.split('?');
      const file = await as(who)({ method: 'GET', url: `${path}/export?${query}&format=csv` });
      expect(file.statusCode, `${who} ${url}`).toBe(json.statusCode);
    }
    const refused = await as('reporterA')({ method: 'GET', url: `${profileUrl(a, 'all', '/export')}&table=facts` });
    expect(refused.statusCode).toBe(400);
  });
});

describe('import preview download', () => {
  it('lists every change with its municipality, sheet, cell, fact in words and old and new value', async () => {
    const preview: ImportPreviewDto = (
      await as('reporterA')({ method: 'GET', url: `/api/staffing/imports/${importId}` })
    ).json();
    const before = new Map(factsOf('a', 1).map((f) => [factKey(f), f.value]));
    const after = new Map(factsOf('a', 0).map((f) => [factKey(f), f.value]));
    const differing = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    expect(preview.changes.length).toBe(differing.length);
    expect(preview.changes.length).toBeGreaterThan(10);

    const expected: Value[][] = [
      ['Kommun', 'Blad', 'Cell', 'Uppgift', 'Tidigare värde', 'Nytt värde'],
      ...preview.changes.map((c) => [
        'Aby',
        c.sheet,
        c.cell,
        describeFactKey(staffingConfig, c.key, 'sv'),
        before.get(c.key) ?? null,
        after.get(c.key) ?? null,
      ]),
    ];
    for (const rows of await bothFormats('reporterA', `/api/staffing/imports/${importId}/export`)) {
      expectRows(rows, expected);
    }
    // The fact in words, as the preview page names it.
    const labels = expected.map((row) => row[3]);
    expect(labels).toContain('Invånare');
    const nurse = staffingConfig.professions.find((p) => p.key === 'sjukskoterska')?.name;
    // A nurse's fact that changed between the two years, named "<profession> – <measure>" (the demo generator's years
    // differ by a few per cent, so which of the nurse's figures changed depends on the seed).
    const measureLabels = [...MEASURE_BY_KEY.values()].map((d) => d.label.sv);
    expect(
      labels.some((l) => measureLabels.some((m) => String(l).startsWith(`${nurse} – ${m}`))),
      labels.join('; '),
    ).toBe(true);
  });

  it('is for whoever may open the preview, with the same status as the preview', async () => {
    for (const who of ['reporterA', 'reporterB', 'admin', 'signedOut']) {
      const json = await as(who)({ method: 'GET', url: `/api/staffing/imports/${importId}` });
      const file = await as(who)({ method: 'GET', url: `/api/staffing/imports/${importId}/export?format=xlsx` });
      expect(file.statusCode, who).toBe(json.statusCode);
    }
  });
});

describe('periods and history downloads', () => {
  it('list the periods with their report counts, newest first as the JSON list', async () => {
    const list: PeriodDto[] = (await as('reporterB')({ method: 'GET', url: '/api/staffing/periods' })).json();
    const expected: Value[][] = [
      ['Period', 'Typ av period', 'Referensdag', 'Sista dag', 'Läge'],
      ...list.map((p) => [p.label, 'Helår', p.referenceDate, p.deadline, 'Öppen']),
    ];
    const counts = list.map((p) => [
      p.statusCounts.not_started,
      p.statusCounts.draft,
      p.statusCounts.submitted,
      p.statusCounts.approved,
      p.statusCounts.returned,
    ]);
    for (const rows of await bothFormats('reporterB', '/api/staffing/periods/export')) {
      expectRows(
        rows.map((row) => row.slice(0, 5)),
        expected,
      );
      expect(rows.slice(1).map((row) => row.slice(5))).toEqual(counts);
    }
  });

  it('writes a formula-like comment of the history as text: a string in XLSX, prefixed in CSV', async () => {
    const periodId = await openPeriod('Export retur', '2028-11-01');
    await submit(periodId, b, factsOf('b', 0));
    const report = `/api/staffing/periods/${periodId}/reports/${b.id}`;
    const returned = await as('admin')({ method: 'POST', url: `${report}/return`, payload: { comment: HOSTILE } });
    expect(returned.statusCode).toBe(200);
    const history = returned.json().history as { comment: string | null }[];

    const url = `${report}/history/export`;
    const { rows, sheet } = await xlsxRows(await as('reporterB')({ method: 'GET', url: `${url}?format=xlsx` }));
    expect(rows).toHaveLength(history.length + 1);
    expect(rows[0]).toEqual(['När (svensk tid)', 'Vem', 'Ny status', 'Tidigare status', 'Kommentar']);
    expect(rows[1]?.slice(2)).toEqual(['Återförd', 'Inskickad', HOSTILE]);
    expect(sheet.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.String);

    const csv = csvTexts(await as('reporterB')({ method: 'GET', url: `${url}?format=csv` }));
    expect(csv[1]?.[4]).toBe(`'${HOSTILE}`);
    expect(csv.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);

    for (const who of ['reporterA', 'signedOut']) {
      const json = await as(who)({ method: 'GET', url: report });
      const file = await as(who)({ method: 'GET', url: `${url}?format=csv` });
      expect(file.statusCode, who).toBe(json.statusCode);
      expect(file.statusCode).toBeGreaterThanOrEqual(401);
    }
  });
});
