// Role × route matrix of the staffing module: every staffing route is called as each role of municipality A, as
// B's municipal admin and signed out, and the status of every cell is asserted. Reports belong to municipality A.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { ROLES, type Role } from '../../platform/shared/roles.ts';
import { defaultStaffingConfig } from './default-config.ts';
import { generateFacts } from './staffing-generator.ts';

type ActorName = Role | 'other_municipal_admin' | 'signed_out';
const ACTORS: ActorName[] = [...ROLES, 'other_municipal_admin', 'signed_out'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let a: Organisation;
const cookies = new Map<ActorName, string | null>();
let sharedPeriod = '';
const baseFacts = generateFacts(defaultStaffingConfig(), { inhabitants: 15_000, specialistLevel: 0.2, seed: 42 }, 0);
let facts = baseFacts;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Kommun A' });
  const b = await buildMunicipality(t.db, { name: 'Kommun B' });
  let ip = 1;
  for (const role of ROLES) {
    const u = await buildUser(t.db, { role, ...(role === 'regional_admin' ? {} : { municipality: a }) });
    cookies.set(role, await t.signIn(u, `10.2.0.${ip++}`));
  }
  const other = await buildUser(t.db, { role: 'municipal_admin', municipality: b });
  cookies.set('other_municipal_admin', await t.signIn(other, `10.2.0.${ip++}`));
  cookies.set('signed_out', null);
  sharedPeriod = await freshReport('approved');
});
afterAll(() => t.close());

const admin = () => t.as(cookies.get('regional_admin') ?? null);
const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

/** A new period with A's report in the given state; returns the period id. */
async function freshReport(state: 'none' | 'draft' | 'submitted' | 'approved'): Promise<string> {
  const period = await admin()({
    method: 'POST',
    url: '/api/staffing/periods',
    payload: { label: `P ${unique()}`, referenceDate: '2026-11-01', deadline: '2026-12-15' },
  });
  const id = period.json().id as string;
  // Professions added by other cells of the matrix are active, so a complete report gives them a headcount of 0.
  const config = (await admin()({ method: 'GET', url: '/api/staffing/config' })).json();
  const known = new Set(baseFacts.map((f) => f.profession));
  facts = [
    ...baseFacts,
    ...config.professions
      .filter((p: { key: string; active: boolean }) => p.active && !known.has(p.key))
      .map((p: { key: string }) => ({ profession: p.key, measure: 'headcount', breakdown: '', value: 0 })),
  ];
  const report = `/api/staffing/periods/${id}/reports/${a.id}`;
  if (state !== 'none') await admin()({ method: 'PUT', url: `${report}/facts`, payload: { facts } });
  if (state === 'submitted' || state === 'approved') await admin()({ method: 'POST', url: `${report}/submit` });
  if (state === 'approved') await admin()({ method: 'POST', url: `${report}/approve` });
  return id;
}
const reportUrl = (periodId: string, suffix = '') => `/api/staffing/periods/${periodId}/reports/${a.id}${suffix}`;
async function template(periodId: string): Promise<Buffer> {
  const res = await admin()({
    method: 'GET',
    url: `/api/staffing/periods/${periodId}/template?municipalityId=${a.id}`,
  });
  return res.rawPayload;
}
async function freshImport(): Promise<string> {
  const periodId = await freshReport('draft');
  const res = await admin()({
    method: 'POST',
    url: `/api/staffing/periods/${periodId}/imports`,
    headers: { 'content-type': XLSX },
    payload: await template(periodId),
  });
  return res.json().id as string;
}

type Expect = Partial<Record<ActorName, number>> & { rest: number };
type Cell = { name: string; method: string; url: string; request: () => Promise<InjectOptions>; expect: Expect };

const everyone = (status: number): Expect => ({ rest: status, signed_out: 401 });
const regionalOnly = (status: number): Expect => ({ rest: 403, regional_admin: status, signed_out: 401 });
const readers = (status: number): Expect => ({
  rest: status,
  broker: 403,
  employee: 403,
  other_municipal_admin: 404,
  signed_out: 401,
});
const editors = (status: number, other = 404): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  reporter: status,
  other_municipal_admin: other,
  signed_out: 401,
});
const approvers = (status: number): Expect => ({
  rest: 403,
  regional_admin: status,
  municipal_admin: status,
  other_municipal_admin: 404,
  signed_out: 401,
});
const uploaderOnly = (status: number): Expect => ({ rest: 404, regional_admin: status, signed_out: 401 });

const professionBody = () => ({ key: `y${unique()}`, name: `Yrke ${unique()}`, nameEn: 'Profession' });
const freshProfession = async () =>
  (await admin()({ method: 'POST', url: '/api/staffing/config/professions', payload: professionBody() })).json().id;
const itemBody = () => ({
  kind: 'competence',
  key: `k${unique()}`,
  name: `Kompetens ${unique()}`,
  nameEn: 'Competence',
});
const freshItem = async () =>
  (await admin()({ method: 'POST', url: '/api/staffing/config/items', payload: itemBody() })).json().id;

const CELLS: Cell[] = [
  {
    name: 'configuration',
    method: 'GET',
    url: '/api/staffing/config',
    request: async () => ({ method: 'GET', url: '/api/staffing/config' }),
    expect: everyone(200),
  },
  {
    name: 'add profession',
    method: 'POST',
    url: '/api/staffing/config/professions',
    request: async () => ({ method: 'POST', url: '/api/staffing/config/professions', payload: professionBody() }),
    expect: regionalOnly(201),
  },
  {
    name: 'change profession',
    method: 'PATCH',
    url: '/api/staffing/config/professions/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/staffing/config/professions/${await freshProfession()}`,
      payload: { sort: 500 },
    }),
    expect: regionalOnly(200),
  },
  {
    name: 'add list item',
    method: 'POST',
    url: '/api/staffing/config/items',
    request: async () => ({ method: 'POST', url: '/api/staffing/config/items', payload: itemBody() }),
    expect: regionalOnly(201),
  },
  {
    name: 'change list item',
    method: 'PATCH',
    url: '/api/staffing/config/items/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/staffing/config/items/${await freshItem()}`,
      payload: { active: false },
    }),
    expect: regionalOnly(200),
  },
  {
    name: 'periods',
    method: 'GET',
    url: '/api/staffing/periods',
    request: async () => ({ method: 'GET', url: '/api/staffing/periods' }),
    expect: everyone(200),
  },
  {
    name: 'periods export',
    method: 'GET',
    url: '/api/staffing/periods/export',
    request: async () => ({ method: 'GET', url: '/api/staffing/periods/export?format=csv' }),
    expect: everyone(200),
  },
  {
    name: 'open period',
    method: 'POST',
    url: '/api/staffing/periods',
    request: async () => ({
      method: 'POST',
      url: '/api/staffing/periods',
      payload: { label: `Q ${unique()}`, kind: 'quarterly', referenceDate: '2026-10-01', deadline: '2026-11-15' },
    }),
    expect: regionalOnly(201),
  },
  {
    name: 'period detail',
    method: 'GET',
    url: '/api/staffing/periods/:id',
    request: async () => ({ method: 'GET', url: `/api/staffing/periods/${sharedPeriod}` }),
    expect: everyone(200),
  },
  {
    name: 'change period',
    method: 'PATCH',
    url: '/api/staffing/periods/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/staffing/periods/${await freshReport('none')}`,
      payload: { deadline: '2026-12-20' },
    }),
    expect: regionalOnly(200),
  },
  {
    name: 'period status export',
    method: 'GET',
    url: '/api/staffing/periods/:id/export',
    request: async () => ({ method: 'GET', url: `/api/staffing/periods/${sharedPeriod}/export?format=csv` }),
    expect: everyone(200),
  },
  {
    name: 'Excel template of A',
    method: 'GET',
    url: '/api/staffing/periods/:id/template',
    request: async () => ({
      method: 'GET',
      url: `/api/staffing/periods/${sharedPeriod}/template?municipalityId=${a.id}`,
    }),
    expect: editors(200),
  },
  {
    name: 'report of A',
    method: 'GET',
    url: '/api/staffing/periods/:periodId/reports/:municipalityId',
    request: async () => ({ method: 'GET', url: reportUrl(sharedPeriod) }),
    expect: readers(200),
  },
  {
    name: 'history export of A',
    method: 'GET',
    url: '/api/staffing/periods/:periodId/reports/:municipalityId/history/export',
    request: async () => ({ method: 'GET', url: reportUrl(sharedPeriod, '/history/export?format=xlsx') }),
    expect: readers(200),
  },
  {
    name: 'save draft',
    method: 'PUT',
    url: '/api/staffing/periods/:periodId/reports/:municipalityId/facts',
    request: async () => ({ method: 'PUT', url: reportUrl(await freshReport('none'), '/facts'), payload: { facts } }),
    expect: editors(200),
  },
  {
    name: 'submit',
    method: 'POST',
    url: '/api/staffing/periods/:periodId/reports/:municipalityId/submit',
    request: async () => ({ method: 'POST', url: reportUrl(await freshReport('draft'), '/submit') }),
    expect: editors(200),
  },
  {
    name: 'approve',
    method: 'POST',
    url: '/api/staffing/periods/:periodId/reports/:municipalityId/approve',
    request: async () => ({ method: 'POST', url: reportUrl(await freshReport('submitted'), '/approve') }),
    expect: approvers(200),
  },
  {
    name: 'return',
    method: 'POST',
    url: '/api/staffing/periods/:periodId/reports/:municipalityId/return',
    request: async () => ({
      method: 'POST',
      url: reportUrl(await freshReport('submitted'), '/return'),
      payload: { comment: 'Rätta åldrarna.' },
    }),
    expect: approvers(200),
  },
  {
    name: 'save and submit (integrations)',
    method: 'POST',
    url: '/api/staffing/periods/:periodId/reports/:municipalityId/submission',
    request: async () => ({
      method: 'POST',
      url: reportUrl(await freshReport('none'), '/submission'),
      payload: { facts },
    }),
    expect: editors(200),
  },
  {
    name: 'upload workbook for A',
    method: 'POST',
    url: '/api/staffing/periods/:id/imports',
    request: async () => {
      const periodId = await freshReport('draft');
      return {
        method: 'POST',
        url: `/api/staffing/periods/${periodId}/imports`,
        headers: { 'content-type': XLSX },
        payload: await template(periodId),
      };
    },
    // B's admin may import for B, but not A's column: the file is refused cell by cell.
    expect: editors(201, 422),
  },
  {
    name: 'import preview',
    method: 'GET',
    url: '/api/staffing/imports/:id',
    request: async () => ({ method: 'GET', url: `/api/staffing/imports/${await freshImport()}` }),
    expect: uploaderOnly(200),
  },
  {
    name: 'import preview export',
    method: 'GET',
    url: '/api/staffing/imports/:id/export',
    request: async () => ({ method: 'GET', url: `/api/staffing/imports/${await freshImport()}/export?format=csv` }),
    expect: uploaderOnly(200),
  },
  {
    name: 'confirm import',
    method: 'POST',
    url: '/api/staffing/imports/:id/confirm',
    request: async () => ({ method: 'POST', url: `/api/staffing/imports/${await freshImport()}/confirm` }),
    expect: uploaderOnly(200),
  },
  {
    name: 'discard import',
    method: 'POST',
    url: '/api/staffing/imports/:id/discard',
    request: async () => ({ method: 'POST', url: `/api/staffing/imports/${await freshImport()}/discard` }),
    expect: uploaderOnly(200),
  },
  {
    name: 'comparison',
    method: 'GET',
    url: '/api/staffing/comparison',
    request: async () => ({ method: 'GET', url: `/api/staffing/comparison?periodId=${sharedPeriod}` }),
    expect: everyone(200),
  },
  {
    name: 'comparison export',
    method: 'GET',
    url: '/api/staffing/comparison/export',
    request: async () => ({
      method: 'GET',
      url: `/api/staffing/comparison/export?periodId=${sharedPeriod}&format=xlsx`,
    }),
    expect: everyone(200),
  },
  {
    name: 'profile of A',
    method: 'GET',
    url: '/api/staffing/profile/:municipalityId',
    request: async () => ({ method: 'GET', url: `/api/staffing/profile/${a.id}?periodId=${sharedPeriod}` }),
    expect: everyone(200),
  },
  {
    name: 'profile export of A',
    method: 'GET',
    url: '/api/staffing/profile/:municipalityId/export',
    request: async () => ({
      method: 'GET',
      url: `/api/staffing/profile/${a.id}/export?periodId=${sharedPeriod}&format=xlsx&table=breakdowns`,
    }),
    expect: everyone(200),
  },
  {
    name: 'open statistics: periods',
    method: 'GET',
    url: '/api/public/staffing/periods',
    request: async () => ({ method: 'GET', url: '/api/public/staffing/periods' }),
    expect: { rest: 200 },
  },
  {
    name: 'open statistics: professions',
    method: 'GET',
    url: '/api/public/staffing/professions',
    request: async () => ({ method: 'GET', url: '/api/public/staffing/professions' }),
    expect: { rest: 200 },
  },
  {
    name: 'open statistics: comparison',
    method: 'GET',
    url: '/api/public/staffing/comparison',
    request: async () => ({ method: 'GET', url: `/api/public/staffing/comparison?periodId=${sharedPeriod}` }),
    expect: { rest: 200 },
  },
  {
    name: 'open statistics: export',
    method: 'GET',
    url: '/api/public/staffing/comparison/export',
    request: async () => ({
      method: 'GET',
      url: `/api/public/staffing/comparison/export?periodId=${sharedPeriod}&format=csv`,
    }),
    expect: { rest: 200 },
  },
  {
    name: 'population projections',
    method: 'GET',
    url: '/api/staffing/population',
    request: async () => ({ method: 'GET', url: '/api/staffing/population' }),
    expect: everyone(200),
  },
  {
    name: 'population projections: export',
    method: 'GET',
    url: '/api/staffing/population/export',
    request: async () => ({ method: 'GET', url: `/api/staffing/population/export?municipalityId=${a.id}` }),
    expect: everyone(200),
  },
  {
    name: 'population projection of a municipality',
    method: 'GET',
    url: '/api/staffing/population/:municipalityId',
    request: async () => ({ method: 'GET', url: `/api/staffing/population/${a.id}` }),
    expect: everyone(200),
  },
  {
    name: 'save a population projection',
    method: 'PUT',
    url: '/api/staffing/population/:municipalityId',
    request: async () => ({
      method: 'PUT',
      url: `/api/staffing/population/${a.id}`,
      payload: { rows: [{ year: new Date().getUTCFullYear() + 1, ageGroup: '80+', inhabitants: 1200 }] },
    }),
    expect: editors(200),
  },
  {
    name: 'population import: preview',
    method: 'POST',
    url: '/api/staffing/population/import/preview',
    // Another municipality's admin may import their own rows; A's rows are cell errors in an answered preview.
    request: async () => ({ method: 'POST', url: '/api/staffing/population/import/preview', ...populationCsv() }),
    expect: editors(200, 200),
  },
  {
    name: 'population import: confirm',
    method: 'POST',
    url: '/api/staffing/population/import/confirm',
    request: async () => {
      const file = populationCsv();
      const token = (await admin()({ method: 'POST', url: '/api/staffing/population/import/preview', ...file })).json()
        .token;
      return { method: 'POST', url: `/api/staffing/population/import/confirm?token=${token}`, ...file };
    },
    expect: editors(201, 422),
  },
  {
    name: 'the region’s forecast',
    method: 'GET',
    url: '/api/staffing/forecast',
    request: async () => ({ method: 'GET', url: `/api/staffing/forecast?periodId=${sharedPeriod}` }),
    expect: everyone(200),
  },
  {
    name: 'a municipality’s own forecast (its age bands: for those who see its figures unsuppressed)',
    method: 'GET',
    url: '/api/staffing/forecast',
    request: async () => ({
      method: 'GET',
      url: `/api/staffing/forecast?periodId=${sharedPeriod}&municipalityId=${a.id}&extraHoursPerWeek=3`,
    }),
    expect: readers(200),
  },
  {
    name: 'forecast export',
    method: 'GET',
    url: '/api/staffing/forecast/export',
    request: async () => ({ method: 'GET', url: `/api/staffing/forecast/export?periodId=${sharedPeriod}&format=csv` }),
    expect: everyone(200),
  },
  {
    name: 'forecast settings',
    method: 'GET',
    url: '/api/staffing/forecast/settings',
    request: async () => ({ method: 'GET', url: '/api/staffing/forecast/settings' }),
    expect: everyone(200),
  },
  {
    name: 'change the forecast settings',
    method: 'PUT',
    url: '/api/staffing/forecast/settings',
    request: async () => ({
      method: 'PUT',
      url: '/api/staffing/forecast/settings',
      payload: {
        retirementAge: 66,
        turnoverPercent: 0,
        demandBasis: { kind: '80+' },
        fullTimeHoursPerWeek: 40,
        horizonYears: 10,
        levers: { extraHoursPerWeek: 2, retirementDelayYears: 1, staffingRatioChangePercent: -5 },
      },
    }),
    expect: regionalOnly(200),
  },
  {
    name: 'region reports',
    method: 'GET',
    url: '/api/staffing/region-reports',
    request: async () => ({ method: 'GET', url: '/api/staffing/region-reports' }),
    expect: everyone(200),
  },
  {
    name: 'create a region report (the steering group and the municipalities’ leads, any municipality)',
    method: 'POST',
    url: '/api/staffing/region-reports',
    request: async () => ({ method: 'POST', url: '/api/staffing/region-reports', payload: { periodId: sharedPeriod } }),
    expect: {
      rest: 403,
      regional_admin: 202,
      municipal_admin: 202,
      manager: 202,
      mas: 202,
      steering: 202,
      other_municipal_admin: 202,
      signed_out: 401,
    },
  },
  {
    name: 'a region report’s progress',
    method: 'GET',
    url: '/api/staffing/region-reports/:id',
    request: async () => ({ method: 'GET', url: `/api/staffing/region-reports/${await doneRegionReport()}` }),
    expect: everyone(200),
  },
  {
    name: 'a region report as PDF',
    method: 'GET',
    url: '/api/staffing/region-reports/:id/pdf',
    request: async () => ({ method: 'GET', url: `/api/staffing/region-reports/${await doneRegionReport()}/pdf` }),
    expect: everyone(200),
  },
  {
    name: 'a region report as XLSX',
    method: 'GET',
    url: '/api/staffing/region-reports/:id/xlsx',
    request: async () => ({ method: 'GET', url: `/api/staffing/region-reports/${await doneRegionReport()}/xlsx` }),
    expect: everyone(200),
  },
];

/** One finished region report, made by a regional admin of its own (the matrix's users may have one running). */
let regionReport: Promise<string> | null = null;
function doneRegionReport(): Promise<string> {
  regionReport ??= (async () => {
    const maker = t.as(await t.signIn(await buildUser(t.db, { role: 'regional_admin' }), '10.2.9.1'));
    const created = await maker({
      method: 'POST',
      url: '/api/staffing/region-reports',
      payload: { periodId: sharedPeriod },
    });
    const id = created.json().id as string;
    for (let i = 0; i < 600; i++) {
      const status = (await maker({ method: 'GET', url: `/api/staffing/region-reports/${id}` })).json().status;
      if (status === 'done') return id;
      if (status === 'failed') throw new Error('the region report failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the region report was not done in time');
  })();
  return regionReport;
}

/** A projection CSV for A with a value of its own, so every confirmation has something to write. */
let populationValue = 1000;
function populationCsv() {
  populationValue += 1;
  const boundary = 'kompetensnavprognos';
  const csv = `kommunkod;kommun;år;åldersgrupp;antal\n${a.code};${a.name};${new Date().getUTCFullYear() + 2};80+;${populationValue}\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="prognos.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    ),
  };
}

describe('staffing role × route matrix', () => {
  it('covers every staffing route the app registers', () => {
    const registered = t.app.deps.routes
      .filter((r) => r.url.startsWith('/api/staffing/') || r.url.startsWith('/api/public/staffing/'))
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

describe('list = detail', () => {
  it('every report row a user sees in a period opens for that user', async () => {
    for (const actor of ACTORS.filter((x) => x !== 'signed_out')) {
      const as = t.as(cookies.get(actor) ?? null);
      const detail = (await as({ method: 'GET', url: `/api/staffing/periods/${sharedPeriod}` })).json();
      for (const row of detail.reports) {
        const res = await as({
          method: 'GET',
          url: `/api/staffing/periods/${sharedPeriod}/reports/${row.municipalityId}`,
        });
        expect(res.statusCode, `${actor} ${row.municipalityName}`).toBe(200);
      }
    }
  });
});
