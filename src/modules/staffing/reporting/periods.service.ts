// Reporting periods: the region opens one (label, reference date, deadline) and follows each municipality's report.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize } from '../../../platform/server/actor.ts';
import { audit } from '../../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../../platform/server/db.ts';
import { activeMunicipalities } from '../../../platform/server/directory.ts';
import { ConflictError, NotFoundError } from '../../../platform/server/errors.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { can } from '../../../platform/server/policy.ts';

/** The platform's list; re-exported only until imports.service.ts (the import kit's) reads it from the platform. */

import type { SignedInContext } from '../../../platform/server/actor.ts';
import type {
  createPeriodSchema,
  PeriodDto,
  ReportStatus,
  statusCountsSchema,
  updatePeriodSchema,
} from '../staffing.contracts.ts';
import { staffingMessages as sm } from '../staffing.messages.ts';
import { staffingPeriod, staffingReport, staffingReportTransition } from '../staffing.table.ts';
import { bumpRevision } from '../staffing-config.service.ts';

type PeriodRow = typeof staffingPeriod.$inferSelect;
type StatusCounts = z.infer<typeof statusCountsSchema>;

function toPeriodDto(row: PeriodRow, counts: StatusCounts): PeriodDto {
  return {
    id: row.id,
    label: row.label,
    kind: row.kind,
    referenceDate: row.referenceDate,
    deadline: row.deadline,
    closed: row.closed,
    createdAt: row.createdAt.toISOString(),
    statusCounts: counts,
  };
}

async function statusCounts(db: Db, periodIds: string[]): Promise<Map<string, StatusCounts>> {
  const municipalityCount = (await activeMunicipalities(db)).length;
  const rows =
    periodIds.length === 0
      ? []
      : await db
          .select({ periodId: staffingReport.periodId, status: staffingReport.status, n: sql<number>`count(*)::int` })
          .from(staffingReport)
          .innerJoin(organisation, eq(organisation.id, staffingReport.municipalityId))
          .where(and(inArray(staffingReport.periodId, periodIds), eq(organisation.active, true)))
          .groupBy(staffingReport.periodId, staffingReport.status);
  const result = new Map<string, StatusCounts>();
  for (const id of periodIds) {
    const counts: StatusCounts = { not_started: 0, draft: 0, submitted: 0, approved: 0, returned: 0 };
    for (const r of rows.filter((x) => x.periodId === id)) counts[r.status] = r.n;
    counts.not_started = municipalityCount - (counts.draft + counts.submitted + counts.approved + counts.returned);
    result.set(id, counts);
  }
  return result;
}

export async function listPeriods(db: Db, ctx: SignedInContext) {
  authorize(ctx.actor, 'staffing:read_statistics');
  const rows = await db.select().from(staffingPeriod).orderBy(desc(staffingPeriod.referenceDate));
  const counts = await statusCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPeriodDto(r, counts.get(r.id) as StatusCounts));
}

export async function findPeriod(db: Db, id: string): Promise<PeriodRow> {
  const [row] = await db.select().from(staffingPeriod).where(eq(staffingPeriod.id, id));
  if (!row) throw new NotFoundError(sm.periodNotFound());
  return row;
}

export async function getPeriod(db: Db, ctx: SignedInContext, id: string) {
  authorize(ctx.actor, 'staffing:read_statistics');
  const row = await findPeriod(db, id);
  return toPeriodDto(row, (await statusCounts(db, [id])).get(id) as StatusCounts);
}

/** The period with the reports the actor may follow: every municipality for the region, else their own. */
export async function getPeriodDetail(db: Db, ctx: SignedInContext, id: string) {
  const actor = ctx.actor;
  const period = await getPeriod(db, ctx, id);
  const municipalities = (await activeMunicipalities(db)).filter((m) =>
    can(actor, 'staffing:read_report', { organisationId: m.id, organisationKind: 'municipality' }),
  );
  const ids = municipalities.map((m) => m.id);
  const reports =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(staffingReport)
          .where(and(eq(staffingReport.periodId, id), inArray(staffingReport.municipalityId, ids)));
  const lastComments = await latestComments(
    db,
    reports.map((r) => r.id),
  );
  const rows = municipalities
    .map((m) => {
      const report = reports.find((r) => r.municipalityId === m.id);
      return {
        municipalityId: m.id,
        municipalityName: m.name,
        status: (report?.status ?? 'not_started') as ReportStatus,
        updatedAt: report ? report.updatedAt.toISOString() : null,
        lastComment: report ? (lastComments.get(report.id) ?? null) : null,
      };
    })
    .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'sv'));
  return { ...period, reports: rows };
}

async function latestComments(db: Db, reportIds: string[]) {
  const result = new Map<string, string>();
  if (reportIds.length === 0) return result;
  const rows = await db
    .select({ reportId: staffingReportTransition.reportId, comment: staffingReportTransition.comment })
    .from(staffingReportTransition)
    .where(inArray(staffingReportTransition.reportId, reportIds))
    .orderBy(staffingReportTransition.at);
  for (const r of rows) if (r.comment) result.set(r.reportId, r.comment);
  return result;
}

export async function createPeriod(db: Db, ctx: SignedInContext, input: z.infer<typeof createPeriodSchema>) {
  const actor = ctx.actor;
  authorize(actor, 'staffing:configure');
  await assertLabelFree(db, input.label);
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(staffingPeriod)
      .values({ ...input, createdBy: actor.userId })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await bumpRevision(tx);
    await audit(tx, ctx, { action: 'staffing_period.create', entityType: 'staffing_period', entityId: created.id });
    return created;
  });
  return getPeriod(db, ctx, row.id);
}

export async function updatePeriod(
  db: Db,
  ctx: SignedInContext,
  id: string,
  input: z.infer<typeof updatePeriodSchema>,
) {
  authorize(ctx.actor, 'staffing:configure');
  const current = await findPeriod(db, id);
  if (input.label !== undefined && input.label !== current.label) await assertLabelFree(db, input.label);
  if (input.deadline !== undefined && input.deadline < current.referenceDate) {
    throw new ConflictError(sm.deadlineBeforeReferenceDate(), [
      { path: 'deadline', message: sm.deadlineBeforeReferenceDate() },
    ]);
  }
  await inTransaction(db, async (tx) => {
    await tx.update(staffingPeriod).set(input).where(eq(staffingPeriod.id, id));
    const action =
      input.closed === true
        ? 'staffing_period.close'
        : input.closed === false
          ? 'staffing_period.reopen'
          : 'staffing_period.update';
    await bumpRevision(tx);
    await audit(tx, ctx, { action, entityType: 'staffing_period', entityId: id });
  });
  return getPeriod(db, ctx, id);
}

async function assertLabelFree(db: Db, label: string) {
  const [clash] = await db
    .select({ id: staffingPeriod.id })
    .from(staffingPeriod)
    .where(sql`lower(${staffingPeriod.label}) = lower(${label})`);
  if (clash) {
    throw new ConflictError(sm.periodLabelTaken(), [{ path: 'label', message: sm.periodLabelTaken() }]);
  }
}
