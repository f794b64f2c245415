// Contracts of the region report (issue 4, decision 010): the request, a report's status and progress, and the list,
// shared by the server routes and the web page.
import { z } from 'zod';
import { staffingMessages as sm } from '../staffing.messages.ts';

export const REGION_REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RegionReportStatus = (typeof REGION_REPORT_STATUSES)[number];

/** How many finished reports are kept; older ones are deleted when a new one is done. */
export const REGION_REPORT_KEEP = 20;
/** A report queued or running without a progress write for this long was left by a stopped server: it has failed. */
export const REGION_REPORT_STALE_MINUTES = 10;

export const createRegionReportSchema = z.strictObject({
  periodId: z.uuid({ error: sm.choosePeriod.code }),
});

export const regionReportParamsSchema = z.strictObject({ id: z.uuid({ error: sm.unknownReport.code }) });

export const regionReportSchema = z.object({
  id: z.uuid(),
  period: z.object({ id: z.uuid(), label: z.string(), referenceDate: z.string() }),
  status: z.enum(REGION_REPORT_STATUSES),
  /** 0–100. */
  progress: z.number().int(),
  /** The step being worked on, in Swedish. */
  step: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why it failed, in Swedish (never internals). */
  error: z.string().nullable(),
  /** Made by a demo installation: every page says "DEMODATA". */
  demo: z.boolean(),
  pageCount: z.number().int().nullable(),
  pdfBytes: z.number().int().nullable(),
  xlsxBytes: z.number().int().nullable(),
});
export type RegionReportDto = z.infer<typeof regionReportSchema>;

export const regionReportListSchema = z.object({
  /** Newest first; everyone sees every report (one shared document of published figures). */
  reports: z.array(regionReportSchema),
  /** The periods a report can be made of: those with at least one approved report, newest first. */
  periods: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      referenceDate: z.string(),
      /** A finished round: the page proposes the newest closed period. */
      closed: z.boolean(),
      /** Municipalities whose report of the period is approved: those the report covers. */
      approvedReports: z.number().int(),
    }),
  ),
  /** Whether the viewer may create a report. */
  canGenerate: z.boolean(),
});
export type RegionReportListDto = z.infer<typeof regionReportListSchema>;
