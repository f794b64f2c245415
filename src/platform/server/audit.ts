// Writes audit events: who did what to which record, when and from where. Ids only, never values.
import { auditEvent } from './audit.table.ts';
import type { Db } from './db.ts';
import type { Actor } from './policy.ts';

/** Where a request came from; carried into every service call that writes audit events. */
export type RequestContext = { actor: Actor | null; requestId: string; ip: string };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  organisationId?: string | null;
  /** For events before an actor exists (a failed sign-in): the user the event concerns. */
  actorUserId?: string | null;
};

export async function audit(db: Db, ctx: RequestContext, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.insert(auditEvent).values(
    list.map((e) => ({
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      organisationId: e.organisationId ?? null,
      actorUserId: e.actorUserId ?? ctx.actor?.userId ?? null,
      actorTokenId: ctx.actor?.tokenId ?? null,
      requestId: ctx.requestId,
      ipAddress: ctx.ip,
    })),
  );
}
