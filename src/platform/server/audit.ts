// Writes audit events: who did what to which record, when and from where. Ids only, never values.
import { type SQL, sql } from 'drizzle-orm';
import { type AuditDetails, auditEvent } from './audit.table.ts';
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
  /** An event about many records at once: their ids (by kind) and counts, never values (audit.table.ts). */
  details?: AuditDetails | null;
};

/**
 * One audit event's INSERT as a statement to run with a read, e.g. as a data-modifying CTE of the query that reads a
 * list: the read and its event are one statement (one round trip), written together or not at all.
 */
export function auditStatement(ctx: RequestContext, e: AuditEntry): SQL {
  return sql`INSERT INTO ${auditEvent} (action, entity_type, entity_id, organisation_id, actor_user_id, actor_token_id,
      request_id, ip_address)
    VALUES (${e.action}, ${e.entityType}, ${e.entityId ?? null}, ${e.organisationId ?? null}::uuid,
      ${e.actorUserId ?? ctx.actor?.userId ?? null}, ${ctx.actor?.tokenId ?? null}::uuid, ${ctx.requestId}, ${ctx.ip})`;
}

/** From this many events on, one INSERT … SELECT FROM unnest (one parameter per column, not per value). */
const BULK = 100;

export async function audit(db: Db, ctx: RequestContext, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  // An import audits every person it writes: thousands of rows at once, which a multi-row VALUES binds slowly.
  if (list.length >= BULK) {
    const col = (pick: (e: AuditEntry) => string | null) => sql.param(list.map(pick));
    await db.execute(sql`
      INSERT INTO ${auditEvent} (action, entity_type, entity_id, organisation_id, actor_user_id, actor_token_id,
        request_id, ip_address, details)
      SELECT a.action, a.entity_type, a.entity_id, a.organisation_id, a.actor_user_id, ${ctx.actor?.tokenId ?? null}::uuid,
        ${ctx.requestId}, ${ctx.ip}, a.details
        FROM unnest(${col((e) => e.action)}::text[], ${col((e) => e.entityType)}::text[],
          ${col((e) => e.entityId ?? null)}::text[], ${col((e) => e.organisationId ?? null)}::uuid[],
          ${col((e) => e.actorUserId ?? ctx.actor?.userId ?? null)}::text[],
          ${col((e) => (e.details ? JSON.stringify(e.details) : null))}::jsonb[])
          AS a(action, entity_type, entity_id, organisation_id, actor_user_id, details)`);
    return;
  }
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
      details: e.details ?? null,
    })),
  );
}
