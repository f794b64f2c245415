// Users and their roles: invitation by e-mail, role changes, deactivation (ends every session).
// Municipal admins manage their own municipality's users; regional admins everyone.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, exists, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize, authorizeObject } from '../../platform/server/actor.ts';
import { apiToken } from '../../platform/server/api-token.table.ts';
import { type AuditEntry, audit, type RequestContext } from '../../platform/server/audit.ts';
import { session, user, userRole, verification } from '../../platform/server/auth.table.ts';
import { invitationMail, passwordResetMail } from '../../platform/server/auth.ts';
import type { Config } from '../../platform/server/config.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import type { Mailer } from '../../platform/server/mail.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { allActions, can, rolesAllowedFor, visibleOrganisations } from '../../platform/server/policy.ts';
import { likePattern, swedishOrder } from '../../platform/server/sql.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import type { OrganisationKind, Role } from '../../platform/shared/roles.ts';
import {
  type inviteUserSchema,
  LIMITS,
  type UserDto,
  type updateUserSchema,
  type userListQuerySchema,
} from './admin.contracts.ts';
import { adminMessages as am } from './admin.messages.ts';
import { getRegionInfo } from './organisations.service.ts';

export type UserDeps = { db: Db; mailer: Mailer; config: Config };

const INVITATION_DAYS = 7;

// Correlated subqueries are written out in SQL: inside sql`` Drizzle leaves columns unqualified.
const roles = sql<
  Role[]
>`coalesce((select array_agg(r.role order by r.role) from user_role r where r.user_id = "user"."id"), '{}')`;
const hasPassword = sql<boolean>`exists (select 1 from account a where a.user_id = "user"."id" and a.provider_id = 'credential' and a.password is not null)`;

const userColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  organisationId: user.organisationId,
  organisationName: organisation.name,
  organisationKind: organisation.kind,
  active: user.active,
  createdAt: user.createdAt,
  roles,
  hasPassword,
};
type UserRow = {
  id: string;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  active: boolean;
  createdAt: Date;
  roles: Role[];
  hasPassword: boolean;
};

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    roles: row.roles,
    active: row.active,
    hasPassword: row.hasPassword,
    createdAt: row.createdAt.toISOString(),
  };
}

async function findUser(db: Db, id: string): Promise<UserRow> {
  const [row] = await db
    .select(userColumns)
    .from(user)
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .where(eq(user.id, id));
  if (!row) throw new NotFoundError(am.userNotFound());
  return row as UserRow;
}

export async function listUsers(db: Db, actor: Actor, ctx: RequestContext, query: z.infer<typeof userListQuerySchema>) {
  authorize(actor, 'user:read', { organisationId: actor.organisationId });
  const scope = visibleOrganisations(actor, 'user:read');
  const where = and(
    scope === 'all' ? undefined : inArray(user.organisationId, scope),
    query.organisationId ? eq(user.organisationId, query.organisationId) : undefined,
    query.includeInactive === 'true' ? undefined : eq(user.active, true),
    query.role
      ? exists(
          db
            .select()
            .from(userRole)
            .where(and(eq(userRole.userId, user.id), eq(userRole.role, query.role))),
        )
      : undefined,
    query.q ? or(ilike(user.name, likePattern(query.q)), ilike(user.email, likePattern(query.q))) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(user).where(where);
  const rows = (await db
    .select(userColumns)
    .from(user)
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .where(where)
    .orderBy(swedishOrder(user.name), user.id)
    .limit(LIMITS.pageSize)
    .offset((query.page - 1) * LIMITS.pageSize)) as UserRow[];
  await audit(
    db,
    ctx,
    rows.map((r) => ({ action: 'user.read', entityType: 'user', entityId: r.id, organisationId: r.organisationId })),
  );
  return { items: rows.map(toUserDto), total: total?.n ?? 0, page: query.page };
}

export async function getUser(db: Db, actor: Actor, ctx: RequestContext, id: string) {
  const row = await findVisibleUser(db, actor, id, 'user:read');
  await audit(db, ctx, {
    action: 'user.read',
    entityType: 'user',
    entityId: row.id,
    organisationId: row.organisationId,
  });
  return toUserDto(row);
}

/** Loads a user the actor may act on; another municipality's user answers 404. */
async function findVisibleUser(db: Db, actor: Actor, id: string, action: 'user:read' | 'user:manage') {
  authorize(actor, action, { organisationId: actor.organisationId });
  const row = await findUser(db, id).catch((err) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
  if (!row || !can(actor, action, { organisationId: row.organisationId })) throw new NotFoundError(am.userNotFound());
  return row;
}

function assertRolesFit(kind: OrganisationKind, wanted: Role[]) {
  const wrong = wanted.filter((r) => !rolesAllowedFor(kind).includes(r));
  if (wrong.length) {
    const message = kind === 'region' ? am.municipalAdminOnlyInMunicipality() : am.regionalAdminOnlyInRegion();
    throw new ValidationError([{ path: 'roles', message }]);
  }
}

export async function inviteUser(
  deps: UserDeps,
  actor: Actor,
  ctx: RequestContext,
  input: z.infer<typeof inviteUserSchema>,
) {
  const { db } = deps;
  const [org] = await db.select().from(organisation).where(eq(organisation.id, input.organisationId));
  if (!org) throw new NotFoundError(am.organisationNotFound());
  authorizeObject(actor, 'user:manage', { organisationId: org.id });
  if (!org.active) {
    throw new ValidationError([{ path: 'organisationId', message: am.organisationInactive() }]);
  }
  const wanted = [...new Set(input.roles)];
  assertRolesFit(org.kind, wanted);
  authorize(actor, 'user:grant_role', { organisationId: org.id, organisationKind: org.kind, roles: wanted });
  await assertEmailFree(db, input.email);

  const id = randomUUID();
  let token = '';
  await db.transaction(async (tx) => {
    await tx.insert(user).values({ id, name: input.name, email: input.email, organisationId: org.id });
    await tx.insert(userRole).values(wanted.map((role) => ({ userId: id, role })));
    token = await createPasswordToken(tx as Db, id, INVITATION_DAYS * 24);
    await audit(tx as Db, ctx, [
      { action: 'user.invite', entityType: 'user', entityId: id, organisationId: org.id },
      { action: 'user.roles_change', entityType: 'user', entityId: id, organisationId: org.id },
    ]);
  });
  const region = await getRegionInfo(db);
  await deps.mailer.send(invitationMail(deps.config.publicUrl, input.email, input.name, token, region.name));
  return toUserDto(await findUser(db, id));
}

async function assertEmailFree(db: Db, email: string) {
  const [clash] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (clash) {
    throw new ConflictError(am.emailTaken(), [{ path: 'email', message: am.emailTakenField() }]);
  }
}

export async function updateUser(
  db: Db,
  actor: Actor,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof updateUserSchema>,
) {
  const row = await findVisibleUser(db, actor, id, 'user:manage');
  const events: AuditEntry[] = [];
  await db.transaction(async (tx) => {
    if (input.name !== undefined && input.name !== row.name) {
      await tx.update(user).set({ name: input.name, updatedAt: new Date() }).where(eq(user.id, id));
      events.push({ action: 'user.update', entityType: 'user', entityId: id, organisationId: row.organisationId });
    }
    if (input.roles) {
      const wanted = [...new Set(input.roles)];
      assertRolesFit(row.organisationKind, wanted);
      const added = wanted.filter((r) => !row.roles.includes(r));
      const removed = row.roles.filter((r) => !wanted.includes(r));
      const changed = [...added, ...removed];
      if (changed.length) {
        authorize(actor, 'user:grant_role', {
          organisationId: row.organisationId,
          organisationKind: row.organisationKind,
          roles: changed,
        });
        if (removed.includes('regional_admin')) await assertAnotherRegionalAdmin(tx as Db, id);
        if (removed.length)
          await tx.delete(userRole).where(and(eq(userRole.userId, id), inArray(userRole.role, removed)));
        if (added.length) await tx.insert(userRole).values(added.map((role) => ({ userId: id, role })));
        events.push({
          action: 'user.roles_change',
          entityType: 'user',
          entityId: id,
          organisationId: row.organisationId,
        });
      }
    }
    await audit(tx as Db, ctx, events);
  });
  return toUserDto(await findUser(db, id));
}

/** The region must keep at least one active regional admin, or nobody could administer it. */
async function assertAnotherRegionalAdmin(db: Db, exceptUserId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(userRole)
    .innerJoin(user, eq(user.id, userRole.userId))
    .where(and(eq(userRole.role, 'regional_admin'), eq(user.active, true), sql`${user.id} <> ${exceptUserId}`));
  if ((row?.n ?? 0) === 0) {
    throw new ConflictError(am.lastRegionalAdmin(), [{ path: 'roles', message: am.lastRegionalAdminField() }]);
  }
}

export async function setUserActive(db: Db, actor: Actor, ctx: RequestContext, id: string, active: boolean) {
  const row = await findVisibleUser(db, actor, id, 'user:manage');
  if (!active && id === actor.userId) {
    throw new ConflictError(am.cannotDeactivateSelf());
  }
  if (!active && row.roles.includes('regional_admin')) await assertAnotherRegionalAdmin(db, id);
  await db.transaction(async (tx) => {
    await tx.update(user).set({ active, updatedAt: new Date() }).where(eq(user.id, id));
    // Deactivation ends every session of the user at once, and every API token they made: reactivating the user
    // later does not revive them (promise 26).
    if (!active) {
      await tx.delete(session).where(eq(session.userId, id));
      const ended = await tx
        .update(apiToken)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiToken.createdById, id), isNull(apiToken.revokedAt)))
        .returning({ id: apiToken.id, organisationId: apiToken.organisationId });
      await audit(
        tx as Db,
        ctx,
        ended.map((token) => ({
          action: 'token.revoke',
          entityType: 'api_token',
          entityId: token.id,
          organisationId: token.organisationId,
        })),
      );
    }
    await audit(tx as Db, ctx, {
      action: active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: id,
      organisationId: row.organisationId,
    });
  });
  return toUserDto(await findUser(db, id));
}

/** Sends the invitation again, or a password reset link to a user who already has a password. */
export async function sendInvitation(deps: UserDeps, actor: Actor, ctx: RequestContext, id: string) {
  const { db } = deps;
  const row = await findVisibleUser(db, actor, id, 'user:manage');
  if (!row.active) throw new ConflictError(am.userInactive());
  const token = await inTransaction(db, async (tx) => {
    await audit(tx, ctx, {
      action: row.hasPassword ? 'user.password_reset_sent' : 'user.invite',
      entityType: 'user',
      entityId: id,
      organisationId: row.organisationId,
    });
    return createPasswordToken(tx, id, row.hasPassword ? 1 : INVITATION_DAYS * 24);
  });
  const region = await getRegionInfo(db);
  await deps.mailer.send(
    row.hasPassword
      ? passwordResetMail(deps.config.publicUrl, row.email, token)
      : invitationMail(deps.config.publicUrl, row.email, row.name, token, region.name),
  );
  return { ok: true as const };
}

export async function getMe(db: Db, actor: Actor) {
  const row = await findUser(db, actor.userId);
  const region = await getRegionInfo(db);
  const [org] = await db.select().from(organisation).where(eq(organisation.id, actor.organisationId));
  if (!org) throw new NotFoundError();
  // What the actor may do on its own organisation's objects (a grant or token of a basic role stands for those).
  const own = {
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
    roles: ['employee' as Role],
  };
  const permissions = allActions().filter((action) => can(actor, action, own));
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: actor.locale,
    // A token acts with its own roles, not its creator's.
    roles: actor.roles,
    organisation: { id: org.id, name: org.name, kind: org.kind },
    region: { name: region.name },
    permissions: [...permissions],
  };
}

/** Saves the user's language; the rest of this request (its answer, its errors) is in the new language too. */
export async function setLocale(db: Db, actor: Actor, ctx: RequestContext, locale: 'sv' | 'en') {
  await db.update(user).set({ locale }).where(eq(user.id, actor.userId));
  ctx.actor = { ...actor, locale };
  return getMe(db, ctx.actor);
}

/**
 * A token for choosing a password, stored the way better-auth stores reset tokens, so its
 * /api/auth/reset-password endpoint serves both invitations and password resets.
 */
async function createPasswordToken(db: Db, userId: string, hours: number) {
  const token = randomBytes(24).toString('base64url');
  await db.insert(verification).values({
    id: randomUUID(),
    identifier: `reset-password:${token}`,
    value: userId,
    expiresAt: new Date(Date.now() + hours * 3600 * 1000),
  });
  return token;
}

/** For the CLI: a first regional admin (and the region, on an empty database), invited by e-mail. */
export async function createAdmin(
  db: Db,
  config: Config,
  opts: { email: string; name?: string; regionName?: string },
  mailer: Mailer,
) {
  const email = opts.email.trim().toLowerCase();
  await assertEmailFree(db, email);
  let [region] = await db.select().from(organisation).where(eq(organisation.kind, 'region'));
  if (!region) {
    [region] = await db
      .insert(organisation)
      .values({ kind: 'region', name: opts.regionName ?? 'Regionen' })
      .returning();
  }
  if (!region) throw new Error('no region');
  const id = randomUUID();
  const name = opts.name ?? email.split('@')[0] ?? email;
  const token = await db.transaction(async (tx) => {
    await tx.insert(user).values({ id, name, email, organisationId: region.id });
    await tx.insert(userRole).values({ userId: id, role: 'regional_admin' });
    return createPasswordToken(tx as Db, id, INVITATION_DAYS * 24);
  });
  await mailer.send(invitationMail(config.publicUrl, email, name, token, region.name));
  return { id, email };
}
