// The audit log: append-only (a trigger refuses UPDATE and DELETE). Ids only, never the values read or changed.
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Ids of the records an event touched (by kind) and counts; never values. */
export type AuditDetails = Record<string, string[] | Record<string, number> | string | number>;

export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: text(),
    actorTokenId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    organisationId: uuid(),
    requestId: text(),
    ipAddress: text(),
    /**
     * For an event about many records at once (an import's confirmation): the ids of the records it touched and
     * counts, never their values — e.g. `{ "created": ["<person id>", …], "counts": { "created": 1 } }`.
     */
    details: jsonb().$type<AuditDetails>(),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_actor_idx').on(t.actorUserId),
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
    index('audit_event_action_idx').on(t.action, t.at),
  ],
);
