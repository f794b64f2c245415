// Browsing the audit log (regional admins only). The log itself is written by platform/server/audit.ts.
import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize } from '../../platform/server/actor.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import { type auditQuerySchema, LIMITS } from './admin.contracts.ts';

export async function listAuditEvents(db: Db, actor: Actor, q: z.infer<typeof auditQuerySchema>) {
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
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    total: total?.n ?? 0,
    page: q.page,
    actions: actions.map((a) => a.action),
  };
}
