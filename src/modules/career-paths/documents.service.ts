// Downloads of the model: the printable model (PDF) and the task matrix with a municipality's deviations (PDF and
// XLSX). PDFs are laid out in a worker thread (one, ending when idle), as the projects' final report is.
import type { SignedInContext } from '../../platform/server/actor.ts';
import { toXlsx } from '../../platform/server/export.ts';
import type { DownloadFile } from '../../platform/server/send-file.ts';
import { createWorkerPool, type WorkerPool } from '../../platform/server/worker-pool.ts';
import type { MatrixDocumentInput } from './career-documents.ts';
import { matrixRows } from './career-documents.ts';
import { type CareerDeps, today } from './career-paths-scope.ts';
import { keptFile } from './kept-files.ts';
import { getMatrix } from './model.service.ts';

let pool: WorkerPool<MatrixDocumentInput, Uint8Array> | null = null;
const pdfPool = () => {
  pool ??= createWorkerPool<MatrixDocumentInput, Uint8Array>(new URL('./career-paths.worker.ts', import.meta.url), {
    maxThreads: 1,
  });
  return pool;
};

/** Ends the thread (the app's onClose). */
export async function closeCareerPool() {
  const running = pool;
  pool = null;
  await running?.close();
}

async function documentInput(
  deps: CareerDeps,
  ctx: SignedInContext,
  query: { municipalityId?: string; version?: number },
  matrixOnly: boolean,
): Promise<MatrixDocumentInput> {
  const m = await getMatrix(deps, ctx, query);
  return {
    model: m.model,
    version: m.version.version,
    decisionDate: m.version.decisionDate,
    municipality: matrixOnly ? (m.municipality?.name ?? null) : null,
    deviations: matrixOnly ? m.deviations : [],
    locale: ctx.actor.locale,
    generatedOn: today(deps),
    matrixOnly,
  };
}

export async function modelPdf(deps: CareerDeps, ctx: SignedInContext, version?: number): Promise<DownloadFile> {
  const input = await documentInput(deps, ctx, version ? { version } : {}, false);
  const sv = input.locale === 'sv';
  // A published version never changes: the same document for everyone reading it in a language on a day.
  const pdf = await deps.cache.remember(`career:model-pdf:${input.version}:${input.locale}:${input.generatedOn}`, () =>
    keptFile('model-pdf', input, () => pdfPool().run(input)),
  );
  return {
    fileName: `${sv ? 'Karriärvägsmodell version' : 'Career path model version'} ${input.version}.pdf`,
    contentType: 'application/pdf',
    body: Buffer.from(pdf),
  };
}

export async function matrixFile(
  deps: CareerDeps,
  ctx: SignedInContext,
  query: { municipalityId?: string; version?: number; format: 'xlsx' | 'pdf' },
): Promise<DownloadFile> {
  const input = await documentInput(deps, ctx, query, true);
  const sv = input.locale === 'sv';
  const stem = `${sv ? 'Uppgiftsmatris' : 'Task matrix'} v${input.version}${input.municipality ? ` ${input.municipality}` : ''}`;
  if (query.format === 'pdf') {
    const pdf = await keptFile('matrix-pdf', input, () => pdfPool().run(input));
    return { fileName: `${stem}.pdf`, contentType: 'application/pdf', body: Buffer.from(pdf) };
  }
  const body = Buffer.from(await keptFile('matrix-xlsx', input, () => matrixXlsx(input, stem)));
  return {
    fileName: `${stem}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

function matrixXlsx(input: MatrixDocumentInput, stem: string): Promise<Buffer> {
  const sv = input.locale === 'sv';
  const { roles, rows } = matrixRows(input);
  return toXlsx([
    {
      name: sv ? 'Uppgiftsmatris' : 'Task matrix',
      note: `${stem}${input.decisionDate ? ` (${sv ? 'beslutad' : 'decided'} ${input.decisionDate})` : ''}`,
      columns: [
        { key: 'group', header: sv ? 'Grupp' : 'Group' },
        { key: 'task', header: sv ? 'Uppgift' : 'Task' },
        ...roles.map((r) => ({ key: `r_${r.key}`, header: sv ? r.name : r.nameEn })),
      ],
      rows: rows.map((r) => ({
        group: r.group,
        task: r.task,
        ...Object.fromEntries(roles.map((role, i) => [`r_${role.key}`, r.cells[i] ?? ''])),
      })),
    },
  ]);
}
