// Excel round trip: the period's template, and uploads that are checked cell by cell, previewed (old → new) and
// applied in one transaction on confirmation. A rejected file changes nothing; the same file twice changes nothing.
import { and, desc, eq, lt } from 'drizzle-orm';
import { authorize, requireActorOf } from '../../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../../platform/server/audit.ts';
import { inTransaction } from '../../../platform/server/db.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../../platform/server/errors.ts';
import { can } from '../../../platform/server/policy.ts';
import { sha256File } from '../../../platform/server/upload-guard.ts';
import type { ImportPreviewDto, ReportStatus } from '../staffing.contracts.ts';
import { staffingImport, staffingPeriod } from '../staffing.table.ts';
import { loadConfig, rulesConfigOf, type StaffingDeps } from '../staffing-config.service.ts';
import { type Fact, parseFactKey } from '../staffing-measures.ts';
import { validateFacts } from '../staffing-rules.ts';
import { activeMunicipalities, findPeriod } from './periods.service.ts';
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
export class ImportRejectedError extends AppError {
  constructor(fields: { path: string; message: string }[]) {
    super(422, 'import_rejected', 'Filen importerades inte. Rätta cellerna i listan och ladda upp filen igen.', fields);
  }
}

const PENDING_HOURS = 24;
type Change = ImportPreviewDto['changes'][number];
type ImportRow = typeof staffingImport.$inferSelect;

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

/**
 * What a pending import was computed against: each municipality's report as it was at the preview (`updated_at`, or
 * null when there was none). Confirming refuses if any of them moved since.
 */
type Basis = Record<string, { updatedAt: string | null }>;

/** Reads an uploaded workbook (already size-checked and on disk) into a pending import with its preview. */
export async function createImport(
  deps: ImportDeps,
  ctx: RequestContext,
  periodId: string,
  file: { path: string; name: string },
  opts: { confirm: boolean; submit: boolean },
): Promise<ImportPreviewDto> {
  const actor = requireActorOf(ctx);
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
  const basis: Basis = {};
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
    basis[entry.id] = { updatedAt: report ? report.updatedAt.toISOString() : null };
  }
  if (rejected.length > 0) throw new ImportRejectedError(rejected);

  const sha256 = await sha256File(file.path);
  const [row] = await inTransaction(deps.db, async (tx) => {
    const inserted = await tx
      .insert(staffingImport)
      .values({
        periodId: period.id,
        fileName: file.name.slice(0, 200),
        sha256,
        uploadedBy: actor.userId,
        uploadedByToken: actor.tokenId,
        payload: basis,
        changes: { items: changes, unchangedCount },
      })
      .returning();
    await audit(tx, ctx, {
      action: 'staffing_import.upload',
      entityType: 'staffing_import',
      entityId: inserted[0]?.id,
    });
    return inserted;
  });
  if (!row) throw new Error('insert returned no row');
  if (opts.confirm) return confirmImport(deps, ctx, row.id, { submit: opts.submit });
  return toPreview(row);
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

function toPreview(row: ImportRow): ImportPreviewDto {
  const stored = row.changes as { items: Change[]; unchangedCount: number };
  const byMunicipality = new Map<string, { id: string; name: string; changeCount: number }>();
  for (const id of Object.keys(row.payload as Basis)) {
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
    periodId: row.periodId,
    fileName: row.fileName,
    status: row.status,
    municipalities: [...byMunicipality.values()].filter((m) => m.name !== '' || m.changeCount > 0),
    changes: stored.items,
    unchangedCount: stored.unchangedCount,
    createdAt: row.createdAt.toISOString(),
  };
}

async function findImport(deps: StaffingDeps, ctx: RequestContext, id: string): Promise<ImportRow> {
  const actor = requireActorOf(ctx);
  const [row] = await deps.db.select().from(staffingImport).where(eq(staffingImport.id, id));
  const mine = row && (row.uploadedBy === actor.userId || can(actor, 'staffing:configure'));
  if (!row || !mine) throw new NotFoundError('Importen finns inte.');
  return row;
}

export async function getImport(deps: StaffingDeps, ctx: RequestContext, id: string) {
  return toPreview(await findImport(deps, ctx, id));
}

/** Applies exactly the previewed changes, all or nothing; refuses when the reports changed since the preview. */
export async function confirmImport(
  deps: StaffingDeps,
  ctx: RequestContext,
  id: string,
  opts: { submit: boolean } = { submit: false },
) {
  const row = await findImport(deps, ctx, id);
  if (row.status !== 'pending') throw new ConflictError('Importen är redan hanterad.');
  if (Date.now() - row.createdAt.getTime() > PENDING_HOURS * 3600_000) {
    throw new ConflictError('Förhandsgranskningen är för gammal. Ladda upp filen igen.');
  }
  const period = await findPeriod(deps.db, row.periodId);
  const basis = basisOf(row);
  const { items } = row.changes as { items: Change[] };
  const changedIds = [...new Set(items.map((c) => c.municipalityId))];
  const appliedAt = new Date();
  await inTransaction(deps.db, async (tx) => {
    const [claimed] = await tx
      .update(staffingImport)
      .set({ status: 'applied', appliedAt })
      .where(and(eq(staffingImport.id, id), eq(staffingImport.status, 'pending')))
      .returning({ id: staffingImport.id });
    if (!claimed) throw new ConflictError('Importen är redan hanterad.');
    const reports = await lockReports(tx, period.id, Object.keys(basis));
    const moved = Object.entries(basis).some(
      ([municipalityId, was]) => (reports.get(municipalityId)?.updatedAt.toISOString() ?? null) !== was.updatedAt,
    );
    // Every save of values moves its report's updated_at in the same transaction: an unmoved basis is unchanged values.
    if (moved) {
      throw new ConflictError('Rapporten har ändrats sedan förhandsgranskningen. Ladda upp filen igen.');
    }
    for (const municipalityId of changedIds) assertEditable(period, reports.get(municipalityId));
    // The same file twice changes nothing: municipalities without changes are not touched at all.
    await applyFactChanges(tx, ctx, period, items, reports);
    if (opts.submit) {
      for (const municipalityId of Object.keys(basis)) {
        const status = (await findReport(tx, period.id, municipalityId))?.status;
        if (status === 'draft' || status === 'returned') {
          await transition(tx, ctx, period, municipalityId, 'submit', null);
        }
      }
    }
    await audit(tx, ctx, { action: 'staffing_import.apply', entityType: 'staffing_import', entityId: id });
  });
  // The row as it now stands, without reading its changes back from the database.
  return toPreview({ ...row, status: 'applied', appliedAt });
}

/** The import's basis; a pending import stored by an earlier version (complete fact lists) must be uploaded again. */
function basisOf(row: ImportRow): Basis {
  const payload = row.payload as Record<string, unknown>;
  const valid = Object.values(payload).every((v) => v !== null && typeof v === 'object' && 'updatedAt' in v);
  if (!valid) throw new ConflictError('Förhandsgranskningen är för gammal. Ladda upp filen igen.');
  return payload as Basis;
}

export async function discardImport(deps: StaffingDeps, ctx: RequestContext, id: string) {
  const row = await findImport(deps, ctx, id);
  if (row.status !== 'pending') throw new ConflictError('Importen är redan hanterad.');
  await inTransaction(deps.db, async (tx) => {
    await tx.update(staffingImport).set({ status: 'discarded' }).where(eq(staffingImport.id, id));
    await audit(tx, ctx, { action: 'staffing_import.discard', entityType: 'staffing_import', entityId: id });
  });
  return getImport(deps, ctx, id);
}
