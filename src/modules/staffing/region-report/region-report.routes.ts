// Thin routes of the region report (issue 4, decision 010), registered inside the staffing module (under
// /api/staffing/region-reports…). Permission checks live in region-report.service.ts through the policy module.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../../platform/server/actor.ts';
import { sendFile } from '../../../platform/server/send-file.ts';
import type { StaffingDeps } from '../staffing-config.service.ts';
import {
  createRegionReportSchema,
  regionReportListSchema,
  regionReportParamsSchema,
  regionReportSchema,
} from './region-report.contracts.ts';
import {
  createRegionReportRunner,
  downloadRegionReport,
  getRegionReport,
  listRegionReports,
  type RegionReportDeps,
  requestRegionReport,
} from './region-report.service.ts';

export default async function regionReportRoutes(fastify: FastifyInstance, opts: { deps: StaffingDeps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const reports = createRegionReportRunner(opts.deps, {
    demo: app.deps.config.demo,
    onError: (error) => app.log.error({ err: error }, 'region report generation failed'),
  });
  app.addHook('onClose', () => reports.close());
  const deps: RegionReportDeps = { ...opts.deps, reports };
  const tags = { tags: ['Staffing'] };
  const file = { 200: z.any().describe('The file') };

  app.get(
    '/staffing/region-reports',
    {
      schema: {
        ...tags,
        summary: 'The region reports (newest first), the periods a report can be made of, and whether the viewer may',
        response: { 200: regionReportListSchema },
      },
    },
    (req) => listRegionReports(deps, signedIn(req.ctx)),
  );
  app.post(
    '/staffing/region-reports',
    {
      schema: {
        ...tags,
        summary: 'Start a region report of a period (made in the background; follow it with GET /:id)',
        description:
          'Answers 202 at once with the queued report. 409 when the caller already has a report queued or running, ' +
          '400 when the period has no approved reports.',
        body: createRegionReportSchema,
        response: { 202: regionReportSchema },
      },
    },
    async (req, reply) => reply.code(202).send(await requestRegionReport(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/staffing/region-reports/:id',
    {
      schema: {
        ...tags,
        summary: 'A region report’s status, progress and step',
        params: regionReportParamsSchema,
        response: { 200: regionReportSchema },
      },
    },
    (req) => getRegionReport(deps, signedIn(req.ctx), req.params.id),
  );
  app.get(
    '/staffing/region-reports/:id/pdf',
    {
      schema: {
        ...tags,
        summary: 'The finished region report as PDF (409 until it is done)',
        params: regionReportParamsSchema,
        response: file,
      },
    },
    async (req, reply) => sendFile(reply, await downloadRegionReport(deps, signedIn(req.ctx), req.params.id, 'pdf')),
  );
  app.get(
    '/staffing/region-reports/:id/xlsx',
    {
      schema: {
        ...tags,
        summary: 'The finished region report as XLSX (409 until it is done)',
        params: regionReportParamsSchema,
        response: file,
      },
    },
    async (req, reply) => sendFile(reply, await downloadRegionReport(deps, signedIn(req.ctx), req.params.id, 'xlsx')),
  );
}
