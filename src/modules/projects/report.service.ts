// The final report: the model (chapters with editable texts beside generated parts and the Gantt figure), the XLSX
// appendix (the report's tables and the plan's full data) and the Gantt chart as an SVG file.
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { type ExportSheet, safeSheetName, toXlsx } from '../../platform/server/export.ts';
import { createWorkerPool, type WorkerPool } from '../../platform/server/worker-pool.ts';
import type { GanttZoom } from './gantt-scene.ts';
import { ganttScene, ganttSvg } from './gantt-scene.ts';
import { ganttTexts } from './gantt-texts.ts';
import { projectDto } from './project-view.ts';
import type { ProjectDto, ReportModel } from './projects.contracts.ts';
import { type ProjectsDeps, projectFor } from './projects-scope.ts';
import type { ReportTask } from './report.worker.ts';
import { reportModel } from './report-model.ts';

async function readable(deps: ProjectsDeps, ctx: SignedInContext, id: string): Promise<ProjectDto> {
  authorize(ctx.actor, 'projects:read');
  const { p, access } = await projectFor(deps.db, ctx.actor, id);
  await audit(deps.db, ctx, { action: 'project.report', entityType: 'project', entityId: id });
  return projectDto(deps.db, ctx.actor, p, access, deps.today());
}

export async function getReport(deps: ProjectsDeps, ctx: SignedInContext, id: string): Promise<ReportModel> {
  return reportModel(await readable(deps, ctx, id), ctx.actor.locale);
}

export const fileStem = (name: string) =>
  name
    .replace(/[^\p{L}\p{N} ()-]+/gu, '')
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, 80) || 'projekt';

/** The appendix: the report's chapters and tables, and the plan's and co-financing's data in full. */
export async function reportXlsx(model: ReportModel, p: ProjectDto, locale: 'sv' | 'en'): Promise<Buffer> {
  const sv = locale === 'sv';
  const taken = new Set<string>();
  const sheets: ExportSheet[] = [
    {
      name: safeSheetName(sv ? 'Slutrapport' : 'Final report', taken),
      note: `${model.title} – ${model.subtitle}${model.demo ? ' (demo)' : ''}`,
      columns: [
        { key: 'n', header: sv ? 'Kapitel' : 'Chapter', kind: 'number' },
        { key: 'title', header: sv ? 'Rubrik' : 'Title' },
        { key: 'text', header: sv ? 'Text' : 'Text' },
        { key: 'generated', header: sv ? 'Genererat' : 'Generated' },
      ],
      rows: model.chapters.map((c) => ({
        n: c.number,
        title: c.title,
        text: c.text,
        generated: [...c.paragraphs, ...(c.figure ? [`[${c.figure.caption}]`] : [])].join('\n'),
      })),
    },
  ];
  for (const c of model.chapters) {
    for (const t of c.tables) {
      if (t.rows.length === 0) continue;
      sheets.push({
        name: safeSheetName(`${c.number} ${t.caption}`, taken),
        note: t.caption,
        columns: t.columns.map((h, i) => ({ key: `c${i}`, header: h })),
        rows: t.rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))),
      });
    }
  }
  sheets.push({
    name: safeSheetName(sv ? 'Plan (data)' : 'Plan (data)', taken),
    columns: [
      { key: 'kind', header: sv ? 'Typ' : 'Kind' },
      { key: 'name', header: sv ? 'Namn' : 'Name' },
      { key: 'bs', header: sv ? 'Baslinje start' : 'Baseline start' },
      { key: 'be', header: sv ? 'Baslinje slut' : 'Baseline end' },
      { key: 'ps', header: sv ? 'Planerad start' : 'Planned start' },
      { key: 'pe', header: sv ? 'Planerat slut' : 'Planned end' },
      { key: 'as', header: sv ? 'Verklig start' : 'Actual start' },
      { key: 'ae', header: sv ? 'Verkligt slut' : 'Actual end' },
      { key: 'status', header: 'Status' },
      { key: 'dev', header: sv ? 'Avvikelse (dagar)' : 'Deviation (days)', kind: 'number' },
    ],
    rows: p.activities.map((a) => ({
      kind: a.kind,
      name: a.name,
      bs: a.baselineStart,
      be: a.baselineEnd,
      ps: a.plannedStart,
      pe: a.plannedEnd,
      as: a.actualStart,
      ae: a.actualEnd,
      status: a.status,
      dev: a.deviationDays,
    })),
  });
  sheets.push({
    name: safeSheetName(sv ? 'Medfinansiering (data)' : 'Co-financing (data)', taken),
    columns: [
      { key: 'name', header: sv ? 'Kommun' : 'Municipality' },
      { key: 'ph', header: sv ? 'Planerade timmar' : 'Planned hours', kind: 'number' },
      { key: 'dh', header: sv ? 'Förfallna timmar' : 'Hours due', kind: 'number' },
      { key: 'ah', header: sv ? 'Givna timmar' : 'Hours given', kind: 'number' },
      { key: 'hv', header: sv ? 'Timmarnas värde (kr)' : "Hours' value (SEK)", kind: 'number' },
      { key: 'pm', header: sv ? 'Pengar plan (kr)' : 'Money planned (SEK)', kind: 'number' },
      { key: 'am', header: sv ? 'Pengar utfall (kr)' : 'Money actual (SEK)', kind: 'number' },
      { key: 'behind', header: sv ? 'Efter' : 'Behind' },
    ],
    rows: p.cofinancing.rows.map((r) => ({
      name: r.name,
      ph: r.plannedHours,
      dh: r.dueHours,
      ah: r.actualHours,
      hv: r.actualHoursValue,
      pm: r.plannedMoney,
      am: r.actualMoney,
      behind: r.behind ? (sv ? 'Ja' : 'Yes') : sv ? 'Nej' : 'No',
    })),
  });
  return toXlsx(sheets);
}

export async function getReportXlsx(deps: ProjectsDeps, ctx: SignedInContext, id: string) {
  const p = await readable(deps, ctx, id);
  const model = reportModel(p, ctx.actor.locale);
  const sv = ctx.actor.locale === 'sv';
  return {
    fileName: `${fileStem(p.name)} – ${sv ? 'bilaga till slutrapport' : 'final report appendix'}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await reportXlsx(model, p, ctx.actor.locale),
  };
}

export async function getGanttSvg(deps: ProjectsDeps, ctx: SignedInContext, id: string, zoom: GanttZoom) {
  const p = await readable(deps, ctx, id);
  const locale = ctx.actor.locale;
  const scene = ganttScene(p.activities, {
    startDate: p.startDate,
    endDate: p.endDate,
    today: p.today,
    zoom,
    texts: ganttTexts(locale),
  });
  const sv = locale === 'sv';
  return {
    fileName: `${fileStem(p.name)} – ${sv ? 'ganttschema' : 'gantt chart'}.svg`,
    contentType: 'image/svg+xml; charset=utf-8',
    body: ganttSvg(scene, {
      title: sv ? `Ganttschema – ${p.name}` : `Gantt chart – ${p.name}`,
      description: sv ? 'Plan och verklighet per aktivitet.' : 'Plan and reality per activity.',
    }),
  };
}

let pool: WorkerPool<ReportTask, Uint8Array> | null = null;
/** One thread lays out final reports (Typst is synchronous CPU work); it ends when idle. */
const pdfPool = () => {
  pool ??= createWorkerPool<ReportTask, Uint8Array>(new URL('./report.worker.ts', import.meta.url), { maxThreads: 1 });
  return pool;
};

/** Ends the thread (the app's onClose). */
export async function closeReportPool() {
  const running = pool;
  pool = null;
  await running?.close();
}

export async function getReportPdf(deps: ProjectsDeps, ctx: SignedInContext, id: string) {
  const p = await readable(deps, ctx, id);
  const locale = ctx.actor.locale;
  return {
    fileName: `${fileStem(p.name)} – ${locale === 'sv' ? 'slutrapport' : 'final report'}.pdf`,
    contentType: 'application/pdf',
    body: Buffer.from(await pdfPool().run({ model: reportModel(p, locale), locale })),
  };
}
