// API tokens for integrations: scoped to one organisation and a set of roles; only a hash is stored.
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../shared/roles.ts';
import { user } from './auth.table.ts';
import { organisation } from './organisation.table.ts';

export const apiToken = pgTable('api_token', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  organisationId: uuid()
    .notNull()
    .references(() => organisation.id),
  roles: text({ enum: ROLES }).array().notNull(),
  tokenHash: text().notNull().unique(),
  /** The first characters of the token, so an admin can recognise it in a list. */
  tokenPrefix: text().notNull(),
  createdById: text()
    .notNull()
    .references(() => user.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
  revokedById: text().references(() => user.id),
});
