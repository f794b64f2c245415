// Retention periods chosen by the region for the rules that can be configured (decision 015). A rule without a row
// here has its declared default; nothing else is stored about retention.
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.table.ts';

export const retentionSetting = pgTable('retention_setting', {
  /** The rule's key, as a module's manifest (or the platform) declares it: `people.ended_employment`. */
  key: text().primaryKey(),
  months: integer().notNull(),
  updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
