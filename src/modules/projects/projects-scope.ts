// What every part of the projects service shares: its dependencies, the rows, and who may read or change a project
// (decision 017): the region's admins and the project leader change; the steering group's members, the project's
// named members with an account and the users of every municipality that has taken part read; anyone else gets 404.
import { and, eq, inArray } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import type { Db } from '../../platform/server/db.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { networkMember } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/server/policy.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import type { ProjectAccess } from './projects.contracts.ts';
import { projectsMessages as pm } from './projects.messages.ts';
import { project, projectMember, projectParticipation } from './projects.table.ts';

export type ProjectsDeps = {
  db: Db;
  /** Today in Sweden (a function, so tests and the demo can fix it). */
  today: () => string;
};

export const defaultToday = () => swedishDate(new Date());

export type ProjectRow = typeof project.$inferSelect;

/** The project ids an actor reaches through a group, a named role or their municipality's participation. */
async function readableIds(db: Db, actor: Actor, projectIds?: string[]): Promise<Set<string>> {
  const scope = (col: typeof project.id | typeof projectMember.projectId | typeof projectParticipation.projectId) =>
    projectIds ? inArray(col, projectIds) : undefined;
  const ids = new Set<string>();
  const networks = await db
    .select({ networkId: networkMember.networkId })
    .from(networkMember)
    .where(eq(networkMember.userId, actor.userId));
  if (networks.length) {
    const rows = await db
      .select({ id: project.id })
      .from(project)
      .where(
        and(
          inArray(
            project.steeringNetworkId,
            networks.map((n) => n.networkId),
          ),
          scope(project.id),
        ),
      );
    for (const r of rows) ids.add(r.id);
  }
  const named = await db
    .select({ id: projectMember.projectId })
    .from(projectMember)
    .where(and(eq(projectMember.userId, actor.userId), scope(projectMember.projectId)));
  for (const r of named) ids.add(r.id);
  if (actor.organisationKind === 'municipality') {
    const taking = await db
      .selectDistinct({ id: projectParticipation.projectId })
      .from(projectParticipation)
      .where(and(eq(projectParticipation.municipalityId, actor.organisationId), scope(projectParticipation.projectId)));
    for (const r of taking) ids.add(r.id);
  }
  return ids;
}

export const changes = (actor: Actor, p: ProjectRow) => isRegionalAdmin(actor) || p.leaderUserId === actor.userId;

/** Every project's access for the actor (null: not visible). */
export async function accessMap(db: Db, actor: Actor, rows: ProjectRow[]): Promise<Map<string, ProjectAccess>> {
  const out = new Map<string, ProjectAccess>();
  const readable = await readableIds(
    db,
    actor,
    rows.map((r) => r.id),
  );
  for (const r of rows) {
    if (changes(actor, r)) out.set(r.id, 'change');
    else if (readable.has(r.id)) out.set(r.id, 'read');
  }
  return out;
}

export async function findProject(db: Db, id: string): Promise<ProjectRow> {
  const [row] = await db.select().from(project).where(eq(project.id, id));
  if (!row) throw new NotFoundError(pm.projectNotFound());
  return row;
}

/** The project and the actor's access to it; 404 when the actor may not see it. */
export async function projectFor(db: Db, actor: Actor, id: string): Promise<{ p: ProjectRow; access: ProjectAccess }> {
  const p = await findProject(db, id);
  const access = (await accessMap(db, actor, [p])).get(p.id);
  if (!access) throw new NotFoundError(pm.projectNotFound());
  return { p, access };
}

/** The project, if the actor may change it: 404 when it is hidden from them, 403 when they only read it. */
export async function projectToChange(db: Db, actor: Actor, id: string): Promise<ProjectRow> {
  const { p, access } = await projectFor(db, actor, id);
  if (access !== 'change') throw new ForbiddenError();
  return p;
}

/** A date that must fall within the project's period. */
export function within(p: Pick<ProjectRow, 'startDate' | 'endDate'>, date: string, path: string) {
  if (date < p.startDate || date > p.endDate) {
    throw new ValidationError([{ path, message: pm.dateOutsideProject({ start: p.startDate, end: p.endDate }) }]);
  }
}

export async function auditProject(
  db: Db,
  ctx: SignedInContext,
  projectId: string,
  action: string,
  entity: { type: string; id: string } = { type: 'project', id: projectId },
) {
  await audit(db, ctx, { action, entityType: entity.type, entityId: entity.id });
  if (entity.type !== 'project')
    await db.update(project).set({ updatedAt: new Date() }).where(eq(project.id, projectId));
}
