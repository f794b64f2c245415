// The plan against reality: phases, activities and milestones with planned dates; the baseline (a saved copy of the
// plan); actual dates. Every moved date is kept with who, when and why — once the baseline is saved, a reason is
// required ("ett ganttschema är bara en tanke…").
import { and, count, eq, max, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { answer, checkOwn } from './organisation.service.ts';
import {
  type ActivityStatus,
  type CreateActivityInput,
  PROJECT_LIMITS,
  type UpdateActivityInput,
} from './projects.contracts.ts';
import { projectsMessages as pm } from './projects.messages.ts';
import { project, projectActivity, projectDateChange, projectSubproject } from './projects.table.ts';
import { auditProject, type ProjectsDeps, projectToChange } from './projects-scope.ts';

async function actorName(db: Db, userId: string) {
  const [u] = await db.select({ name: user.name }).from(user).where(eq(user.id, userId));
  return u?.name ?? '';
}

export async function createActivity(deps: ProjectsDeps, ctx: SignedInContext, id: string, input: CreateActivityInput) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await checkOwn(db, projectSubproject, id, input.subprojectId, 'subprojectId');
  if (input.phaseId) {
    const [phase] = await db
      .select({ id: projectActivity.id })
      .from(projectActivity)
      .where(
        and(
          eq(projectActivity.id, input.phaseId),
          eq(projectActivity.projectId, id),
          eq(projectActivity.kind, 'phase'),
        ),
      );
    if (!phase) throw new ValidationError([{ path: 'phaseId', message: pm.phaseNotFound() }]);
  }
  await inTransaction(db, async (tx) => {
    const [stats] = await tx
      .select({ n: count(), last: max(projectActivity.position) })
      .from(projectActivity)
      .where(eq(projectActivity.projectId, id));
    if ((stats?.n ?? 0) >= PROJECT_LIMITS.maxActivities) {
      throw new ValidationError([
        { path: 'name', message: pm.tooManyActivities({ max: PROJECT_LIMITS.maxActivities }) },
      ]);
    }
    // Within its phase: after the phase's last row, so the plan reads in order; otherwise at the end.
    let position = (stats?.last ?? 0) + 1;
    if (input.phaseId) {
      const [inPhase] = await tx
        .select({ last: max(projectActivity.position) })
        .from(projectActivity)
        .where(
          and(
            eq(projectActivity.projectId, id),
            sql`(${projectActivity.phaseId} = ${input.phaseId} OR ${projectActivity.id} = ${input.phaseId})`,
          ),
        );
      position = (inPhase?.last ?? 0) + 1;
      await tx
        .update(projectActivity)
        .set({ position: sql`${projectActivity.position} + 1` })
        .where(and(eq(projectActivity.projectId, id), sql`${projectActivity.position} >= ${position}`));
    }
    const [row] = await tx
      .insert(projectActivity)
      .values({
        projectId: id,
        kind: input.kind,
        phaseId: input.phaseId ?? null,
        subprojectId: input.subprojectId ?? null,
        position,
        name: input.name,
        responsible: input.responsible,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: projectActivity.id });
    await auditProject(tx, ctx, id, 'project_activity.create', { type: 'project_activity', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

export async function updateActivity(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  activityId: string,
  input: UpdateActivityInput,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await checkOwn(db, projectSubproject, id, input.subprojectId, 'subprojectId');
  const name = await actorName(db, ctx.actor.userId);
  await inTransaction(db, async (tx) => {
    const [a] = await tx
      .select()
      .from(projectActivity)
      .where(and(eq(projectActivity.id, activityId), eq(projectActivity.projectId, id)))
      .for('update');
    if (!a) throw new NotFoundError(pm.itemNotFound());
    const milestone = a.kind === 'milestone';
    let plannedStart = input.plannedStart ?? a.plannedStart;
    let plannedEnd = input.plannedEnd ?? a.plannedEnd;
    if (milestone && input.plannedStart && !input.plannedEnd) plannedEnd = plannedStart;
    if (milestone && input.plannedEnd && !input.plannedStart) plannedStart = plannedEnd;
    const actualStart = input.actualStart === undefined ? a.actualStart : input.actualStart;
    let actualEnd = input.actualEnd === undefined ? a.actualEnd : input.actualEnd;
    if (milestone && actualStart && input.actualEnd === undefined) actualEnd = actualStart;
    if (plannedEnd < plannedStart) throw new ValidationError([{ path: 'plannedEnd', message: pm.plannedReversed() }]);
    if (milestone && plannedEnd !== plannedStart) {
      throw new ValidationError([{ path: 'plannedEnd', message: pm.milestoneOneDay() }]);
    }
    if (actualEnd && !actualStart)
      throw new ValidationError([{ path: 'actualEnd', message: pm.actualEndNeedsStart() }]);
    if (actualEnd && actualStart && actualEnd < actualStart) {
      throw new ValidationError([{ path: 'actualEnd', message: pm.actualReversed() }], pm.actualReversed());
    }
    const plannedMoved = plannedStart !== a.plannedStart || plannedEnd !== a.plannedEnd;
    const actualMoved = actualStart !== a.actualStart || actualEnd !== a.actualEnd;
    const afterBaseline = p.baselineSavedAt !== null;
    const reason = input.reason ?? '';
    if ((plannedMoved || actualMoved) && afterBaseline && !reason) {
      throw new ValidationError([{ path: 'reason', message: pm.reasonRequired() }], pm.reasonRequired());
    }
    let status: ActivityStatus = input.status ?? a.status;
    if (!input.status && actualMoved && a.status !== 'cancelled') {
      status = actualEnd ? 'done' : actualStart ? 'ongoing' : 'not_started';
    }
    await tx
      .update(projectActivity)
      .set({
        name: input.name ?? a.name,
        responsible: input.responsible ?? a.responsible,
        subprojectId: input.subprojectId === undefined ? a.subprojectId : input.subprojectId,
        plannedStart,
        plannedEnd,
        actualStart,
        actualEnd,
        status,
        updatedAt: new Date(),
      })
      .where(eq(projectActivity.id, activityId));
    const history = [
      ...(plannedMoved
        ? [
            {
              which: 'planned' as const,
              fromStart: a.plannedStart,
              fromEnd: a.plannedEnd,
              toStart: plannedStart,
              toEnd: plannedEnd,
            },
          ]
        : []),
      ...(actualMoved
        ? [
            {
              which: 'actual' as const,
              fromStart: a.actualStart,
              fromEnd: a.actualEnd,
              toStart: actualStart,
              toEnd: actualEnd,
            },
          ]
        : []),
    ];
    if (history.length) {
      await tx.insert(projectDateChange).values(
        history.map((h) => ({
          projectId: id,
          activityId,
          ...h,
          reason,
          afterBaseline,
          changedBy: ctx.actor.userId,
          changedByName: name,
        })),
      );
    }
    await auditProject(tx, ctx, id, 'project_activity.update', { type: 'project_activity', id: activityId });
  });
  return answer(deps, ctx, p);
}

/** Saves the plan as the baseline: the first time freely, again only with a reason (kept in the audit log). */
export async function saveBaseline(deps: ProjectsDeps, ctx: SignedInContext, id: string, reason: string) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  if (p.baselineSavedAt && !reason) {
    throw new ValidationError([{ path: 'reason', message: pm.baselineReasonRequired() }], pm.baselineReasonRequired());
  }
  const row = await inTransaction(db, async (tx) => {
    await tx
      .update(projectActivity)
      .set({ baselineStart: projectActivity.plannedStart, baselineEnd: projectActivity.plannedEnd })
      .where(eq(projectActivity.projectId, id));
    const [updated] = await tx
      .update(project)
      .set({ baselineSavedAt: new Date(), baselineSavedBy: ctx.actor.userId, updatedAt: new Date() })
      .where(eq(project.id, id))
      .returning();
    await auditProject(tx, ctx, id, p.baselineSavedAt ? 'project.baseline_resave' : 'project.baseline_save');
    return updated ?? p;
  });
  return answer(deps, ctx, row);
}
