// Browsing the audit log (regional admins only). The log itself is written by platform/server/audit.ts.
import { and, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize } from '../../platform/server/actor.ts';
import { apiToken } from '../../platform/server/api-token.table.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import type { ServerModule } from '../../platform/server/module.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import { type auditQuerySchema, LIMITS } from './admin.contracts.ts';

/** The platform's own objects' names; the modules name theirs through their manifests (`auditNames`). */
async function platformNames(db: Db, entityType: string, ids: string[]): Promise<ReadonlyMap<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const pairs = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  if (entityType === 'user') {
    return pairs(await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids)));
  }
  if (uuids.length === 0) return new Map();
  if (entityType === 'organisation') {
    const table = organisation;
    return pairs(await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, uuids)));
  }
  if (entityType === 'network') {
    return pairs(
      await db.select({ id: network.id, name: network.name }).from(network).where(inArray(network.id, uuids)),
    );
  }
  if (entityType === 'api_token') {
    return pairs(
      await db.select({ id: apiToken.id, name: apiToken.name }).from(apiToken).where(inArray(apiToken.id, uuids)),
    );
  }
  return new Map();
}

/** Each event's object's name, where the platform or the module that wrote it can tell. */
async function entityNames(
  db: Db,
  modules: readonly ServerModule[],
  rows: { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of rows)
    if (r.entityId) byType.set(r.entityType, (byType.get(r.entityType) ?? new Set()).add(r.entityId));
  const names = new Map<string, string>();
  for (const [type, idSet] of byType) {
    const ids = [...idSet];
    const found = [await platformNames(db, type, ids)];
    for (const m of modules) if (m.auditNames) found.push(await m.auditNames(db, type, ids));
    for (const map of found) for (const [id, name] of map) names.set(`${type}:${id}`, name);
  }
  return names;
}

export async function listAuditEvents(
  db: Db,
  actor: Actor,
  q: z.infer<typeof auditQuerySchema>,
  modules: readonly ServerModule[] = [],
) {
  authorize(actor, 'audit:read');
  const dayAfter = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000);
  const where = and(
    q.action ? eq(auditEvent.action, q.action) : undefined,
    q.actorUserId ? eq(auditEvent.actorUserId, q.actorUserId) : undefined,
    q.entityType ? eq(auditEvent.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvent.entityId, q.entityId) : undefined,
    q.organisationId ? eq(auditEvent.organisationId, q.organisationId) : undefined,
    q.from ? gte(auditEvent.at, new Date(`${q.from}T00:00:00Z`)) : undefined,
    q.to ? lt(auditEvent.at, dayAfter(q.to)) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(auditEvent).where(where);
  const rows = await db
    .select({
      id: auditEvent.id,
      at: auditEvent.at,
      actorUserId: auditEvent.actorUserId,
      actorName: user.name,
      actorTokenId: auditEvent.actorTokenId,
      action: auditEvent.action,
      entityType: auditEvent.entityType,
      entityId: auditEvent.entityId,
      organisationId: auditEvent.organisationId,
      organisationName: organisation.name,
      requestId: auditEvent.requestId,
      ipAddress: auditEvent.ipAddress,
    })
    .from(auditEvent)
    .leftJoin(user, eq(user.id, auditEvent.actorUserId))
    .leftJoin(organisation, eq(organisation.id, auditEvent.organisationId))
    .where(where)
    .orderBy(desc(auditEvent.id))
    .limit(LIMITS.pageSize)
    .offset((q.page - 1) * LIMITS.pageSize);
  const actions = await db.selectDistinct({ action: auditEvent.action }).from(auditEvent).orderBy(sql`1`);
  const names = await entityNames(db, modules, rows);
  return {
    items: rows.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      entityName: r.entityId ? (names.get(`${r.entityType}:${r.entityId}`) ?? null) : null,
    })),
    total: total?.n ?? 0,
    page: q.page,
    actions: actions.map((a) => a.action),
  };
}
