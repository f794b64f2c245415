// Thin routes of the staffing statistics: parse, call one service function, answer with its DTO or file.
// Permission checks live in the services through the policy module.

import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../platform/server/actor.ts';
import { toCsv, toXlsx } from '../../platform/server/export.ts';
import { withUpload } from '../../platform/server/imports/upload.ts';
import { sendFile } from '../../platform/server/send-file.ts';
import { idParamsSchema } from '../../platform/shared/contracts.ts';
import {
  confirmImport,
  createImport,
  discardImport,
  downloadTemplate,
  getImport,
  type ImportDeps,
} from './reporting/imports.service.ts';
import { createPeriod, getPeriodDetail, listPeriods, updatePeriod } from './reporting/periods.service.ts';
import { getReport, moveReport, saveFacts, submitFacts } from './reporting/reports.service.ts';
import { createWorkbookReader } from './reporting/workbook-reader.ts';
import {
  comparisonExportQuerySchema,
  comparisonQuerySchema,
  comparisonSchema,
  configItemSchema,
  createItemSchema,
  createPeriodSchema,
  createProfessionSchema,
  exportFormatSchema,
  formatQuerySchema,
  importParamsSchema,
  importPreviewSchema,
  importQuerySchema,
  periodDetailSchema,
  periodSchema,
  professionSchema,
  profileExportQuerySchema,
  profileParamsSchema,
  profileQuerySchema,
  profileSchema,
  publicPeriodSchema,
  publicProfessionSchema,
  publishOutcomeSchema,
  reportParamsSchema,
  reportSchema,
  returnReportSchema,
  STAFFING_LIMITS,
  saveFactsSchema,
  staffingConfigSchema,
  templateQuerySchema,
  updateItemSchema,
  updatePeriodSchema,
  updateProfessionSchema,
} from './staffing.contracts.ts';
import {
  createItem,
  createProfession,
  getConfig,
  loadConfig,
  PublicationCache,
  updateItem,
  updateProfession,
} from './staffing-config.service.ts';
import { publishOnClose, publishPeriodAsRegion } from './statistics/publications.service.ts';
import {
  type ExportFile,
  exportComparison,
  getComparisonJson,
  getProfileJson,
  listPublicPeriods,
  STATUS_SV,
} from './statistics/statistics.service.ts';
import { exportHistory, exportImport, exportPeriods, exportProfile } from './statistics/table-exports.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function staffingModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, database, readCache } = app.deps;
  const deps: ImportDeps = {
    db: database.db,
    cache: readCache,
    minCount: config.suppressionMinCount,
    warnShare: config.plausibilityWarningShare,
    publications: new PublicationCache(),
    // Uploaded workbooks are read in worker threads, off the thread that answers requests.
    workbooks: createWorkbookReader(),
  };
  app.addHook('onClose', () => deps.workbooks.close());
  const db = database.db;
  const tags = (t: string) => ({ tags: [t] });
  const fileResponse = { 200: z.any().describe('The file') };

  await app.register(multipart, {
    limits: { fileSize: STAFFING_LIMITS.uploadBytes, files: 1, fields: 5, parts: 6 },
  });
  // Integrations may post the workbook itself (no multipart): the body is streamed to disk by the route.
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], (_req, payload, done) => done(null, payload));

  // ---- configuration ----
  app.get('/staffing/config', { schema: { ...tags('Staffing'), response: { 200: staffingConfigSchema } } }, (req) =>
    getConfig(deps, signedIn(req.ctx)),
  );
  app.post(
    '/staffing/config/professions',
    { schema: { ...tags('Staffing'), body: createProfessionSchema, response: { 201: professionSchema } } },
    async (req, reply) => reply.code(201).send(await createProfession(deps, signedIn(req.ctx), req.body)),
  );
  app.patch(
    '/staffing/config/professions/:id',
    {
      schema: {
        ...tags('Staffing'),
        params: idParamsSchema,
        body: updateProfessionSchema,
        response: { 200: professionSchema },
      },
    },
    (req) => updateProfession(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.post(
    '/staffing/config/items',
    { schema: { ...tags('Staffing'), body: createItemSchema, response: { 201: configItemSchema } } },
    async (req, reply) => reply.code(201).send(await createItem(deps, signedIn(req.ctx), req.body)),
  );
  app.patch(
    '/staffing/config/items/:id',
    {
      schema: {
        ...tags('Staffing'),
        params: idParamsSchema,
        body: updateItemSchema,
        response: { 200: configItemSchema },
      },
    },
    (req) => updateItem(deps, signedIn(req.ctx), req.params.id, req.body),
  );

  // ---- periods ----
  app.get('/staffing/periods', { schema: { ...tags('Staffing'), response: { 200: z.array(periodSchema) } } }, (req) =>
    listPeriods(db, signedIn(req.ctx)),
  );
  app.get(
    '/staffing/periods/export',
    {
      schema: {
        ...tags('Staffing'),
        summary: 'The periods with their report counts as XLSX or CSV',
        querystring: formatQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await exportPeriods(deps, signedIn(req.ctx), req.query.format)),
  );
  app.post(
    '/staffing/periods',
    {
      schema: {
        ...tags('Staffing'),
        summary: 'Open a reporting period',
        body: createPeriodSchema,
        response: { 201: periodSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPeriod(db, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/staffing/periods/:id',
    { schema: { ...tags('Staffing'), params: idParamsSchema, response: { 200: periodDetailSchema } } },
    (req) => getPeriodDetail(db, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    '/staffing/periods/:id',
    {
      schema: {
        ...tags('Staffing'),
        params: idParamsSchema,
        body: updatePeriodSchema,
        response: { 200: periodSchema },
      },
    },
    async (req) => {
      const period = await updatePeriod(db, signedIn(req.ctx), req.params.id, req.body);
      if (req.body.closed === true) await publishOnClose(deps, req.params.id, req.log);
      return period;
    },
  );
  app.post(
    '/staffing/periods/:id/publish',
    { schema: { ...tags('Staffing'), params: idParamsSchema, response: { 200: publishOutcomeSchema } } },
    (req) => publishPeriodAsRegion(deps, signedIn(req.ctx), req.params.id),
  );
  app.get(
    '/staffing/periods/:id/export',
    {
      schema: {
        ...tags('Staffing'),
        summary: 'The period’s report statuses as XLSX or CSV',
        params: idParamsSchema,
        querystring: z.strictObject({ format: exportFormatSchema.default('xlsx') }),
        response: fileResponse,
      },
    },
    async (req, reply) => {
      const detail = await getPeriodDetail(db, signedIn(req.ctx), req.params.id);
      const columns = [
        { key: 'municipality', header: 'Kommun' },
        { key: 'status', header: 'Status' },
        { key: 'updatedAt', header: 'Senast ändrad' },
        { key: 'comment', header: 'Senaste kommentar' },
      ];
      const rows = detail.reports.map((r) => ({
        municipality: r.municipalityName,
        status: STATUS_SV[r.status],
        updatedAt: r.updatedAt ? r.updatedAt.slice(0, 16).replace('T', ' ') : '',
        comment: r.lastComment ?? '',
      }));
      const base = `rapporter-${detail.label}`.replace(/[^\p{L}\p{N}-]+/gu, '-');
      const file: ExportFile =
        req.query.format === 'csv'
          ? { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(columns, rows) }
          : {
              fileName: `${base}.xlsx`,
              contentType: XLSX_TYPE,
              body: await toXlsx([{ name: detail.label, columns, rows }]),
            };
      return sendFile(reply, file);
    },
  );
  app.get(
    '/staffing/periods/:id/template',
    {
      schema: {
        ...tags('Staffing'),
        summary: 'The Excel template of the period (one municipality, or all the actor may report for)',
        params: idParamsSchema,
        querystring: templateQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => {
      const file = await downloadTemplate(deps, req.ctx, req.params.id, req.query.municipalityId);
      return sendFile(reply, { ...file, contentType: XLSX_TYPE });
    },
  );

  // ---- reports ----
  const reportPath = '/staffing/periods/:periodId/reports/:municipalityId';
  app.get(
    reportPath,
    { schema: { ...tags('Staffing'), params: reportParamsSchema, response: { 200: reportSchema } } },
    (req) => getReport(deps, signedIn(req.ctx), req.params.periodId, req.params.municipalityId),
  );
  app.get(
    `${reportPath}/history/export`,
    {
      schema: {
        ...tags('Staffing'),
        summary: 'The report’s status changes as XLSX or CSV',
        params: reportParamsSchema,
        querystring: formatQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await exportHistory(deps, signedIn(req.ctx), req.params, req.query.format)),
  );
  app.put(
    `${reportPath}/facts`,
    {
      schema: {
        ...tags('Staffing'),
        summary: 'Save the report’s values as a draft (the complete set)',
        params: reportParamsSchema,
        body: saveFactsSchema,
        response: { 200: reportSchema },
      },
    },
    (req) => saveFacts(deps, signedIn(req.ctx), req.params.periodId, req.params.municipalityId, req.body.facts),
  );
  app.post(
    `${reportPath}/submit`,
    { schema: { ...tags('Staffing'), params: reportParamsSchema, response: { 200: reportSchema } } },
    (req) => moveReport(deps, signedIn(req.ctx), req.params.periodId, req.params.municipalityId, 'submit'),
  );
  app.post(
    `${reportPath}/approve`,
    { schema: { ...tags('Staffing'), params: reportParamsSchema, response: { 200: reportSchema } } },
    (req) => moveReport(deps, signedIn(req.ctx), req.params.periodId, req.params.municipalityId, 'approve'),
  );
  app.post(
    `${reportPath}/return`,
    {
      schema: {
        ...tags('Staffing'),
        summary: 'Return the report to the municipality with a comment',
        params: reportParamsSchema,
        body: returnReportSchema,
        response: { 200: reportSchema },
      },
    },
    (req) =>
      moveReport(deps, signedIn(req.ctx), req.params.periodId, req.params.municipalityId, 'return', req.body.comment),
  );
  app.post(
    `${reportPath}/submission`,
    {
      schema: {
        ...tags('Staffing'),
        summary: 'Save and submit in one step (for integrations)',
        params: reportParamsSchema,
        body: saveFactsSchema,
        response: { 200: reportSchema },
      },
    },
    (req) => submitFacts(deps, signedIn(req.ctx), req.params.periodId, req.params.municipalityId, req.body.facts),
  );

  // ---- Excel import ----
  app.post(
    '/staffing/periods/:id/imports',
    {
      schema: {
        ...tags('Staffing'),
        summary: 'Upload a filled template (multipart field "file", or the .xlsx as the body); answers a preview',
        description:
          'A rejected file answers 422 with every rejected cell as a field "Sheet!A1". With confirm=true the changes are applied at once (for integrations), with submit=true the reports are also submitted.',
        consumes: ['multipart/form-data', XLSX_TYPE],
        params: idParamsSchema,
        querystring: importQuerySchema,
        response: { 201: importPreviewSchema },
      },
    },
    async (req, reply) => {
      // The platform's upload helper: streamed to disk, 413 while it arrives, removed when the import has read it.
      const upload = { maxBytes: STAFFING_LIMITS.uploadBytes, defaultName: 'upload.xlsx', acceptBody: true };
      const preview = await withUpload(req, config, upload, (file) =>
        createImport(deps, req.ctx, req.params.id, file, {
          confirm: req.query.confirm === 'true',
          submit: req.query.submit === 'true',
        }),
      );
      return reply.code(201).send(preview);
    },
  );
  app.get(
    '/staffing/imports/:id',
    { schema: { ...tags('Staffing'), params: importParamsSchema, response: { 200: importPreviewSchema } } },
    (req) => getImport(deps, req.ctx, req.params.id),
  );
  app.get(
    '/staffing/imports/:id/export',
    {
      schema: {
        ...tags('Staffing'),
        summary: 'The import’s changes (old → new) as XLSX or CSV',
        params: importParamsSchema,
        querystring: formatQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await exportImport(deps, req.ctx, req.params.id, req.query.format)),
  );
  app.post(
    '/staffing/imports/:id/confirm',
    { schema: { ...tags('Staffing'), params: importParamsSchema, response: { 200: importPreviewSchema } } },
    (req) => confirmImport(deps, req.ctx, req.params.id),
  );
  app.post(
    '/staffing/imports/:id/discard',
    { schema: { ...tags('Staffing'), params: importParamsSchema, response: { 200: importPreviewSchema } } },
    (req) => discardImport(deps, req.ctx, req.params.id),
  );

  await app.register(import('./population/population.routes.ts'));
  await app.register(import('./forecast/forecast.routes.ts'), { deps });
  await app.register(import('./region-report/region-report.routes.ts'), { deps });

  // ---- statistics ----
  app.get(
    '/staffing/comparison',
    { schema: { ...tags('Staffing'), querystring: comparisonQuerySchema, response: { 200: comparisonSchema } } },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        // Already-serialised JSON (cached per view); Fastify sends strings as they are.
        .send((await getComparisonJson(deps, signedIn(req.ctx), req.query.periodId, req.query.profession)) as never),
  );
  app.get(
    '/staffing/comparison/export',
    { schema: { ...tags('Staffing'), querystring: comparisonExportQuerySchema, response: fileResponse } },
    async (req, reply) => sendFile(reply, await exportComparison(deps, signedIn(req.ctx), req.query)),
  );
  app.get(
    '/staffing/profile/:municipalityId',
    {
      schema: {
        ...tags('Staffing'),
        summary: 'A municipality against the region, with trends over periods',
        params: profileParamsSchema,
        querystring: profileQuerySchema,
        response: { 200: profileSchema },
      },
    },
    async (req, reply) =>
      reply.type('application/json; charset=utf-8').send(
        // Already-serialised JSON (cached per view); Fastify sends strings as they are.
        (await getProfileJson(
          deps,
          signedIn(req.ctx),
          req.params.municipalityId,
          req.query.periodId,
          req.query.profession,
        )) as never,
      ),
  );
  app.get(
    '/staffing/profile/:municipalityId/export',
    {
      schema: {
        ...tags('Staffing'),
        summary: 'One of the profile’s tables (key ratios, breakdowns or trend) as XLSX or CSV',
        params: profileParamsSchema,
        querystring: profileExportQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) =>
      sendFile(reply, await exportProfile(deps, signedIn(req.ctx), req.params.municipalityId, req.query)),
  );

  // ---- open statistics (no sign-in; approved reports, small counts suppressed) ----
  const open = { ...tags('Open statistics'), security: [] };
  app.get('/public/staffing/periods', { schema: { ...open, response: { 200: z.array(publicPeriodSchema) } } }, () =>
    listPublicPeriods(deps),
  );
  app.get(
    '/public/staffing/professions',
    {
      schema: {
        ...open,
        summary: 'The active professions (for the filters)',
        response: { 200: z.array(publicProfessionSchema) },
      },
    },
    async () =>
      (await loadConfig(deps)).professions
        .filter((p) => p.active)
        .map((p) => ({ key: p.key, name: p.name, nameEn: p.nameEn })),
  );
  app.get(
    '/public/staffing/comparison',
    { schema: { ...open, querystring: comparisonQuerySchema, response: { 200: comparisonSchema } } },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send((await getComparisonJson(deps, null, req.query.periodId, req.query.profession)) as never),
  );
  app.get(
    '/public/staffing/comparison/export',
    { schema: { ...open, querystring: comparisonExportQuerySchema, response: fileResponse } },
    async (req, reply) => sendFile(reply, await exportComparison(deps, null, req.query)),
  );
}
