// Excel round trip: the period's template, and uploads that are checked cell by cell, previewed (old → new) and
// applied in one transaction on confirmation — through the platform's stored preview → confirm protocol (decision
// 011, `pending_import`). A rejected file changes nothing; the same file twice changes nothing.
import { desc, eq, lt } from 'drizzle-orm';
import { authorize, requireActorOf } from '../../../platform/server/actor.ts';
import type { RequestContext } from '../../../platform/server/audit.ts';
import { activeMunicipalities } from '../../../platform/server/directory.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/server/errors.ts';
import {
  confirmPreview,
  discardPreview,
  findPreview,
  fingerprint,
  type ImportKind,
  importMessages,
  ImportRejectedError as KitImportRejectedError,
  type PendingImport,
  storePreview,
} from '../../../platform/server/imports/pending-imports.ts';
import { can } from '../../../platform/server/policy.ts';
import { sha256File } from '../../../platform/server/upload-guard.ts';
import type { ImportPreviewDto, ReportStatus } from '../staffing.contracts.ts';
import { staffingImport, staffingPeriod, type staffingReport } from '../staffing.table.ts';
import { loadConfig, rulesConfigOf, type StaffingDeps } from '../staffing-config.service.ts';
import { type Fact, parseFactKey } from '../staffing-measures.ts';
import { validateFacts } from '../staffing-rules.ts';
import { findPeriod } from './periods.service.ts';
import {
  applyFactChanges,
  assertEditable,
  findReport,
  findReports,
  loadFacts,
  loadValuesOf,
  lockReports,
  transition,
} from './reports.service.ts';
import { buildTemplate } from './staffing-excel.ts';
import { readWorkbook, type WorkbookReader } from './workbook-reader.ts';

/** 422: the file was read, but cells are wrong. Every rejected cell is a field `Sheet!A1`. */
export class ImportRejectedError extends KitImportRejectedError {
  constructor(fields: { path: string; message: string }[]) {
    super(fields, 'Filen importerades inte. Rätta cellerna i listan och ladda upp filen igen.');
  }
}

type Change = ImportPreviewDto['changes'][number];
type ReportRow = typeof staffingReport.$inferSelect;

function editableMunicipalities(deps: StaffingDeps, ctx: RequestContext) {
  return activeMunicipalities(deps.db).then((all) => editableOf(ctx, all));
}

function editableOf<M extends { id: string }>(ctx: RequestContext, municipalities: M[]): M[] {
  const actor = requireActorOf(ctx);
  return municipalities.filter((m) =>
    can(actor, 'staffing:edit_report', { organisationId: m.id, organisationKind: 'municipality' }),
  );
}

export async function downloadTemplate(
  deps: StaffingDeps,
  ctx: RequestContext,
  periodId: string,
  municipalityId: string | undefined,
) {
  const actor = requireActorOf(ctx);
  const period = await findPeriod(deps.db, periodId);
  const editable = await editableMunicipalities(deps, ctx);
  if (editable.length === 0) authorize(actor, 'staffing:edit_report', { organisationId: actor.organisationId });
  const chosen = municipalityId ? editable.filter((m) => m.id === municipalityId) : editable;
  if (chosen.length === 0) throw new NotFoundError('Kommunen finns inte.');
  const previous = await previousPeriodOf(deps, period.referenceDate);
  const municipalities = [];
  for (const m of chosen.sort((a, b) => a.name.localeCompare(b.name, 'sv'))) {
    municipalities.push({
      id: m.id,
      name: m.name,
      code: m.code ?? '',
      facts: await loadFacts(deps.db, period.id, m.id),
      previous: previous && chosen.length === 1 ? await loadFacts(deps.db, previous.id, m.id) : null,
    });
  }
  const body = await buildTemplate({
    period: { label: period.label, referenceDate: period.referenceDate, deadline: period.deadline },
    config: await loadConfig(deps),
    municipalities,
  });
  const who = chosen.length === 1 ? (chosen[0]?.name ?? '') : 'alla-kommuner';
  const fileName = `bemanning-${period.label}-${who}.xlsx`.replace(/[^\p{L}\p{N}.-]+/gu, '-');
  return { fileName, body };
}

async function previousPeriodOf(deps: StaffingDeps, referenceDate: string) {
  const [row] = await deps.db
    .select()
    .from(staffingPeriod)
    .where(lt(staffingPeriod.referenceDate, referenceDate))
    .orderBy(desc(staffingPeriod.referenceDate))
    .limit(1);
  return row ?? null;
}

export type ImportDeps = StaffingDeps & { workbooks: WorkbookReader };

/** What a preview holds until it is confirmed: the changes shown (old → new), and every municipality in the file. */
type StaffingPlan = { items: Change[]; unchangedCount: number; municipalityIds: string[] };

/**
 * The state a preview was computed against: each municipality's report for the period as it was (`updated_at` and
 * status, or null when there was none). Every save of values moves its report's updated_at in the same transaction,
 * so an unmoved basis is unchanged values; confirming refuses (409) when any of them moved since.
 */
function basisOf(reports: Map<string, ReportRow>, municipalityIds: string[]): string {
  return fingerprint(
    Object.fromEntries(
      municipalityIds.map((id) => {
        const report = reports.get(id);
        return [id, report ? { updatedAt: report.updatedAt.toISOString(), status: report.status } : null];
      }),
    ),
  );
}

const STALE = 'Rapporten har ändrats sedan förhandsgranskningen. Ladda upp filen igen.';

/**
 * The workbook import on the platform's preview → confirm protocol (decision 011); scope is the period's id. Its kind
 * keeps the name its audit events always had (`staffing_import.upload`, `.apply`, `.discard`).
 */
const staffingImportKind: ImportKind<StaffingPlan, { submit: boolean }> = {
  kind: 'staffing_import',
  expiresInHours: 24,
  basis: async (db, plan, periodId) =>
    basisOf(await findReports(db, periodId, plan.municipalityIds), plan.municipalityIds),
  lock: async (tx, plan, periodId) => {
    await lockReports(tx, periodId, plan.municipalityIds);
  },
  apply: async (tx, ctx, preview, opts) => {
    const period = await findPeriod(tx, preview.scope);
    const { items, municipalityIds } = preview.plan;
    const reports = await lockReports(tx, period.id, municipalityIds);
    for (const municipalityId of new Set(items.map((c) => c.municipalityId))) {
      assertEditable(period, reports.get(municipalityId));
    }
    // The same file twice changes nothing: municipalities without changes are not touched at all.
    await applyFactChanges(tx, ctx, period, items, reports);
    if (opts.submit) {
      for (const municipalityId of municipalityIds) {
        const status = (await findReport(tx, period.id, municipalityId))?.status;
        if (status === 'draft' || status === 'returned') {
          await transition(tx, ctx, period, municipalityId, 'submit', null);
        }
      }
    }
  },
  mayHandleOthers: (actor) => can(actor, 'staffing:configure'),
  messages: { stale: STALE },
};

/** Reads an uploaded workbook (already size-checked and on disk) into a pending import with its preview. */
export async function createImport(
  deps: ImportDeps,
  ctx: RequestContext,
  periodId: string,
  file: { path: string; name: string },
  opts: { confirm: boolean; submit: boolean },
): Promise<ImportPreviewDto> {
  const period = await findPeriod(deps.db, periodId);
  const all = await activeMunicipalities(deps.db);
  const editable = editableOf(ctx, all);
  if (editable.length === 0) throw new ForbiddenError();
  if (period.closed) throw new ConflictError('Perioden är stängd och kan inte ändras.');
  const config = await loadConfig(deps);
  const asRef = (m: { id: string; name: string; code: string | null }) => ({
    id: m.id,
    name: m.name,
    code: m.code ?? '',
  });
  const parsed = await readWorkbook(deps.workbooks, file.path, {
    config,
    municipalities: editable.map(asRef),
    allMunicipalities: all.map(asRef),
  });
  if (!parsed.ok) {
    throw new ImportRejectedError(parsed.errors.map((e) => ({ path: `${e.sheet}!${e.cell}`, message: e.message })));
  }

  // The reports first, then the values: a save in between moves a report past its basis, and confirming refuses.
  const ids = parsed.municipalities.map((m) => m.id);
  const reports = await findReports(deps.db, period.id, ids);
  const currentValues = await loadValuesOf(deps.db, period.id, ids);
  const names = new Map(all.map((m) => [m.id, m.name]));
  const rules = rulesConfigOf(config);
  const rejected: { path: string; message: string }[] = [];
  const changes: Change[] = [];
  let unchangedCount = 0;
  for (const entry of parsed.municipalities) {
    const name = names.get(entry.id) ?? '';
    const header = parsed.headerOf(entry.id);
    const where = header ? `${header.sheet}!${header.cell}` : name;
    const report = reports.get(entry.id);
    const status: ReportStatus = report?.status ?? 'not_started';
    const current = currentValues.get(entry.id) ?? new Map<string, number>();
    // The file is the complete new state of the sheets it has; professions without a sheet keep their values.
    const inFile = new Set(entry.professions);
    const next = new Map(entry.values);
    for (const [key, value] of current) if (!inFile.has(professionOf(key))) next.set(key, value);
    const diff = diffValues(current, next);
    if (diff.length > 0 && (status === 'submitted' || status === 'approved')) {
      rejected.push({
        path: where,
        message: `${name}: rapporten är ${status === 'approved' ? 'godkänd' : 'inskickad'} och kan inte ändras. Be regionen att återföra den.`,
      });
    }
    if (opts.submit) {
      for (const e of validateFacts(rules, toFacts(next), 'submit')) {
        const c = parsed.cellOf(entry.id, e.path);
        rejected.push({ path: c ? `${c.sheet}!${c.cell}` : where, message: `${name}: ${e.message}` });
      }
    }
    unchangedCount += next.size - diff.filter((d) => d.new !== null).length;
    for (const d of diff) {
      const c = parsed.cellOf(entry.id, d.key);
      changes.push({
        municipalityId: entry.id,
        municipalityName: name,
        sheet: c?.sheet ?? sheetOf(config, d.key),
        cell: c?.cell ?? '',
        key: d.key,
        old: d.old,
        new: d.new,
      });
    }
  }
  if (rejected.length > 0) throw new ImportRejectedError(rejected);

  const municipalityIds = parsed.municipalities.map((m) => m.id);
  const stored = await storePreview(deps.db, ctx, staffingImportKind, {
    scope: period.id,
    fileName: file.name,
    sha256: await sha256File(file.path),
    plan: { items: changes, unchangedCount, municipalityIds },
    // As the reports were read, before the values: a save in between moves its report past this basis.
    basis: basisOf(reports, municipalityIds),
  });
  if (opts.confirm) return confirmImport(deps, ctx, stored.id, { submit: opts.submit });
  return toPreview(stored);
}

function sheetOf(config: Awaited<ReturnType<typeof loadConfig>>, key: string): string {
  const profession = key.split('.')[0];
  if (profession === 'context') return 'Kommunen';
  return config.professions.find((p) => p.key === profession)?.name ?? profession ?? '';
}

/** The changes from the current values to the new complete state, by fact key (values as fact key → value). */
export function diffValues(
  before: Map<string, number>,
  after: Map<string, number>,
): { key: string; old: number | null; new: number | null }[] {
  const out: { key: string; old: number | null; new: number | null }[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const o = before.get(k) ?? null;
    const n = after.get(k) ?? null;
    if (o === null && n === null) continue;
    if (o !== null && n !== null && Math.abs(o - n) < 0.005) continue;
    out.push({ key: k, old: o, new: n });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

const professionOf = (key: string) => key.slice(0, key.indexOf('.'));

function toFacts(values: Map<string, number>): Fact[] {
  return [...values].flatMap(([key, value]) => {
    const parts = parseFactKey(key);
    return parts ? [{ ...parts, value }] : [];
  });
}

function toPreview(row: PendingImport<StaffingPlan> | LegacyImport): ImportPreviewDto {
  const stored = row.plan;
  const byMunicipality = new Map<string, { id: string; name: string; changeCount: number }>();
  for (const id of stored.municipalityIds) {
    byMunicipality.set(id, { id, name: '', changeCount: 0 });
  }
  for (const c of stored.items) {
    const entry = byMunicipality.get(c.municipalityId) ?? {
      id: c.municipalityId,
      name: c.municipalityName,
      changeCount: 0,
    };
    entry.name = c.municipalityName;
    entry.changeCount += 1;
    byMunicipality.set(c.municipalityId, entry);
  }
  return {
    id: row.id,
    periodId: row.scope,
    fileName: row.fileName,
    status: row.status,
    municipalities: [...byMunicipality.values()].filter((m) => m.name !== '' || m.changeCount > 0),
    changes: stored.items,
    unchangedCount: stored.unchangedCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * An import stored before the import kit, in `staffing_import`: read for its history only (its preview and its
 * export). A pending one there can no longer be confirmed; the file is uploaded again.
 */
type LegacyImport = Pick<PendingImport<StaffingPlan>, 'id' | 'scope' | 'fileName' | 'status' | 'createdAt' | 'plan'>;

async function findLegacyImport(deps: StaffingDeps, ctx: RequestContext, id: string): Promise<LegacyImport | null> {
  const actor = requireActorOf(ctx);
  const [row] = await deps.db.select().from(staffingImport).where(eq(staffingImport.id, id));
  if (!row || (row.uploadedBy !== actor.userId && !can(actor, 'staffing:configure'))) return null;
  const changes = row.changes as { items: Change[]; unchangedCount: number };
  return {
    id: row.id,
    scope: row.periodId,
    fileName: row.fileName,
    status: row.status,
    createdAt: row.createdAt,
    plan: { ...changes, municipalityIds: Object.keys(row.payload as Record<string, unknown>) },
  };
}

/** The kit's preview, or an import from before the kit; 404 when neither is the actor's. */
export async function getImport(deps: StaffingDeps, ctx: RequestContext, id: string) {
  try {
    return toPreview(await findPreview(deps.db, ctx, staffingImportKind, id));
  } catch (error) {
    const legacy = error instanceof NotFoundError ? await findLegacyImport(deps, ctx, id) : null;
    if (!legacy) throw error;
    return toPreview(legacy);
  }
}

/** Refuses (409) to handle an import from before the kit that is still pending: it is uploaded again. */
async function refuseLegacy(deps: StaffingDeps, ctx: RequestContext, id: string, error: unknown): Promise<never> {
  const legacy = error instanceof NotFoundError ? await findLegacyImport(deps, ctx, id) : null;
  if (!legacy) throw error;
  throw new ConflictError(legacy.status === 'pending' ? importMessages.expired() : importMessages.handled());
}

/** Applies exactly the previewed changes, all or nothing; refuses when the reports changed since the preview. */
export async function confirmImport(
  deps: StaffingDeps,
  ctx: RequestContext,
  id: string,
  opts: { submit: boolean } = { submit: false },
) {
  try {
    return toPreview(await confirmPreview(deps.db, ctx, staffingImportKind, id, opts));
  } catch (error) {
    return refuseLegacy(deps, ctx, id, error);
  }
}

export async function discardImport(deps: StaffingDeps, ctx: RequestContext, id: string) {
  try {
    return toPreview(await discardPreview(deps.db, ctx, staffingImportKind, id));
  } catch (error) {
    return refuseLegacy(deps, ctx, id, error);
  }
}
