// The staffing module's part of the start page's "Att göra" (decision 018): a reporter's open report and its deadline,
// reports waiting for the municipality's or the region's approval, and the region's reports not yet submitted.
import { and, eq, inArray } from 'drizzle-orm';
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { activeMunicipalities } from '../../../platform/server/directory.ts';
import type { ModuleContext } from '../../../platform/server/module.ts';
import { can } from '../../../platform/server/policy.ts';
import type { TaskItem } from '../../../platform/server/tasks.ts';
import { staffingMessages as sm } from '../staffing.messages.ts';
import { staffingPeriod, staffingReport } from '../staffing.table.ts';

export async function staffingTasks({ db }: ModuleContext, { actor }: SignedInContext): Promise<TaskItem[]> {
  const periods = await db
    .select({ id: staffingPeriod.id, label: staffingPeriod.label, deadline: staffingPeriod.deadline })
    .from(staffingPeriod)
    .where(eq(staffingPeriod.closed, false))
    .orderBy(staffingPeriod.deadline);
  if (periods.length === 0) return [];
  const tasks: TaskItem[] = [];

  if (actor.organisationKind === 'municipality') {
    const own = { organisationId: actor.organisationId, organisationKind: 'municipality' as const };
    const edits = can(actor, 'staffing:edit_report', own);
    const approves = can(actor, 'staffing:approve_report', own);
    if (!edits && !approves) return [];
    const reports = await db
      .select({ periodId: staffingReport.periodId, status: staffingReport.status })
      .from(staffingReport)
      .where(
        and(
          eq(staffingReport.municipalityId, actor.organisationId),
          inArray(
            staffingReport.periodId,
            periods.map((p) => p.id),
          ),
        ),
      );
    for (const period of periods) {
      const status = reports.find((r) => r.periodId === period.id)?.status ?? 'not_started';
      const href = `/staffing/reports/${period.id}/${actor.organisationId}`;
      const params = { period: period.label };
      if (edits && (status === 'not_started' || status === 'draft' || status === 'returned')) {
        const message = status === 'returned' ? sm.taskReturnedReport(params) : sm.taskOpenReport(params);
        tasks.push({ key: `report.${period.id}`, message, count: 1, href, due: period.deadline });
      }
      if (approves && status === 'submitted') {
        tasks.push({ key: `approve.${period.id}`, message: sm.taskApproveOwn(params), count: 1, href });
      }
    }
    return tasks;
  }

  // The region's office: what waits for its approval, and who has not submitted yet (before the deadline passes).
  if (!can(actor, 'staffing:approve_report', { organisationKind: 'municipality' })) return [];
  const municipalities = await activeMunicipalities(db);
  const ids = new Set(municipalities.map((m) => m.id));
  const reports = await db
    .select({
      periodId: staffingReport.periodId,
      municipalityId: staffingReport.municipalityId,
      status: staffingReport.status,
    })
    .from(staffingReport)
    .where(
      inArray(
        staffingReport.periodId,
        periods.map((p) => p.id),
      ),
    );
  for (const period of periods) {
    const own = reports.filter((r) => r.periodId === period.id && ids.has(r.municipalityId));
    const submitted = own.filter((r) => r.status === 'submitted').length;
    const done = own.filter((r) => r.status === 'submitted' || r.status === 'approved').length;
    const params = { period: period.label };
    const href = `/staffing/reports/${period.id}`;
    tasks.push({ key: `approve.${period.id}`, message: sm.taskApproveRegion(params), count: submitted, href });
    tasks.push({
      key: `missing.${period.id}`,
      message: sm.taskMissingRegion(params),
      count: municipalities.length - done,
      href,
      due: period.deadline,
    });
  }
  return tasks;
}
