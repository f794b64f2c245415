// The staffing module's role × route matrix (run by staffing-access.test.ts, read by route-coverage.test.ts): every
// staffing route, the status each actor must get (every role of municipality A, B's municipal admin, signed out).
// Reports belong to municipality A; the period most read-only cells use is made in setup, with A's report approved.
import { randomUUID } from 'node:crypto';
import {
  type ActorName,
  defineAccessMatrix,
  type Expect,
  everyone,
  type MatrixFixture,
  regionalOnly,
} from '../../../tests/support/access-matrix.ts';
import { buildUser } from '../../platform/server/factories.ts';
import { defaultStaffingConfig } from './default-config.ts';
import { generateFacts } from './staffing-generator.ts';

type Shared = {
  /** A period with A's report approved, for the cells that only read. */
  sharedPeriod: string;
  /** The one finished region report, made on first use (see doneRegionReport). */
  regionReport: { done: Promise<string> | null };
};
type Fixture = MatrixFixture & Shared;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const baseFacts = generateFacts(defaultStaffingConfig(), { inhabitants: 15_000, specialistLevel: 0.2, seed: 42 }, 0);
const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

type ReportState = 'none' | 'draft' | 'submitted' | 'approved';

/** A new period with A's report in the given state; returns the period id and the facts a complete report has. */
async function freshReport(fx: MatrixFixture, state: ReportState): Promise<{ id: string; facts: typeof baseFacts }> {
  const period = await fx.admin({
    method: 'POST',
    url: '/api/staffing/periods',
    payload: { label: `P ${unique()}`, referenceDate: '2026-11-01', deadline: '2026-12-15' },
  });
  const id = period.json().id as string;
  // Professions added by other cells of the matrix are active, so a complete report gives them a headcount of 0.
  const config = (await fx.admin({ method: 'GET', url: '/api/staffing/config' })).json();
  const known = new Set(baseFacts.map((f) => f.profession));
  const facts = [
    ...baseFacts,
    ...config.professions
      .filter((p: { key: string; active: boolean }) => p.active && !known.has(p.key))
      .map((p: { key: string }) => ({ profession: p.key, measure: 'headcount', breakdown: '', value: 0 })),
  ];
  const report = `/api/staffing/periods/${id}/reports/${fx.a.id}`;
  if (state !== 'none') await fx.admin({ method: 'PUT', url: `${report}/facts`, payload: { facts } });
  if (state === 'submitted' || state === 'approved') await fx.admin({ method: 'POST', url: `${report}/submit` });
  if (state === 'approved') await fx.admin({ method: 'POST', url: `${report}/approve` });
  return { id, facts };
}
/** A new period with A's report in the given state; returns the period id. */
const freshPeriod = async (fx: MatrixFixture, state: ReportState) => (await freshReport(fx, state)).id;
const reportUrl = (fx: MatrixFixture, periodId: string, suffix = '') =>
  `/api/staffing/periods/${periodId}/reports/${fx.a.id}${suffix}`;
async function template(fx: MatrixFixture, periodId: string): Promise<Buffer> {
  const res = await fx.admin({
    method: 'GET',
    url: `/api/staffing/periods/${periodId}/template?municipalityId=${fx.a.id}`,
  });
  return res.rawPayload;
}
async function freshImport(fx: MatrixFixture): Promise<string> {
  const periodId = await freshPeriod(fx, 'draft');
  const res = await fx.admin({
    method: 'POST',
    url: `/api/staffing/periods/${periodId}/imports`,
    headers: { 'content-type': XLSX },
    payload: await template(fx, periodId),
  });
  return res.json().id as string;
}

/**
 * The object a cell calls as the actor: a fresh one for an actor the cell lets through (the call may change it), one
 * shared (per kind) by the actors it refuses (a refused call changes nothing, and a refusal that went through fails
 * its own row). A fresh period or import per refused actor was most of this file's time.
 */
const refusedObjects = new WeakMap<MatrixFixture, Map<string, Promise<string>>>();
function forActor(
  fx: MatrixFixture,
  actor: ActorName,
  expect: Expect,
  kind: string,
  make: () => Promise<string>,
): Promise<string> {
  if ((expect[actor] ?? expect.rest) < 400) return make();
  let shared = refusedObjects.get(fx);
  if (!shared) {
    shared = new Map();
    refusedObjects.set(fx, shared);
  }
  let object = shared.get(kind);
  if (!object) {
    object = make();
    shared.set(kind, object);
  }
  return object;
}
const importFor = (fx: MatrixFixture, actor: ActorName, expect: Expect) =>
  forActor(fx, actor, expect, 'import', () => freshImport(fx));
const periodFor = (fx: MatrixFixture, actor: ActorName, expect: Expect, state: ReportState) =>
  forActor(fx, actor, expect, `period ${state}`, () => freshPeriod(fx, state));

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
const freshProfession = async (fx: MatrixFixture) =>
  (await fx.admin({ method: 'POST', url: '/api/staffing/config/professions', payload: professionBody() })).json().id;
const itemBody = () => ({
  kind: 'competence',
  key: `k${unique()}`,
  name: `Kompetens ${unique()}`,
  nameEn: 'Competence',
});
const freshItem = async (fx: MatrixFixture) =>
  (await fx.admin({ method: 'POST', url: '/api/staffing/config/items', payload: itemBody() })).json().id;

/** One finished region report, made by a regional admin of its own (the matrix's users may have one running). */
function doneRegionReport(fx: Fixture): Promise<string> {
  fx.regionReport.done ??= (async () => {
    const maker = fx.t.as(await fx.t.signIn(await buildUser(fx.t.db, { role: 'regional_admin' }), '10.2.9.1'));
    const created = await maker({
      method: 'POST',
      url: '/api/staffing/region-reports',
      payload: { periodId: fx.sharedPeriod },
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
  return fx.regionReport.done;
}

/** A projection CSV for A with a value of its own, so every confirmation has something to write. */
let populationValue = 1000;
function populationCsv(fx: MatrixFixture) {
  populationValue += 1;
  const boundary = 'kompetensnavprognos';
  const csv = `kommunkod;kommun;år;åldersgrupp;antal\n${fx.a.code};${fx.a.name};${new Date().getUTCFullYear() + 2};80+;${populationValue}\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="prognos.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    ),
  };
}

export const accessMatrix = defineAccessMatrix<Shared>({
  module: 'staffing',
  routePattern: /^\/api\/(public\/)?staffing\//,
  async setup(fx) {
    const sharedPeriod = await freshPeriod(fx, 'approved');
    // Other municipalities and the public read a period's publication (decision 016).
    await fx.admin({ method: 'POST', url: `/api/staffing/periods/${sharedPeriod}/publish` });
    return { sharedPeriod, regionReport: { done: null } };
  },
  cells: [
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
      request: async (fx) => ({
        method: 'PATCH',
        url: `/api/staffing/config/professions/${await freshProfession(fx)}`,
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
      request: async (fx) => ({
        method: 'PATCH',
        url: `/api/staffing/config/items/${await freshItem(fx)}`,
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
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/periods/${fx.sharedPeriod}` }),
      expect: everyone(200),
    },
    {
      name: 'change period',
      method: 'PATCH',
      url: '/api/staffing/periods/:id',
      request: async (fx, actor) => ({
        method: 'PATCH',
        url: `/api/staffing/periods/${await periodFor(fx, actor, regionalOnly(200), 'none')}`,
        payload: { deadline: '2026-12-20' },
      }),
      expect: regionalOnly(200),
    },
    {
      name: 'publish period',
      method: 'POST',
      url: '/api/staffing/periods/:id/publish',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/staffing/periods/${await periodFor(fx, actor, regionalOnly(200), 'approved')}/publish`,
      }),
      expect: regionalOnly(200),
    },
    {
      name: 'period status export',
      method: 'GET',
      url: '/api/staffing/periods/:id/export',
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/periods/${fx.sharedPeriod}/export?format=csv` }),
      expect: everyone(200),
    },
    {
      name: 'Excel template of A',
      method: 'GET',
      url: '/api/staffing/periods/:id/template',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/staffing/periods/${fx.sharedPeriod}/template?municipalityId=${fx.a.id}`,
      }),
      expect: editors(200),
    },
    {
      name: 'report of A',
      method: 'GET',
      url: '/api/staffing/periods/:periodId/reports/:municipalityId',
      request: async (fx) => ({ method: 'GET', url: reportUrl(fx, fx.sharedPeriod) }),
      expect: readers(200),
    },
    {
      name: 'history export of A',
      method: 'GET',
      url: '/api/staffing/periods/:periodId/reports/:municipalityId/history/export',
      request: async (fx) => ({ method: 'GET', url: reportUrl(fx, fx.sharedPeriod, '/history/export?format=xlsx') }),
      expect: readers(200),
    },
    {
      name: 'save draft',
      method: 'PUT',
      url: '/api/staffing/periods/:periodId/reports/:municipalityId/facts',
      request: async (fx) => {
        const { id, facts } = await freshReport(fx, 'none');
        return { method: 'PUT', url: reportUrl(fx, id, '/facts'), payload: { facts } };
      },
      expect: editors(200),
    },
    {
      name: 'submit',
      method: 'POST',
      url: '/api/staffing/periods/:periodId/reports/:municipalityId/submit',
      request: async (fx, actor) => ({
        method: 'POST',
        url: reportUrl(fx, await periodFor(fx, actor, editors(200), 'draft'), '/submit'),
      }),
      expect: editors(200),
    },
    {
      name: 'approve',
      method: 'POST',
      url: '/api/staffing/periods/:periodId/reports/:municipalityId/approve',
      request: async (fx, actor) => ({
        method: 'POST',
        url: reportUrl(fx, await periodFor(fx, actor, approvers(200), 'submitted'), '/approve'),
      }),
      expect: approvers(200),
    },
    {
      name: 'return',
      method: 'POST',
      url: '/api/staffing/periods/:periodId/reports/:municipalityId/return',
      request: async (fx, actor) => ({
        method: 'POST',
        url: reportUrl(fx, await periodFor(fx, actor, approvers(200), 'submitted'), '/return'),
        payload: { comment: 'Rätta åldrarna.' },
      }),
      expect: approvers(200),
    },
    {
      name: 'save and submit (integrations)',
      method: 'POST',
      url: '/api/staffing/periods/:periodId/reports/:municipalityId/submission',
      request: async (fx) => {
        const { id, facts } = await freshReport(fx, 'none');
        return { method: 'POST', url: reportUrl(fx, id, '/submission'), payload: { facts } };
      },
      expect: editors(200),
    },
    {
      name: 'upload workbook for A',
      method: 'POST',
      url: '/api/staffing/periods/:id/imports',
      request: async (fx) => {
        const periodId = await freshPeriod(fx, 'draft');
        return {
          method: 'POST',
          url: `/api/staffing/periods/${periodId}/imports`,
          headers: { 'content-type': XLSX },
          payload: await template(fx, periodId),
        };
      },
      // B's admin may import for B, but not A's column: the file is refused cell by cell.
      expect: editors(201, 422),
    },
    {
      name: 'import preview',
      method: 'GET',
      url: '/api/staffing/imports/:id',
      request: async (fx, actor) => ({
        method: 'GET',
        url: `/api/staffing/imports/${await importFor(fx, actor, uploaderOnly(200))}`,
      }),
      expect: uploaderOnly(200),
    },
    {
      name: 'import preview export',
      method: 'GET',
      url: '/api/staffing/imports/:id/export',
      request: async (fx, actor) => ({
        method: 'GET',
        url: `/api/staffing/imports/${await importFor(fx, actor, uploaderOnly(200))}/export?format=csv`,
      }),
      expect: uploaderOnly(200),
    },
    {
      name: 'confirm import',
      method: 'POST',
      url: '/api/staffing/imports/:id/confirm',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/staffing/imports/${await importFor(fx, actor, uploaderOnly(200))}/confirm`,
      }),
      expect: uploaderOnly(200),
    },
    {
      name: 'discard import',
      method: 'POST',
      url: '/api/staffing/imports/:id/discard',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/staffing/imports/${await importFor(fx, actor, uploaderOnly(200))}/discard`,
      }),
      expect: uploaderOnly(200),
    },
    {
      name: 'comparison',
      method: 'GET',
      url: '/api/staffing/comparison',
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/comparison?periodId=${fx.sharedPeriod}` }),
      expect: everyone(200),
    },
    {
      name: 'comparison export',
      method: 'GET',
      url: '/api/staffing/comparison/export',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/staffing/comparison/export?periodId=${fx.sharedPeriod}&format=xlsx`,
      }),
      expect: everyone(200),
    },
    {
      name: 'profile of A',
      method: 'GET',
      url: '/api/staffing/profile/:municipalityId',
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/profile/${fx.a.id}?periodId=${fx.sharedPeriod}` }),
      expect: everyone(200),
    },
    {
      name: 'profile export of A',
      method: 'GET',
      url: '/api/staffing/profile/:municipalityId/export',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/staffing/profile/${fx.a.id}/export?periodId=${fx.sharedPeriod}&format=xlsx&table=breakdowns`,
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
      request: async (fx) => ({ method: 'GET', url: `/api/public/staffing/comparison?periodId=${fx.sharedPeriod}` }),
      expect: { rest: 200 },
    },
    {
      name: 'open statistics: export',
      method: 'GET',
      url: '/api/public/staffing/comparison/export',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/public/staffing/comparison/export?periodId=${fx.sharedPeriod}&format=csv`,
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
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/population/export?municipalityId=${fx.a.id}` }),
      expect: everyone(200),
    },
    {
      name: 'population projection of a municipality',
      method: 'GET',
      url: '/api/staffing/population/:municipalityId',
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/population/${fx.a.id}` }),
      expect: everyone(200),
    },
    {
      name: 'save a population projection',
      method: 'PUT',
      url: '/api/staffing/population/:municipalityId',
      request: async (fx) => ({
        method: 'PUT',
        url: `/api/staffing/population/${fx.a.id}`,
        payload: { rows: [{ year: new Date().getUTCFullYear() + 1, ageGroup: '80+', inhabitants: 1200 }] },
      }),
      expect: editors(200),
    },
    {
      name: 'population import: preview',
      method: 'POST',
      url: '/api/staffing/population/import/preview',
      // Another municipality's admin may import their own rows; A's rows are cell errors in an answered preview.
      request: async (fx) => ({ method: 'POST', url: '/api/staffing/population/import/preview', ...populationCsv(fx) }),
      expect: editors(200, 200),
    },
    {
      name: 'population import: confirm',
      method: 'POST',
      url: '/api/staffing/population/import/confirm',
      request: async (fx) => {
        const file = populationCsv(fx);
        const token = (
          await fx.admin({ method: 'POST', url: '/api/staffing/population/import/preview', ...file })
        ).json().token;
        return { method: 'POST', url: `/api/staffing/population/import/confirm?token=${token}`, ...file };
      },
      expect: editors(201, 422),
    },
    {
      name: 'the region’s forecast',
      method: 'GET',
      url: '/api/staffing/forecast',
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/forecast?periodId=${fx.sharedPeriod}` }),
      expect: everyone(200),
    },
    {
      name: 'a municipality’s own forecast (its age bands: for those who see its figures unsuppressed)',
      method: 'GET',
      url: '/api/staffing/forecast',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/staffing/forecast?periodId=${fx.sharedPeriod}&municipalityId=${fx.a.id}&extraHoursPerWeek=3`,
      }),
      expect: readers(200),
    },
    {
      name: 'forecast export',
      method: 'GET',
      url: '/api/staffing/forecast/export',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/staffing/forecast/export?periodId=${fx.sharedPeriod}&format=csv`,
      }),
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
      request: async (fx) => ({
        method: 'POST',
        url: '/api/staffing/region-reports',
        payload: { periodId: fx.sharedPeriod },
      }),
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
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/region-reports/${await doneRegionReport(fx)}` }),
      expect: everyone(200),
    },
    {
      name: 'a region report as PDF',
      method: 'GET',
      url: '/api/staffing/region-reports/:id/pdf',
      request: async (fx) => ({ method: 'GET', url: `/api/staffing/region-reports/${await doneRegionReport(fx)}/pdf` }),
      expect: everyone(200),
    },
    {
      name: 'a region report as XLSX',
      method: 'GET',
      url: '/api/staffing/region-reports/:id/xlsx',
      request: async (fx) => ({
        method: 'GET',
        url: `/api/staffing/region-reports/${await doneRegionReport(fx)}/xlsx`,
      }),
      expect: everyone(200),
    },
  ],
});
