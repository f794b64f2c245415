// Mail waiting to be sent (decision 019). A module queues a mail in the same transaction as the change it tells of
// (a registration, a move up from the waiting list), so a committed change always gets its mail and a rolled-back
// one never does. Delivered rows are deleted: nothing of the mail is kept once it is sent.
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    recipient: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    /** Not tried again before this time (a failed send waits a little longer each time). */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
  },
  (t) => [index('mail_outbox_next_idx').on(t.nextAttemptAt)],
);
