// The region report (issue 4, decision 010): one shared document of a period's approved, suppressed figures and the
// region's forecast, made in the background as PDF and XLSX and kept for download. A request answers at once; the
// server that took it claims the row (queued → running), writes its progress, and renders the files in a worker.
import { and, asc, desc, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { authorize } from '../../../platform/server/actor.ts';
import { audit } from '../../../platform/server/audit.ts';
import { databaseErrorCode, inTransaction } from '../../../platform/server/db.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../../platform/server/errors.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { can } from '../../../platform/server/policy.ts';
import type { DownloadFile } from '../../../platform/server/send-file.ts';
import { createWorkerPool, type WorkerPool } from '../../../platform/server/worker-pool.ts';
import { regionForecastForReport } from '../forecast/forecast.service.ts';
import { staffingRegionReport } from '../region-report.table.ts';
import { findPeriod } from '../reporting/periods.service.ts';
import { staffingPeriod, staffingReport } from '../staffing.table.ts';
import { loadConfig, type StaffingDeps } from '../staffing-config.service.ts';
import { latestPublication } from '../statistics/publications.service.ts';
import { publicationFor, XLSX_TYPE } from '../statistics/statistics.service.ts';
import {
  REGION_REPORT_KEEP,
  REGION_REPORT_STALE_MINUTES,
  type RegionReportDto,
  type RegionReportListDto,
} from './region-report.contracts.ts';
import { regionReportMessages as rm } from './region-report.messages.ts';
import type { RenderResult, RenderTask } from './region-report.worker.ts';
import { buildReportModel, type EarlierPublication, type RegionReportModel } from './region-report-model.ts';

export type RegionReportFiles = { pdf: Buffer; xlsx: Buffer; pageCount: number; model: RegionReportModel };
/** Lays a model out as a file: in a worker thread (the server) or in this thread (the benchmark, scripts). */
export type Render = (task: RenderTask) => Promise<RenderResult>;
type Progress = (progress: number, step: string) => Promise<void>;

export const STEPS = {
  queued: 'I kö',
  reading: 'Läser statistiken',
  forecast: 'Beräknar prognosen',
  xlsx: 'Skapar Excel-filen',
  pdf: 'Skapar PDF-filen',
  saving: 'Sparar rapporten',
  done: 'Klar',
  failed: 'Misslyckades',
} as const;

const FAILED_MESSAGE = 'Rapporten kunde inte skapas. Försök igen om en stund.';
const STALE_MESSAGE = 'Rapporten blev aldrig klar (servern som skapade den stoppades). Skapa en ny.';

/** In this thread: what the benchmark calls (the pdf and xlsx modules are loaded on first use). */
export const renderInThread: Render = async (task) => {
  if (task.kind === 'pdf') {
    const { renderRegionReportPdf } = await import('./region-report-pdf.ts');
    const { pdf, pageCount } = await renderRegionReportPdf(task.model);
    return { bytes: pdf, pageCount };
  }
  const { renderRegionReportXlsx } = await import('./region-report-xlsx.ts');
  return { bytes: await renderRegionReportXlsx(task.model), pageCount: null };
};

/** The report's content for a period: the public publication of its approved reports and the region's forecast. */
export async function loadReportModel(
  deps: StaffingDeps,
  periodId: string,
  opts: { demo: boolean; now?: Date; onProgress?: Progress },
): Promise<RegionReportModel> {
  const period = await findPeriod(deps.db, periodId);
  const approved = await approvedMunicipalities(deps, periodId);
  if (approved.length === 0) {
    throw new ValidationError([{ path: 'periodId', message: rm.regionReportNoApproved() }]);
  }
  const [region] = await deps.db
    .select({ name: organisation.name })
    .from(organisation)
    .where(eq(organisation.kind, 'region'))
    .limit(1);
  const included = new Set(approved.map((m) => m.id));
  const active = await deps.db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.kind, 'municipality'), eq(organisation.active, true)));
  const publication = await publicationFor(deps, periodId, { kind: 'public' });
  const config = await loadConfig(deps);
  await opts.onProgress?.(25, STEPS.forecast);
  let forecast: Awaited<ReturnType<typeof regionForecastForReport>> | null = null;
  let forecastError: string | null = null;
  try {
    forecast = await regionForecastForReport(deps, periodId);
  } catch (error) {
    // The tables are worth having without the forecast; the report says why it is missing.
    forecastError = error instanceof AppError ? error.message : 'Prognosen kunde inte beräknas.';
  }
  const earlier = await earlierPublications(deps, period);
  return buildReportModel({
    earlier,
    regionName: region?.name ?? 'Regionen',
    period: { id: period.id, label: period.label, referenceDate: period.referenceDate },
    generatedAt: opts.now ?? new Date(),
    demo: opts.demo,
    minCount: deps.minCount,
    config,
    publication,
    municipalities: approved,
    missing: active.filter((m) => !included.has(m.id)).map((m) => m.name),
    forecast,
    forecastError,
  });
}

/**
 * The whole report without HTTP or a table row: the content, then the XLSX and the PDF. The benchmark calls this
 * (in this thread by default); the background generation passes a worker pool's render and a progress writer.
 */
export async function buildRegionReportFiles(
  deps: StaffingDeps,
  periodId: string,
  opts: { demo: boolean; now?: Date; render?: Render; onProgress?: Progress },
): Promise<RegionReportFiles> {
  const render = opts.render ?? renderInThread;
  const progress: Progress = opts.onProgress ?? (async () => {});
  const model = await loadReportModel(deps, periodId, { ...opts, onProgress: progress });
  await progress(40, STEPS.xlsx);
  const xlsx = await render({ kind: 'xlsx', model });
  await progress(55, STEPS.pdf);
  const pdf = await render({ kind: 'pdf', model });
  return {
    pdf: Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength),
    xlsx: Buffer.from(xlsx.bytes.buffer, xlsx.bytes.byteOffset, xlsx.bytes.byteLength),
    pageCount: pdf.pageCount ?? 0,
    model,
  };
}

/** How many earlier periods the report's trends show. */
export const TREND_PERIODS = 4;

/** The public publications of up to TREND_PERIODS earlier periods of the same kind, oldest first. */
async function earlierPublications(
  deps: StaffingDeps,
  period: { id: string; kind: string; referenceDate: string },
): Promise<EarlierPublication[]> {
  const rows = await deps.db
    .select({ id: staffingPeriod.id, label: staffingPeriod.label })
    .from(staffingPeriod)
    .where(
      and(eq(staffingPeriod.kind, period.kind as 'annual'), lt(staffingPeriod.referenceDate, period.referenceDate)),
    )
    .orderBy(desc(staffingPeriod.referenceDate));
  const out: EarlierPublication[] = [];
  for (const row of rows) {
    if (out.length >= TREND_PERIODS) break;
    if (!(await latestPublication(deps.db, row.id))) continue;
    out.push({ label: row.label, publication: await publicationFor(deps, row.id, { kind: 'public' }) });
  }
  return out.reverse();
}

async function approvedMunicipalities(deps: StaffingDeps, periodId: string) {
  return deps.db
    .select({ id: organisation.id, name: organisation.name })
    .from(staffingReport)
    .innerJoin(organisation, eq(organisation.id, staffingReport.municipalityId))
    .where(
      and(eq(staffingReport.periodId, periodId), eq(staffingReport.status, 'approved'), eq(organisation.active, true)),
    )
    .orderBy(asc(organisation.name));
}

// ---- background generation ------------------------------------------------------------------------------------------

export type RegionReportRunner = {
  demo: boolean;
  /** Starts the generation of a queued report in this process; not awaited by the request. */
  start(id: string): void;
  /** Resolves when every generation this process started has ended (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
};

export type RegionReportDeps = StaffingDeps & { reports: RegionReportRunner };

export function createRegionReportRunner(
  deps: StaffingDeps,
  opts: { demo: boolean; onError?: (error: unknown) => void; render?: Render },
): RegionReportRunner {
  let pool: WorkerPool<RenderTask, RenderResult> | null = null;
  const render: Render =
    opts.render ??
    ((task) => {
      pool ??= createWorkerPool<RenderTask, RenderResult>(new URL('./region-report.worker.ts', import.meta.url), {
        maxThreads: 1,
      });
      return pool.run(task);
    });
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    demo: opts.demo,
    start(id) {
      if (closing) return;
      const run: Promise<void> = generate(deps, id, render)
        .catch((error) => opts.onError?.(error))
        .finally(() => inFlight.delete(run));
      inFlight.add(run);
    },
    idle,
    async close() {
      closing = true;
      // A generation under way gets a moment to finish; then its rendering is cut off and the row marked failed.
      await Promise.race([idle(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
      await pool?.close();
      await idle();
    },
  };
}

/** Claims a queued report (one server wins) and makes it; the row ends done or failed. */
async function generate(deps: StaffingDeps, id: string, render: Render): Promise<void> {
  const [row] = await deps.db
    .update(staffingRegionReport)
    .set({ status: 'running', progress: 5, step: STEPS.reading, updatedAt: sql`now()` })
    .where(and(eq(staffingRegionReport.id, id), eq(staffingRegionReport.status, 'queued')))
    .returning({ periodId: staffingRegionReport.periodId, demo: staffingRegionReport.demo });
  if (!row) return;
  const onProgress: Progress = async (progress, step) => {
    await deps.db
      .update(staffingRegionReport)
      .set({ progress, step, updatedAt: sql`now()` })
      .where(and(eq(staffingRegionReport.id, id), eq(staffingRegionReport.status, 'running')));
  };
  try {
    const files = await buildRegionReportFiles(deps, row.periodId, { demo: row.demo, render, onProgress });
    await onProgress(95, STEPS.saving);
    await deps.db
      .update(staffingRegionReport)
      .set({
        status: 'done',
        progress: 100,
        step: STEPS.done,
        pdf: files.pdf,
        xlsx: files.xlsx,
        pageCount: files.pageCount,
        pdfBytes: files.pdf.length,
        xlsxBytes: files.xlsx.length,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(staffingRegionReport.id, id), eq(staffingRegionReport.status, 'running')));
    await pruneOldReports(deps);
  } catch (error) {
    await deps.db
      .update(staffingRegionReport)
      .set({
        status: 'failed',
        step: STEPS.failed,
        error: error instanceof AppError ? error.message : FAILED_MESSAGE,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(staffingRegionReport.id, id), eq(staffingRegionReport.status, 'running')));
    if (!(error instanceof AppError)) throw error;
  }
}

/** Keeps the newest finished reports; reports in the making are never removed. */
async function pruneOldReports(deps: StaffingDeps): Promise<void> {
  const keep = deps.db
    .select({ id: staffingRegionReport.id })
    .from(staffingRegionReport)
    .orderBy(desc(staffingRegionReport.createdAt), desc(staffingRegionReport.id))
    .limit(REGION_REPORT_KEEP);
  await deps.db
    .delete(staffingRegionReport)
    .where(and(inArray(staffingRegionReport.status, ['done', 'failed']), notInArray(staffingRegionReport.id, keep)));
}

/**
 * A report queued or running that has not moved for a while was left by a server that stopped: it is marked failed
 * (on any read and before a new request), so nobody waits for it and its requester may ask again.
 */
async function failStaleReports(deps: StaffingDeps): Promise<void> {
  await deps.db
    .update(staffingRegionReport)
    .set({ status: 'failed', step: STEPS.failed, error: STALE_MESSAGE, finishedAt: sql`now()` })
    .where(
      and(
        inArray(staffingRegionReport.status, ['queued', 'running']),
        lt(staffingRegionReport.updatedAt, sql`now() - make_interval(mins => ${REGION_REPORT_STALE_MINUTES})`),
      ),
    );
}

// ---- the API's services ---------------------------------------------------------------------------------------------

const summary = {
  id: staffingRegionReport.id,
  periodId: staffingRegionReport.periodId,
  periodLabel: staffingPeriod.label,
  referenceDate: staffingPeriod.referenceDate,
  status: staffingRegionReport.status,
  progress: staffingRegionReport.progress,
  step: staffingRegionReport.step,
  createdAt: staffingRegionReport.createdAt,
  finishedAt: staffingRegionReport.finishedAt,
  error: staffingRegionReport.error,
  demo: staffingRegionReport.demo,
  pageCount: staffingRegionReport.pageCount,
  pdfBytes: staffingRegionReport.pdfBytes,
  xlsxBytes: staffingRegionReport.xlsxBytes,
};
type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

const toDto = (r: SummaryRow): RegionReportDto => ({
  id: r.id,
  period: { id: r.periodId, label: r.periodLabel, referenceDate: r.referenceDate },
  status: r.status,
  progress: r.progress,
  step: r.step,
  createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  error: r.error,
  demo: r.demo,
  pageCount: r.pageCount,
  pdfBytes: r.pdfBytes,
  xlsxBytes: r.xlsxBytes,
});

function selectSummaries(deps: StaffingDeps) {
  return deps.db
    .select(summary)
    .from(staffingRegionReport)
    .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingRegionReport.periodId));
}

export async function requestRegionReport(
  deps: RegionReportDeps,
  ctx: SignedInContext,
  input: { periodId: string },
): Promise<RegionReportDto> {
  const actor = ctx.actor;
  authorize(actor, 'staffing:generate_report');
  await findPeriod(deps.db, input.periodId);
  if ((await approvedMunicipalities(deps, input.periodId)).length === 0) {
    throw new ValidationError([{ path: 'periodId', message: rm.regionReportNoApproved() }]);
  }
  await failStaleReports(deps);
  let id: string;
  try {
    // The report row and its audit event are written together or not at all.
    id = await inTransaction(deps.db, async (tx) => {
      const [row] = await tx
        .insert(staffingRegionReport)
        .values({
          periodId: input.periodId,
          status: 'queued',
          progress: 0,
          step: STEPS.queued,
          requestedBy: actor.userId,
          demo: deps.reports.demo,
        })
        .returning({ id: staffingRegionReport.id });
      if (!row) throw new Error('insert returned no row');
      await audit(tx, ctx, {
        action: 'staffing_region_report.request',
        entityType: 'staffing_region_report',
        entityId: row.id,
      });
      return row.id;
    });
  } catch (error) {
    // The partial unique index: this person already has a report in the making (on any server).
    if (databaseErrorCode(error) === '23505') {
      throw new ConflictError(rm.regionReportInProgress());
    }
    throw error;
  }
  deps.reports.start(id);
  return getRegionReport(deps, ctx, id);
}

/** Periods with approved reports, newest first, with how many municipalities each covers. */
async function reportablePeriods(deps: StaffingDeps): Promise<RegionReportListDto['periods']> {
  return deps.db
    .select({
      id: staffingPeriod.id,
      label: staffingPeriod.label,
      referenceDate: staffingPeriod.referenceDate,
      closed: staffingPeriod.closed,
      approvedReports: sql<number>`count(*)::int`,
    })
    .from(staffingPeriod)
    .innerJoin(staffingReport, eq(staffingReport.periodId, staffingPeriod.id))
    .innerJoin(organisation, eq(organisation.id, staffingReport.municipalityId))
    .where(and(eq(staffingReport.status, 'approved'), eq(organisation.active, true)))
    .groupBy(staffingPeriod.id)
    .orderBy(desc(staffingPeriod.referenceDate));
}

export async function listRegionReports(deps: StaffingDeps, ctx: SignedInContext): Promise<RegionReportListDto> {
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  await failStaleReports(deps);
  const rows = await selectSummaries(deps)
    .orderBy(desc(staffingRegionReport.createdAt), desc(staffingRegionReport.id))
    .limit(REGION_REPORT_KEEP + 10);
  return {
    reports: rows.map(toDto),
    periods: await reportablePeriods(deps),
    canGenerate: can(actor, 'staffing:generate_report'),
  };
}

export async function getRegionReport(deps: StaffingDeps, ctx: SignedInContext, id: string): Promise<RegionReportDto> {
  authorize(ctx.actor, 'staffing:read_statistics');
  await failStaleReports(deps);
  const [row] = await selectSummaries(deps).where(eq(staffingRegionReport.id, id));
  if (!row) throw new NotFoundError(rm.regionReportNotFound());
  return toDto(row);
}

export async function downloadRegionReport(
  deps: StaffingDeps,
  ctx: SignedInContext,
  id: string,
  format: 'pdf' | 'xlsx',
): Promise<DownloadFile> {
  authorize(ctx.actor, 'staffing:read_statistics');
  const [row] = await deps.db
    .select({
      status: staffingRegionReport.status,
      label: staffingPeriod.label,
      file: format === 'pdf' ? staffingRegionReport.pdf : staffingRegionReport.xlsx,
    })
    .from(staffingRegionReport)
    .innerJoin(staffingPeriod, eq(staffingPeriod.id, staffingRegionReport.periodId))
    .where(eq(staffingRegionReport.id, id));
  if (!row) throw new NotFoundError(rm.regionReportNotFound());
  if (row.status !== 'done' || !row.file) throw new ConflictError(rm.regionReportNotReady());
  return {
    fileName: `Regionrapport ${row.label}.${format}`,
    contentType: format === 'pdf' ? 'application/pdf' : XLSX_TYPE,
    body: row.file,
  };
}
