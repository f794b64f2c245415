// Projects: the list of the projects an actor may see, one project, starting and changing a project, and the choices
// a form needs (users as project leaders and steering members, groups, municipalities).
import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { activeMunicipalities } from '../../platform/server/directory.ts';
import { ForbiddenError, ValidationError } from '../../platform/server/errors.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import { isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { intervalsOf, participatesOn } from './participation.ts';
import { maxDate, minDate } from './project-dates.ts';
import { projectDto } from './project-view.ts';
import {
  type ChoicesDto,
  type CreateProjectInput,
  PROJECT_LIMITS,
  type ProjectDto,
  type ProjectSummaryDto,
  type UpdateProjectInput,
} from './projects.contracts.ts';
import { projectsMessages as pm } from './projects.messages.ts';
import { project, projectParticipation } from './projects.table.ts';
import { accessMap, auditProject, type ProjectsDeps, projectFor, projectToChange } from './projects-scope.ts';

export async function listProjects(deps: ProjectsDeps, ctx: SignedInContext) {
  const { actor } = ctx;
  authorize(actor, 'projects:read');
  const { db } = deps;
  const rows = await db
    .select()
    .from(project)
    .orderBy(asc(project.startDate), asc(project.name))
    .limit(PROJECT_LIMITS.maxProjects);
  const access = await accessMap(db, actor, rows);
  const visible = rows.filter((r) => access.has(r.id));
  const leaders = visible.flatMap((r) => (r.leaderUserId ? [r.leaderUserId] : []));
  const leaderNames = new Map(
    (leaders.length
      ? await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, leaders))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const events = visible.length
    ? await db
        .select()
        .from(projectParticipation)
        .where(
          inArray(
            projectParticipation.projectId,
            visible.map((r) => r.id),
          ),
        )
        .orderBy(asc(projectParticipation.date), asc(projectParticipation.createdAt))
    : [];
  const today = deps.today();
  const projects: ProjectSummaryDto[] = visible.map((r) => {
    const byMunicipality = new Map<string, typeof events>();
    for (const e of events.filter((x) => x.projectId === r.id))
      byMunicipality.set(e.municipalityId, [...(byMunicipality.get(e.municipalityId) ?? []), e]);
    const on = minDate(maxDate(today, r.startDate), r.endDate);
    return {
      id: r.id,
      name: r.name,
      startDate: r.startDate,
      endDate: r.endDate,
      leaderName: r.leaderUserId ? (leaderNames.get(r.leaderUserId) ?? null) : null,
      municipalitiesNow: [...byMunicipality.values()].filter((es) => participatesOn(intervalsOf(es), on)).length,
      demo: r.demo,
      access: access.get(r.id) ?? 'read',
    };
  });
  return { projects, canCreate: isRegionalAdmin(actor) };
}

export async function getProject(deps: ProjectsDeps, ctx: SignedInContext, id: string): Promise<ProjectDto> {
  const { actor } = ctx;
  authorize(actor, 'projects:read');
  const { p, access } = await projectFor(deps.db, actor, id);
  // The project names people (steering group, contact persons): reading it is audited.
  await audit(deps.db, ctx, { action: 'project.read', entityType: 'project', entityId: id });
  return projectDto(deps.db, actor, p, access, deps.today());
}

async function checkLeader(db: Db, userId: string | null | undefined) {
  if (!userId) return;
  const [row] = await db
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.id, userId), eq(user.active, true)));
  if (!row) throw new ValidationError([{ path: 'leaderUserId', message: pm.userNotFound() }]);
}

async function checkNetwork(db: Db, networkId: string | null | undefined) {
  if (!networkId) return;
  const [row] = await db
    .select({ id: network.id })
    .from(network)
    .where(and(eq(network.id, networkId), eq(network.active, true)));
  if (!row) throw new ValidationError([{ path: 'steeringNetworkId', message: pm.networkNotFound() }]);
}

export async function createProject(deps: ProjectsDeps, ctx: SignedInContext, input: CreateProjectInput) {
  const { actor } = ctx;
  authorize(actor, 'projects:create');
  const { db } = deps;
  await checkLeader(db, input.leaderUserId);
  await checkNetwork(db, input.steeringNetworkId);
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(project)
      .values({
        ...input,
        leaderUserId: input.leaderUserId ?? null,
        steeringNetworkId: input.steeringNetworkId ?? null,
        participantTarget: input.participantTarget ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await auditProject(tx, ctx, created.id, 'project.create');
    return created;
  });
  return projectDto(db, actor, row, 'change', deps.today());
}

export async function updateProject(deps: ProjectsDeps, ctx: SignedInContext, id: string, input: UpdateProjectInput) {
  const { actor } = ctx;
  const { db } = deps;
  const p = await projectToChange(db, actor, id);
  if (input.leaderUserId !== undefined && input.leaderUserId !== p.leaderUserId && !isRegionalAdmin(actor)) {
    throw new ForbiddenError(pm.onlyAdminChangesLeader());
  }
  const start = input.startDate ?? p.startDate;
  const end = input.endDate ?? p.endDate;
  if (end < start) throw new ValidationError([{ path: 'endDate', message: pm.periodReversed() }]);
  await checkLeader(db, input.leaderUserId);
  await checkNetwork(db, input.steeringNetworkId);
  const row = await inTransaction(db, async (tx) => {
    const [updated] = await tx
      .update(project)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(project.id, id))
      .returning();
    await auditProject(tx, ctx, id, 'project.update');
    return updated ?? p;
  });
  return projectDto(db, actor, row, 'change', deps.today());
}

/** Users (by name or e-mail), groups and municipalities to choose from, for those who change some project. */
export async function choices(deps: ProjectsDeps, ctx: SignedInContext, q: string): Promise<ChoicesDto> {
  const { actor } = ctx;
  authorize(actor, 'projects:read');
  const { db } = deps;
  if (!isRegionalAdmin(actor)) {
    const [led] = await db
      .select({ id: project.id })
      .from(project)
      .where(eq(project.leaderUserId, actor.userId))
      .limit(1);
    if (!led) throw new ForbiddenError();
  }
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const users = await db
    .select({ id: user.id, name: user.name, organisation: organisation.name })
    .from(user)
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .where(and(eq(user.active, true), q ? or(ilike(user.name, pattern), ilike(user.email, pattern)) : undefined))
    .orderBy(asc(user.name))
    .limit(PROJECT_LIMITS.userChoices);
  await audit(db, ctx, { action: 'project.user_choices.read', entityType: 'user' });
  const networks = await db
    .select({ id: network.id, name: network.name, kind: network.kind })
    .from(network)
    .where(eq(network.active, true))
    .orderBy(asc(network.name));
  const municipalities = (await activeMunicipalities(db))
    .map((m) => ({ id: m.id, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return { users, networks, municipalities };
}
