// The audit log: append-only (a trigger refuses UPDATE and DELETE). Ids only, never the values read or changed.
import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_actor_idx').on(t.actorUserId),
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
    index('audit_event_action_idx').on(t.action, t.at),
  ],
);
