// One municipality's staffing report for one period: its values (facts) and its workflow
// draft → submitted → approved, or back as returned with a comment. Every transition is kept with who and when.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { authorizeObject, requireActorOf } from '../../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../../platform/server/audit.ts';
import { user } from '../../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/server/errors.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { type Actor, can } from '../../../platform/server/policy.ts';
import type { ReportDto, ReportStatus } from '../staffing.contracts.ts';
import { staffingMessages as sm } from '../staffing.messages.ts';
import { staffingFact, staffingPeriod, staffingReport, staffingReportTransition } from '../staffing.table.ts';
import { bumpPeriodRevision, loadConfig, rulesConfigOf, type StaffingDeps } from '../staffing-config.service.ts';
import { type Fact, parseFactKey } from '../staffing-measures.ts';
import { validateFacts } from '../staffing-rules.ts';
import { findPeriod } from './periods.service.ts';

type ReportRow = typeof staffingReport.$inferSelect;
type PeriodRow = typeof staffingPeriod.$inferSelect;

const EDITABLE: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];

export async function loadFacts(db: Db, periodId: string, municipalityId: string): Promise<Fact[]> {
  const rows = await db
    .select({
      measure: staffingFact.measure,
      profession: staffingFact.profession,
      breakdown: staffingFact.breakdown,
      value: staffingFact.value,
    })
    .from(staffingFact)
    .where(and(eq(staffingFact.periodId, periodId), eq(staffingFact.municipalityId, municipalityId)))
    .orderBy(asc(staffingFact.profession), asc(staffingFact.measure), asc(staffingFact.breakdown));
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

export async function findMunicipality(db: Db, id: string) {
  const [row] = await db
    .select({ id: organisation.id, name: organisation.name, code: organisation.code })
    .from(organisation)
    .where(and(eq(organisation.id, id), eq(organisation.kind, 'municipality'), eq(organisation.active, true)));
  if (!row) throw new NotFoundError(sm.municipalityNotFound());
  return row;
}

export async function findReport(db: Db, periodId: string, municipalityId: string): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(staffingReport)
    .where(and(eq(staffingReport.periodId, periodId), eq(staffingReport.municipalityId, municipalityId)));
  return row ?? null;
}

const resourceOf = (municipalityId: string) => ({
  organisationId: municipalityId,
  organisationKind: 'municipality' as const,
});

function permissionsFor(actor: Actor, municipalityId: string, status: ReportStatus, period: PeriodRow) {
  const open = !period.closed;
  const editor = can(actor, 'staffing:edit_report', resourceOf(municipalityId));
  const approver = can(actor, 'staffing:approve_report', resourceOf(municipalityId));
  return {
    edit: open && editor && EDITABLE.includes(status),
    submit: open && editor && EDITABLE.includes(status),
    approve: open && approver && status === 'submitted',
    return: approver && (status === 'submitted' || status === 'approved'),
  };
}

export async function getReport(deps: StaffingDeps, ctx: SignedInContext, periodId: string, municipalityId: string) {
  const actor = ctx.actor;
  authorizeObject(actor, 'staffing:read_report', resourceOf(municipalityId));
  const period = await findPeriod(deps.db, periodId);
  const municipality = await findMunicipality(deps.db, municipalityId);
  const report = await toReportDto(deps, actor, period, municipality);
  // The report's history names the people who saved, submitted, approved or returned it: reading it is audited.
  await audit(deps.db, ctx, {
    action: 'staffing_report.read',
    entityType: 'staffing_report',
    entityId: `${period.id}/${municipality.id}`,
    organisationId: municipality.id,
  });
  return report;
}

async function toReportDto(
  { db, warnShare }: StaffingDeps,
  actor: Actor,
  period: PeriodRow,
  municipality: { id: string; name: string },
): Promise<ReportDto> {
  const report = await findReport(db, period.id, municipality.id);
  const status: ReportStatus = report?.status ?? 'not_started';
  const facts = await loadFacts(db, period.id, municipality.id);
  const [previousPeriod] = await db
    .select()
    .from(staffingPeriod)
    .where(lt(staffingPeriod.referenceDate, period.referenceDate))
    .orderBy(desc(staffingPeriod.referenceDate))
    .limit(1);
  const previous = previousPeriod
    ? {
        periodId: previousPeriod.id,
        label: previousPeriod.label,
        facts: await loadFacts(db, previousPeriod.id, municipality.id),
      }
    : null;
  const history = report
    ? await db
        .select({
          fromStatus: staffingReportTransition.fromStatus,
          toStatus: staffingReportTransition.toStatus,
          comment: staffingReportTransition.comment,
          at: staffingReportTransition.at,
          actorName: user.name,
          tokenId: staffingReportTransition.actorTokenId,
        })
        .from(staffingReportTransition)
        .leftJoin(user, eq(user.id, staffingReportTransition.actorUserId))
        .where(eq(staffingReportTransition.reportId, report.id))
        .orderBy(asc(staffingReportTransition.at))
    : [];
  return {
    periodId: period.id,
    periodLabel: period.label,
    deadline: period.deadline,
    municipalityId: municipality.id,
    municipalityName: municipality.name,
    status,
    facts,
    previous,
    warnShare: warnShare ?? 0.1,
    history: history.map((h) => ({
      fromStatus: h.fromStatus as ReportStatus,
      toStatus: h.toStatus as ReportStatus,
      comment: h.comment,
      at: h.at.toISOString(),
      actorName: h.tokenId ? `API-nyckel (${h.actorName ?? 'okänd'})` : (h.actorName ?? 'Okänd'),
    })),
    updatedAt: report ? report.updatedAt.toISOString() : null,
    permissions: permissionsFor(actor, municipality.id, status, period),
  };
}

/** Checks the facts against the rules; a broken rule is a 400 naming each field (its fact key). */
export async function assertValidFacts(deps: StaffingDeps, facts: Fact[], mode: 'draft' | 'submit') {
  const errors = validateFacts(rulesConfigOf(await loadConfig(deps)), facts, mode);
  if (errors.length > 0) {
    throw new ValidationError(errors, mode === 'submit' ? sm.reportInvalidForSubmit() : sm.reportInvalid());
  }
}

/**
 * Replaces a municipality's facts for a period (the given set is the complete new state) inside a transaction,
 * creating the report as a draft when it does not exist yet. Used by the form and the JSON API.
 */
export async function replaceFacts(
  tx: Db,
  ctx: RequestContext,
  period: PeriodRow,
  municipalityId: string,
  facts: Fact[],
): Promise<void> {
  const report = await lockReport(tx, period.id, municipalityId);
  assertEditable(period, report);
  await tx
    .delete(staffingFact)
    .where(and(eq(staffingFact.periodId, period.id), eq(staffingFact.municipalityId, municipalityId)));
  if (facts.length > 0) {
    await tx.insert(staffingFact).values(facts.map((f) => ({ ...f, periodId: period.id, municipalityId })));
  }
  await touchReports(tx, ctx, period, [municipalityId], new Map(report ? [[municipalityId, report]] : []));
}

/** A closed period, or a submitted or approved report, takes no changes. */
export function assertEditable(period: PeriodRow, report: ReportRow | undefined | null): void {
  const status: ReportStatus = report?.status ?? 'not_started';
  if (period.closed) throw new ConflictError(sm.periodClosedNoChanges());
  if (!EDITABLE.includes(status)) {
    throw new ConflictError(status === 'approved' ? sm.reportApprovedNoChanges() : sm.reportSubmittedNoChanges());
  }
}

export type FactChange = { municipalityId: string; key: string; new: number | null };

/**
 * Writes single changed values of one or more municipalities' reports (the Excel import): upserts and deletes
 * set-based, each report touched (or created as a draft) once, the revision bumped once. The caller has locked the
 * reports (`lockReports`) and checked that they are editable.
 */
export async function applyFactChanges(
  tx: Db,
  ctx: RequestContext,
  period: PeriodRow,
  changes: FactChange[],
  reports: Map<string, ReportRow>,
): Promise<void> {
  const upserts = { m: [] as string[], p: [] as string[], me: [] as string[], b: [] as string[], v: [] as number[] };
  const deletes = { m: [] as string[], p: [] as string[], me: [] as string[], b: [] as string[] };
  for (const c of changes) {
    const parts = parseFactKey(c.key);
    if (!parts) throw new Error(`not a fact key: ${c.key}`);
    const target = c.new === null ? deletes : upserts;
    target.m.push(c.municipalityId);
    target.p.push(parts.profession);
    target.me.push(parts.measure);
    target.b.push(parts.breakdown);
    if (c.new !== null) upserts.v.push(c.new);
  }
  // Arrays as parameters (unnest): five parameters whatever the number of values.
  if (upserts.m.length > 0) {
    await tx.execute(sql`
      insert into staffing_fact (period_id, municipality_id, profession, measure, breakdown, value)
      select ${period.id}::uuid, m, p, me, b, v
        from unnest(${sql.param(upserts.m)}::uuid[], ${sql.param(upserts.p)}::text[], ${sql.param(upserts.me)}::text[],
                    ${sql.param(upserts.b)}::text[], ${sql.param(upserts.v)}::numeric[]) as t(m, p, me, b, v)
      on conflict (period_id, municipality_id, profession, measure, breakdown) do update set value = excluded.value`);
  }
  if (deletes.m.length > 0) {
    await tx.execute(sql`
      delete from staffing_fact f
       using unnest(${sql.param(deletes.m)}::uuid[], ${sql.param(deletes.p)}::text[], ${sql.param(deletes.me)}::text[],
                    ${sql.param(deletes.b)}::text[]) as d(m, p, me, b)
       where f.period_id = ${period.id} and f.municipality_id = d.m and f.profession = d.p and f.measure = d.me
         and f.breakdown = d.b`);
  }
  await touchReports(tx, ctx, period, [...new Set(changes.map((c) => c.municipalityId))], reports);
}

/**
 * After a save: each report's `updated_at` moves, a report that did not exist is created as a draft (with its first
 * transition), the revision is bumped once and each municipality gets its audit event.
 */
async function touchReports(
  tx: Db,
  ctx: RequestContext,
  period: PeriodRow,
  municipalityIds: string[],
  reports: Map<string, ReportRow>,
): Promise<void> {
  if (municipalityIds.length === 0) return;
  const actor = requireActorOf(ctx);
  const existing = municipalityIds.flatMap((id) => reports.get(id)?.id ?? []);
  const missing = municipalityIds.filter((id) => !reports.has(id));
  if (existing.length > 0) {
    await tx.update(staffingReport).set({ updatedAt: new Date() }).where(inArray(staffingReport.id, existing));
  }
  if (missing.length > 0) {
    const created = await tx
      .insert(staffingReport)
      .values(missing.map((municipalityId) => ({ periodId: period.id, municipalityId, status: 'draft' as const })))
      .onConflictDoNothing()
      .returning({ id: staffingReport.id });
    // Another request created one of them since the caller locked the reports: this save is based on old state.
    if (created.length !== missing.length) {
      throw new ConflictError(sm.reportChangedMeanwhile());
    }
    await tx.insert(staffingReportTransition).values(
      created.map((r) => ({
        reportId: r.id,
        fromStatus: 'not_started',
        toStatus: 'draft',
        actorUserId: actor.userId,
        actorTokenId: actor.tokenId,
      })),
    );
  }
  await bumpPeriodRevision(tx, period.id);
  await audit(
    tx,
    ctx,
    municipalityIds.map((municipalityId) => ({
      action: 'staffing_report.save',
      entityType: 'staffing_report',
      entityId: `${period.id}/${municipalityId}`,
      organisationId: municipalityId,
    })),
  );
}

/** The reports of these municipalities, locked in a fixed order (so two imports cannot deadlock), by municipality. */
export async function lockReports(tx: Db, periodId: string, municipalityIds: string[]) {
  if (municipalityIds.length === 0) return new Map<string, ReportRow>();
  const rows = await tx
    .select()
    .from(staffingReport)
    .where(and(eq(staffingReport.periodId, periodId), inArray(staffingReport.municipalityId, municipalityIds)))
    .orderBy(asc(staffingReport.municipalityId))
    .for('update');
  return new Map(rows.map((r) => [r.municipalityId, r]));
}

/**
 * The values of several municipalities for one period as fact key → value, by municipality. Aggregated to one JSON
 * object per municipality in the database: a national import reads some 60,000 values, and rows of that many would
 * cost several times as much to transfer and decode (on the embedded database most of all).
 */
export async function loadValuesOf(
  db: Db,
  periodId: string,
  municipalityIds: string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>(municipalityIds.map((id) => [id, new Map()]));
  if (municipalityIds.length === 0) return out;
  const result = await db.execute<{ municipality_id: string; values: string }>(sql`
    select municipality_id,
           json_object_agg(
             profession || '.' || measure || case when breakdown = '' then '' else '.' || breakdown end,
             value
           )::text as values
      from staffing_fact
     where period_id = ${periodId} and municipality_id = any(${sql.param(municipalityIds)}::uuid[])
     group by municipality_id`);
  for (const row of result.rows) {
    out.set(row.municipality_id, new Map(Object.entries(JSON.parse(row.values) as Record<string, number>)));
  }
  return out;
}

/** The reports of several municipalities for one period (not locked), by municipality. */
export async function findReports(db: Db, periodId: string, municipalityIds: string[]) {
  if (municipalityIds.length === 0) return new Map<string, ReportRow>();
  const rows = await db
    .select()
    .from(staffingReport)
    .where(and(eq(staffingReport.periodId, periodId), inArray(staffingReport.municipalityId, municipalityIds)));
  return new Map(rows.map((r) => [r.municipalityId, r]));
}

/** The report row locked for the rest of the transaction, so two saves or transitions cannot interleave. */
async function lockReport(tx: Db, periodId: string, municipalityId: string): Promise<ReportRow | null> {
  const [row] = await tx
    .select()
    .from(staffingReport)
    .where(and(eq(staffingReport.periodId, periodId), eq(staffingReport.municipalityId, municipalityId)))
    .for('update');
  return row ?? null;
}

/** Before facts are written: may the actor edit the municipality's report, do the period and municipality exist, and
 * are the facts valid for a draft or a submission. */
async function prepareFacts(
  deps: StaffingDeps,
  ctx: SignedInContext,
  periodId: string,
  municipalityId: string,
  facts: Fact[],
  mode: 'draft' | 'submit',
) {
  authorizeObject(ctx.actor, 'staffing:edit_report', resourceOf(municipalityId));
  const period = await findPeriod(deps.db, periodId);
  const municipality = await findMunicipality(deps.db, municipalityId);
  await assertValidFacts(deps, facts, mode);
  return { period, municipality };
}

export async function saveFacts(
  deps: StaffingDeps,
  ctx: SignedInContext,
  periodId: string,
  municipalityId: string,
  facts: Fact[],
) {
  const { period, municipality } = await prepareFacts(deps, ctx, periodId, municipalityId, facts, 'draft');
  await inTransaction(deps.db, (tx) => replaceFacts(tx, ctx, period, municipalityId, facts));
  return toReportDto(deps, ctx.actor, period, municipality);
}

type Move = 'submit' | 'approve' | 'return';
const MOVES: Record<
  Move,
  { from: readonly ReportStatus[]; to: 'submitted' | 'approved' | 'returned'; action: string }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', action: 'staffing_report.submit' },
  approve: { from: ['submitted'], to: 'approved', action: 'staffing_report.approve' },
  return: { from: ['submitted', 'approved'], to: 'returned', action: 'staffing_report.return' },
};

export async function moveReport(
  deps: StaffingDeps,
  ctx: SignedInContext,
  periodId: string,
  municipalityId: string,
  move: Move,
  comment: string | null = null,
) {
  const actor = ctx.actor;
  authorizeObject(
    actor,
    move === 'submit' ? 'staffing:edit_report' : 'staffing:approve_report',
    resourceOf(municipalityId),
  );
  const period = await findPeriod(deps.db, periodId);
  const municipality = await findMunicipality(deps.db, municipalityId);
  if (move === 'submit') await assertValidFacts(deps, await loadFacts(deps.db, periodId, municipalityId), 'submit');
  await inTransaction(deps.db, (tx) => transition(tx, ctx, period, municipalityId, move, comment));
  return toReportDto(deps, actor, period, municipality);
}

export async function transition(
  tx: Db,
  ctx: RequestContext,
  period: PeriodRow,
  municipalityId: string,
  move: Move,
  comment: string | null,
) {
  const actor = requireActorOf(ctx);
  const rule = MOVES[move];
  if (period.closed && move !== 'return') throw new ConflictError(sm.periodClosed());
  const report = await lockReport(tx, period.id, municipalityId);
  const status: ReportStatus = report?.status ?? 'not_started';
  if (!report || !rule.from.includes(status)) {
    throw new ConflictError(
      move === 'submit'
        ? sm.submitOnlyDraft()
        : move === 'approve'
          ? sm.approveOnlySubmitted()
          : sm.returnOnlySubmittedOrApproved(),
    );
  }
  await tx
    .update(staffingReport)
    .set({ status: rule.to, updatedAt: new Date() })
    .where(eq(staffingReport.id, report.id));
  await tx.insert(staffingReportTransition).values({
    reportId: report.id,
    fromStatus: status,
    toStatus: rule.to,
    comment,
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId,
  });
  await bumpPeriodRevision(tx, period.id);
  await audit(tx, ctx, {
    action: rule.action,
    entityType: 'staffing_report',
    entityId: `${period.id}/${municipalityId}`,
    organisationId: municipalityId,
  });
}

/** Save and submit in one step (for integrations): both or neither. */
export async function submitFacts(
  deps: StaffingDeps,
  ctx: SignedInContext,
  periodId: string,
  municipalityId: string,
  facts: Fact[],
) {
  const { period, municipality } = await prepareFacts(deps, ctx, periodId, municipalityId, facts, 'submit');
  await inTransaction(deps.db, async (tx) => {
    await replaceFacts(tx, ctx, period, municipalityId, facts);
    await transition(tx, ctx, period, municipalityId, 'submit', null);
  });
  return toReportDto(deps, ctx.actor, period, municipality);
}
