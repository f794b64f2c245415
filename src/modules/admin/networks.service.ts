// Networks (e.g. MAS-nätverket) and their member users. Everyone signed in sees the networks;
// members are named only where the actor may see that municipality's users.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { network, networkMember, organisation } from '../../platform/server/organisation.table.ts';
import { visibleOrganisations } from '../../platform/server/policy.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import type { createNetworkSchema, NetworkDto, updateNetworkSchema } from './admin.contracts.ts';
import { adminMessages as am } from './admin.messages.ts';

const memberCount = sql<number>`(select count(*)::int from network_member m join "user" u on u.id = m.user_id where m.network_id = "network"."id" and u.active)`;
const columns = {
  id: network.id,
  name: network.name,
  kind: network.kind,
  description: network.description,
  active: network.active,
  memberCount,
};

export function toNetworkDto(row: NetworkDto): NetworkDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    active: row.active,
    memberCount: row.memberCount,
  };
}

export async function listNetworks(db: Db, actor: Actor, opts: { includeInactive: boolean }) {
  authorize(actor, 'network:read');
  const rows = await db
    .select(columns)
    .from(network)
    .where(opts.includeInactive ? undefined : eq(network.active, true))
    .orderBy(swedishOrder(network.name));
  return rows.map(toNetworkDto);
}

async function findNetwork(db: Db, id: string) {
  const [row] = await db.select(columns).from(network).where(eq(network.id, id));
  if (!row) throw new NotFoundError(am.networkNotFound());
  return row;
}

export async function getNetwork(db: Db, actor: Actor, ctx: RequestContext, id: string) {
  authorize(actor, 'network:read');
  const row = await findNetwork(db, id);
  const scope = visibleOrganisations(actor, 'user:read');
  const ownOnly =
    scope === 'all' ? undefined : inArray(user.organisationId, scope.length ? scope : [actor.organisationId]);
  const members = await db
    .select({ userId: user.id, name: user.name, organisationId: organisation.id, organisationName: organisation.name })
    .from(networkMember)
    .innerJoin(user, eq(user.id, networkMember.userId))
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .where(and(eq(networkMember.networkId, id), eq(user.active, true), ownOnly))
    .orderBy(swedishOrder(organisation.name), swedishOrder(user.name));
  // The member list holds names: reading it is an event of its own (the network, ids only), beside each user read.
  await audit(db, ctx, [
    { action: 'network.members_read', entityType: 'network', entityId: id },
    ...members.map((m) => ({
      action: 'user.read',
      entityType: 'user',
      entityId: m.userId,
      organisationId: m.organisationId,
    })),
  ]);
  return { ...toNetworkDto(row), members };
}

export async function createNetwork(
  db: Db,
  actor: Actor,
  ctx: RequestContext,
  input: z.infer<typeof createNetworkSchema>,
) {
  authorize(actor, 'network:manage');
  await assertNameFree(db, input.name);
  const id = await inTransaction(db, async (tx) => {
    const [row] = await tx.insert(network).values(input).returning({ id: network.id });
    if (!row) throw new Error('insert returned no row');
    await audit(tx, ctx, { action: 'network.create', entityType: 'network', entityId: row.id });
    return row.id;
  });
  return toNetworkDto(await findNetwork(db, id));
}

export async function updateNetwork(
  db: Db,
  actor: Actor,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof updateNetworkSchema>,
) {
  authorize(actor, 'network:manage');
  await findNetwork(db, id);
  if (input.name !== undefined) await assertNameFree(db, input.name, id);
  const action =
    input.active === false ? 'network.deactivate' : input.active === true ? 'network.reactivate' : 'network.update';
  await inTransaction(db, async (tx) => {
    await tx
      .update(network)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(network.id, id));
    await audit(tx, ctx, { action, entityType: 'network', entityId: id });
  });
  return toNetworkDto(await findNetwork(db, id));
}

export async function setMembership(
  db: Db,
  actor: Actor,
  ctx: RequestContext,
  networkId: string,
  userId: string,
  member: boolean,
) {
  authorize(actor, 'network:manage');
  await findNetwork(db, networkId);
  const [target] = await db
    .select({ id: user.id, organisationId: user.organisationId, active: user.active })
    .from(user)
    .where(eq(user.id, userId));
  if (!target) throw new NotFoundError(am.userNotFound());
  if (member && !target.active) {
    throw new ValidationError([{ path: 'userId', message: am.userInactive() }]);
  }
  await inTransaction(db, async (tx) => {
    if (member) await tx.insert(networkMember).values({ networkId, userId }).onConflictDoNothing();
    else {
      await tx
        .delete(networkMember)
        .where(and(eq(networkMember.networkId, networkId), eq(networkMember.userId, userId)));
    }
    await audit(tx, ctx, {
      action: member ? 'network.member_add' : 'network.member_remove',
      entityType: 'user',
      entityId: userId,
      organisationId: target.organisationId,
    });
  });
  return { ok: true as const };
}

async function assertNameFree(db: Db, name: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: network.id })
    .from(network)
    .where(and(sql`lower(${network.name}) = lower(${name})`, exceptId ? sql`${network.id} <> ${exceptId}` : undefined));
  if (clash) throw new ConflictError(am.nameTaken(), [{ path: 'name', message: am.networkNameTaken() }]);
}
