// The staffing module's role × route matrix (run by staffing-access.test.ts, read by route-coverage.test.ts): every
// staffing route, the status each actor must get (every role of municipality A, B's municipal admin, signed out).
// Reports belong to municipality A; the period most read-only cells use is made in setup, with A's report approved.
import { defineAccessMatrix, everyone, regionalOnly } from '../../../tests/support/access-matrix.ts';
import {
  approvers,
  doneRegionReport,
  editors,
  freshItem,
  freshPeriod,
  freshProfession,
  freshReport,
  importFor,
  itemBody,
  periodFor,
  populationCsv,
  professionBody,
  readers,
  reportUrl,
  type Shared,
  template,
  unique,
  uploaderOnly,
  XLSX,
} from './staffing-access-fixtures.ts';

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
