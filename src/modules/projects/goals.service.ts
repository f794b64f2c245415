// Effect goals and project goals (each project goal tied to exactly one effect goal), their status — a goal lifted
// out carries the reason and the decision — and an indicator entered as a series of values.
import { and, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { answer, checkOwn, unique } from './organisation.service.ts';
import type { CreateGoalInput, effectGoalSchema, indicatorValueSchema, UpdateGoalInput } from './projects.contracts.ts';
import { projectsMessages as pm } from './projects.messages.ts';
import {
  projectDecision,
  projectEffectGoal,
  projectGoal,
  projectIndicatorValue,
  projectSubproject,
} from './projects.table.ts';
import { auditProject, type ProjectsDeps, projectToChange } from './projects-scope.ts';

export async function addEffectGoal(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  input: z.infer<typeof effectGoalSchema>,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await inTransaction(db, async (tx) => {
    const [last] = await tx
      .select({ n: max(projectEffectGoal.number) })
      .from(projectEffectGoal)
      .where(eq(projectEffectGoal.projectId, id));
    const [row] = await tx
      .insert(projectEffectGoal)
      .values({
        projectId: id,
        number: input.number ?? (last?.n ?? 0) + 1,
        text: input.text,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: projectEffectGoal.id })
      .catch(unique);
    await auditProject(tx, ctx, id, 'project_effect_goal.create', { type: 'project_effect_goal', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

/** The effect goal must be the project's and have no other project goal (one to one). */
async function checkEffectGoal(db: Db, projectId: string, effectGoalId: string, goalId: string | null) {
  const [effect] = await db
    .select({ id: projectEffectGoal.id })
    .from(projectEffectGoal)
    .where(and(eq(projectEffectGoal.id, effectGoalId), eq(projectEffectGoal.projectId, projectId)));
  if (!effect) throw new ValidationError([{ path: 'effectGoalId', message: pm.itemNotFound() }]);
  const [taken] = await db
    .select({ id: projectGoal.id })
    .from(projectGoal)
    .where(eq(projectGoal.effectGoalId, effectGoalId));
  if (taken && taken.id !== goalId) {
    throw new ConflictError(pm.effectGoalTaken(), [{ path: 'effectGoalId', message: pm.effectGoalTaken() }]);
  }
}

export async function addGoal(deps: ProjectsDeps, ctx: SignedInContext, id: string, input: CreateGoalInput) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await checkEffectGoal(db, id, input.effectGoalId, null);
  await checkOwn(db, projectSubproject, id, input.subprojectId, 'subprojectId');
  await inTransaction(db, async (tx) => {
    const [last] = await tx
      .select({ n: max(projectGoal.number) })
      .from(projectGoal)
      .where(eq(projectGoal.projectId, id));
    const [row] = await tx
      .insert(projectGoal)
      .values({
        projectId: id,
        number: input.number ?? (last?.n ?? 0) + 1,
        text: input.text,
        effectGoalId: input.effectGoalId,
        subprojectId: input.subprojectId ?? null,
        indicatorName: input.indicatorName ?? null,
        indicatorUnit: input.indicatorUnit ?? null,
        indicatorTarget: input.indicatorTarget ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: projectGoal.id })
      .catch(unique);
    await auditProject(tx, ctx, id, 'project_goal.create', { type: 'project_goal', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

async function findGoal(db: Db, projectId: string, goalId: string) {
  const [goal] = await db
    .select()
    .from(projectGoal)
    .where(and(eq(projectGoal.id, goalId), eq(projectGoal.projectId, projectId)));
  if (!goal) throw new NotFoundError(pm.itemNotFound());
  return goal;
}

export async function updateGoal(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  goalId: string,
  input: UpdateGoalInput,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  const goal = await findGoal(db, id, goalId);
  if (input.effectGoalId) await checkEffectGoal(db, id, input.effectGoalId, goalId);
  await checkOwn(db, projectSubproject, id, input.subprojectId, 'subprojectId');
  await checkOwn(db, projectDecision, id, input.statusDecisionId, 'statusDecisionId');
  const status = input.status ?? goal.status;
  const reason = input.statusReason ?? goal.statusReason;
  if (status === 'lifted_out' && !reason) {
    throw new ValidationError([{ path: 'statusReason', message: pm.liftedOutNeedsReason() }]);
  }
  await inTransaction(db, async (tx) => {
    await tx.update(projectGoal).set(input).where(eq(projectGoal.id, goalId));
    await auditProject(tx, ctx, id, 'project_goal.update', { type: 'project_goal', id: goalId });
  });
  return answer(deps, ctx, p);
}

export async function addIndicatorValue(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  goalId: string,
  input: z.infer<typeof indicatorValueSchema>,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  const goal = await findGoal(db, id, goalId);
  if (!goal.indicatorName) throw new ValidationError([{ path: 'value', message: pm.itemNotFound() }]);
  await inTransaction(db, async (tx) => {
    await tx
      .insert(projectIndicatorValue)
      .values({ goalId, date: input.date, value: input.value, createdBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: [projectIndicatorValue.goalId, projectIndicatorValue.date],
        set: { value: input.value },
      });
    await auditProject(tx, ctx, id, 'project_indicator_value.set', { type: 'project_goal', id: goalId });
  });
  return answer(deps, ctx, p);
}
