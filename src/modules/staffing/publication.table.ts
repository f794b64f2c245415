// The stored publications of the staffing statistics (issue 13, decision 016): what other municipalities and the
// public see of a period. A publication is made by the region or the nightly job, never by an approval; it keeps the
// true values and the pattern it hid, so that a later publication of the same period can take it as a constraint.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { staffingPeriod } from './staffing.table.ts';

export const PUBLICATION_REASONS = ['region', 'nightly', 'period_closed', 'demo'] as const;
export type PublicationReason = (typeof PUBLICATION_REASONS)[number];

export const staffingPublication = pgTable(
  'staffing_publication',
  {
    id: uuid().primaryKey().defaultRandom(),
    periodId: uuid()
      .notNull()
      .references(() => staffingPeriod.id),
    /** 1, 2, … per period: the latest is what is shown; the earlier ones bind the next. */
    version: integer().notNull(),
    reason: text({ enum: PUBLICATION_REASONS }).notNull(),
    /** Who asked for it (the regional admin); null for the nightly job and the demo. */
    publishedBy: text().references(() => user.id),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The municipalities whose approved reports it holds, with the approval they were taken from. */
    municipalities: jsonb().$type<{ id: string; name: string }[]>().notNull(),
    /** The true value of every cell of the publication (cell id → value), hidden or not. */
    cellValues: jsonb().$type<Record<string, number>>().notNull(),
    /** The cells shown as "..". */
    hidden: jsonb().$type<string[]>().notNull(),
    /** A digest of the inputs: the nightly job publishes again only when it changes. */
    digest: text().notNull(),
    /** What the protection and its audit measured (cells, sensitive, hidden, linear programs, seconds). */
    stats: jsonb().$type<Record<string, number>>().notNull(),
  },
  (t) => [
    uniqueIndex('staffing_publication_version').on(t.periodId, t.version),
    index('staffing_publication_period').on(t.periodId),
  ],
);
