// How the public catalogue is used (issue 20 point 11; decision 029): aggregate counters per day only — no cookie,
// no address, no user, nothing that says who looked or searched. One row per day, kind and key, upserted in batches.
import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const USAGE_KINDS = ['item_view', 'tab_view', 'search', 'search_empty', 'no_result_text', 'outbound'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** The longest key kept (a no-result search's normalised text is cut to this many characters). */
export const USAGE_KEY_MAX = 100;

export const trainingUsage = pgTable(
  'training_usage',
  {
    /** The day in Swedish time (Europe/Stockholm). */
    day: date({ mode: 'string' }).notNull(),
    kind: text({ enum: USAGE_KINDS }).notNull(),
    /**
     * item_view, outbound: the item's id; tab_view: the profession key, '' for "Alla"; no_result_text: the normalised
     * text of a search that found nothing (never text that looks like a personal identity number, e-mail address or
     * phone number); search, search_empty: ''.
     */
    key: text().notNull().default(''),
    count: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.kind, t.key] }),
    check('training_usage_key_length', sql`length(${t.key}) <= 100`),
    check('training_usage_count_positive', sql`${t.count} > 0`),
  ],
);
