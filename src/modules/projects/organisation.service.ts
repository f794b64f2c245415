// A project's organisation: named members (an account or a name), municipalities joining and leaving over time,
// sub-projects, and the proposals backlog with what became of each proposal.
import { and, asc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { refuseEvent } from './participation.ts';
import { projectDto } from './project-view.ts';
import type {
  AddMemberInput,
  DecideProposalInput,
  ParticipationInput,
  ProjectDto,
  proposalSchema,
  subprojectSchema,
} from './projects.contracts.ts';
import { projectsMessages as pm } from './projects.messages.ts';
import {
  projectDecision,
  projectMember,
  projectParticipation,
  projectProposal,
  projectSubproject,
} from './projects.table.ts';
import { auditProject, type ProjectRow, type ProjectsDeps, projectToChange, within } from './projects-scope.ts';

export const answer = (deps: ProjectsDeps, ctx: SignedInContext, p: ProjectRow): Promise<ProjectDto> =>
  projectDto(deps.db, ctx.actor, p, 'change', deps.today());

export async function checkMunicipality(db: Db, id: string, path = 'municipalityId') {
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.id, id), eq(organisation.kind, 'municipality')));
  if (!row) throw new ValidationError([{ path, message: pm.municipalityNotFound() }]);
}

/** An id of the project's own records (a linked goal, sub-project, decision…), or a field error. */
export async function checkOwn(
  db: Db,
  table: typeof projectSubproject | typeof projectDecision,
  projectId: string,
  id: string | null | undefined,
  path: string,
) {
  if (!id) return;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.projectId, projectId)));
  if (!row) throw new ValidationError([{ path, message: pm.itemNotFound() }]);
}

export async function addMember(deps: ProjectsDeps, ctx: SignedInContext, id: string, input: AddMemberInput) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  let name = input.name;
  if (input.userId) {
    const [u] = await db
      .select({ name: user.name })
      .from(user)
      .where(and(eq(user.id, input.userId), eq(user.active, true)));
    if (!u) throw new ValidationError([{ path: 'userId', message: pm.userNotFound() }]);
    name = u.name;
  }
  if (!name) throw new ValidationError([{ path: 'name', message: pm.nameOrUser() }]);
  const local = input.kind === 'contact' || input.kind === 'local_leader' || input.kind === 'local_group';
  if (local && !input.municipalityId) {
    throw new ValidationError([{ path: 'municipalityId', message: pm.chooseMunicipality() }]);
  }
  if (input.municipalityId) await checkMunicipality(db, input.municipalityId);
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(projectMember)
      .values({
        projectId: id,
        kind: input.kind,
        municipalityId: input.municipalityId ?? null,
        userId: input.userId ?? null,
        name,
        note: input.note,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: projectMember.id });
    await auditProject(tx, ctx, id, 'project_member.create', { type: 'project_member', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

export async function recordParticipation(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  input: ParticipationInput,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await checkMunicipality(db, input.municipalityId);
  within(p, input.date, 'date');
  await inTransaction(db, async (tx) => {
    const events = await tx
      .select()
      .from(projectParticipation)
      .where(and(eq(projectParticipation.projectId, id), eq(projectParticipation.municipalityId, input.municipalityId)))
      .orderBy(asc(projectParticipation.date), asc(projectParticipation.createdAt))
      .for('update');
    const refused = refuseEvent(events, input);
    if (refused) throw new ValidationError([{ path: 'date', message: refused }], refused);
    const [row] = await tx
      .insert(projectParticipation)
      .values({ projectId: id, ...input, createdBy: ctx.actor.userId })
      .returning({ id: projectParticipation.id });
    await auditProject(tx, ctx, id, `project_participation.${input.event}`, {
      type: 'project_participation',
      id: row?.id ?? '',
    });
  });
  return answer(deps, ctx, p);
}

async function nextNumber(db: Db, table: typeof projectSubproject | typeof projectProposal, projectId: string) {
  const [row] = await db
    .select({ n: max(table.number) })
    .from(table)
    .where(eq(table.projectId, projectId));
  return (row?.n ?? 0) + 1;
}

export function unique(err: unknown): never {
  if (String((err as { code?: string })?.code ?? (err as { cause?: { code?: string } })?.cause?.code) === '23505') {
    throw new ConflictError(pm.numberTaken(), [{ path: 'number', message: pm.numberTaken() }]);
  }
  throw err;
}

export async function addSubproject(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  input: z.infer<typeof subprojectSchema>,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await inTransaction(db, async (tx) => {
    const number = input.number ?? (await nextNumber(tx, projectSubproject, id));
    const [row] = await tx
      .insert(projectSubproject)
      .values({ projectId: id, ...input, number, createdBy: ctx.actor.userId })
      .returning({ id: projectSubproject.id })
      .catch(unique);
    await auditProject(tx, ctx, id, 'project_subproject.create', { type: 'project_subproject', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

export async function addProposal(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  input: z.infer<typeof proposalSchema>,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await inTransaction(db, async (tx) => {
    const number = input.number ?? (await nextNumber(tx, projectProposal, id));
    const [row] = await tx
      .insert(projectProposal)
      .values({ projectId: id, ...input, number, createdBy: ctx.actor.userId })
      .returning({ id: projectProposal.id })
      .catch(unique);
    await auditProject(tx, ctx, id, 'project_proposal.create', { type: 'project_proposal', id: row?.id ?? '' });
  });
  return answer(deps, ctx, p);
}

/** A proposal is chosen (it becomes a sub-project of the same name), not chosen, or opened again. */
export async function decideProposal(
  deps: ProjectsDeps,
  ctx: SignedInContext,
  id: string,
  proposalId: string,
  input: DecideProposalInput,
) {
  const { db } = deps;
  const p = await projectToChange(db, ctx.actor, id);
  await checkOwn(db, projectDecision, id, input.decisionId, 'decisionId');
  await inTransaction(db, async (tx) => {
    const [proposal] = await tx
      .select()
      .from(projectProposal)
      .where(and(eq(projectProposal.id, proposalId), eq(projectProposal.projectId, id)))
      .for('update');
    if (!proposal) throw new NotFoundError(pm.itemNotFound());
    let subprojectId = proposal.subprojectId;
    if (input.status === 'chosen' && !subprojectId) {
      const [sub] = await tx
        .insert(projectSubproject)
        .values({
          projectId: id,
          number: await nextNumber(tx, projectSubproject, id),
          name: proposal.title,
          prioritised: input.prioritised ?? true,
          createdBy: ctx.actor.userId,
        })
        .returning({ id: projectSubproject.id });
      subprojectId = sub?.id ?? null;
    } else if (input.status === 'chosen' && proposal.status === 'chosen') {
      throw new ConflictError(pm.proposalAlreadyChosen());
    }
    await tx
      .update(projectProposal)
      .set({
        status: input.status,
        decisionId: input.decisionId === undefined ? proposal.decisionId : input.decisionId,
        note: input.note ?? proposal.note,
        subprojectId: input.status === 'chosen' ? subprojectId : proposal.subprojectId,
      })
      .where(eq(projectProposal.id, proposalId));
    await auditProject(tx, ctx, id, `project_proposal.${input.status}`, { type: 'project_proposal', id: proposalId });
  });
  return answer(deps, ctx, p);
}
