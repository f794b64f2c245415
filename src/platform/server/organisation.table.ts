// The region (one per installation) and its member municipalities, and the networks that work across them.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.table.ts';

export const organisation = pgTable(
  'organisation',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text({ enum: ['region', 'municipality', 'provider'] }).notNull(),
    name: text().notNull(),
    /** SCB's four-digit municipality code; none for the region. */
    code: text(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisation_code_unique').on(t.code),
    uniqueIndex('organisation_single_region').on(t.kind).where(sql`kind = 'region'`),
    check('organisation_code_format', sql`${t.code} IS NULL OR ${t.code} ~ '^[0-9]{4}$'`),
    check('organisation_municipality_has_code', sql`${t.kind} <> 'municipality' OR ${t.code} IS NOT NULL`),
  ],
);

export const network = pgTable('network', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  kind: text({ enum: ['network', 'steering_group', 'reference_group', 'working_group'] }).notNull(),
  description: text().notNull().default(''),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const networkMember = pgTable(
  'network_member',
  {
    networkId: uuid()
      .notNull()
      .references(() => network.id),
    userId: text()
      .notNull()
      .references(() => user.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId] }), index('network_member_user_idx').on(t.userId)],
);
