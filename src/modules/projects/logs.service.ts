// The decision and presentation logs, co-financing (pledges, given hours and money, budget lines), the final
// report's editable texts, and removing a record that was entered by mistake.
import { and, eq } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import type { Db } from '../../platform/server/db.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { answer, checkMunicipality, checkOwn } from './organisation.service.ts';
import type {
  BudgetLineInput,
  ContributionInput,
  DecisionInput,
  Deletable,
  PledgeInput,
  PresentationInput,
  ReportChapter,
} from './projects.contracts.ts';
import { projectsMessages as pm } from './projects.messages.ts';
import {
  projectActivity,
  projectBudgetLine,
  projectContribution,
  projectDecision,
  projectGoal,
  projectMember,
  projectPledge,
  projectPresentation,
  projectReportText,
  projectSubproject,
} from './projects.table.ts';
import { auditProject, type ProjectsDeps, projectToChange, within } from './projects-scope.ts';

async function checkLinks(db: Db, projectId: string, input: DecisionInput) {
  await checkOwn(db, projectSubproject, projectId, input.subprojectId, 'subprojectId');
  for (const [table, value, path] of [
    [projectGoal, input.goalId, 'goalId'],
    [projectActivity, input.activityId, 'activityId'],
  ] as const) {
    if (!value) continue;
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, value), eq(table.projectId, projectId)));
    if (!row) throw new ValidationError([{ path, message: pm.itemNotFound() }]);
  }
}

export async function addDecision(deps: ProjectsDeps, ctx: SignedInContext, id: string, input: DecisionInput) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  within(p, input.date, 'date');
  await checkLinks(db, id, input);
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(projectDecision)
      .values({
        projectId: id,
        date: input.date,
        forum: input.forum,
        text: input.text,
        goalId: input.goalId ?? null,
        subprojectId: input.subprojectId ?? null,
        activityId: input.activityId ?? null,
        documents: input.documents,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: projectDecision.id });
    await auditProject(tx, ctx, id, 'project_decision.create', { type: 'project_decision', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

export async function addPresentation(deps: ProjectsDeps, ctx: SignedInContext, id: string, input: PresentationInput) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  within(p, input.date, 'date');
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(projectPresentation)
      .values({ projectId: id, ...input, createdBy: ctx.actor.userId })
      .returning({ id: projectPresentation.id });
    await auditProject(tx, ctx, id, 'project_presentation.create', { type: 'project_presentation', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

export async function setPledge(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  municipalityId: string,
  input: PledgeInput,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await checkMunicipality(db, municipalityId);
  await inTransaction(db, async (tx) => {
    await tx
      .insert(projectPledge)
      .values({ projectId: id, municipalityId, ...input })
      .onConflictDoUpdate({
        target: [projectPledge.projectId, projectPledge.municipalityId],
        set: { ...input, updatedAt: new Date() },
      });
    await auditProject(tx, ctx, id, 'project_pledge.set', { type: 'project_pledge', id: municipalityId });
  });
  return answer(deps, ctx, p);
}

export async function addContribution(deps: ProjectsDeps, ctx: SignedInContext, id: string, input: ContributionInput) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await checkMunicipality(db, input.municipalityId);
  within(p, input.date, 'date');
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(projectContribution)
      .values({ projectId: id, ...input, createdBy: ctx.actor.userId })
      .returning({ id: projectContribution.id });
    await auditProject(tx, ctx, id, 'project_contribution.create', { type: 'project_contribution', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

export async function addBudgetLine(deps: ProjectsDeps, ctx: SignedInContext, id: string, input: BudgetLineInput) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(projectBudgetLine)
      .values({ projectId: id, ...input, createdBy: ctx.actor.userId })
      .returning({ id: projectBudgetLine.id });
    await auditProject(tx, ctx, id, 'project_budget_line.create', { type: 'project_budget_line', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

export async function setReportText(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  chapter: ReportChapter,
  text: string,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await inTransaction(db, async (tx) => {
    await tx
      .insert(projectReportText)
      .values({ projectId: id, chapter, text, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: [projectReportText.projectId, projectReportText.chapter],
        set: { text, updatedBy: ctx.actor.userId, updatedAt: new Date() },
      });
    await auditProject(tx, ctx, id, 'project_report_text.set', { type: 'project_report_text', id });
  });
  return answer(deps, ctx, p);
}

const TABLES = {
  members: projectMember,
  activities: projectActivity,
  decisions: projectDecision,
  presentations: projectPresentation,
  contributions: projectContribution,
  'budget-lines': projectBudgetLine,
} as const;

/** Removes a record entered by mistake (a phase takes its activities with it). */
export async function deleteItem(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  collection: Deletable,
  itemId: string,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  const table = TABLES[collection];
  await inTransaction(db, async (tx) => {
    const deleted = await tx
      .delete(table)
      .where(and(eq(table.id, itemId), eq(table.projectId, id)))
      .returning({ id: table.id });
    if (deleted.length === 0) throw new NotFoundError(pm.itemNotFound());
    await auditProject(tx, ctx, id, `project_${collection.replace('-', '_')}.delete`, { type: 'project', id: itemId });
  });
  return answer(deps, ctx, p);
}
