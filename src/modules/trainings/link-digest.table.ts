// The weekly link-health e-mail's claim: one row per ISO week sent, so several app servers send it once (decision 003).
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const trainingLinkDigest = pgTable('training_link_digest', {
  /** The ISO week the digest was sent for, e.g. "2026-W50". */
  week: text().primaryKey(),
  sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
