// The mail outbox (decision 019): queue a mail in the transaction of the change it tells of, deliver it after the
// commit — right away by the service that queued it, and every minute by a job for what failed or was queued by a job.
// Several servers may deliver at once: each claims its rows (FOR UPDATE SKIP LOCKED) and pushes their next attempt
// into the future before sending, so a mail is not sent twice unless a server dies between sending and deleting.
import { sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import type { Job } from './jobs.ts';
import type { Mail, Mailer } from './mail.ts';
import { mailOutbox } from './mail-outbox.table.ts';

/** Queues mails; call inside the transaction of the change they tell of. */
export async function queueMail(db: Db, mails: Mail | readonly Mail[]): Promise<void> {
  const list = Array.isArray(mails) ? mails : [mails as Mail];
  if (list.length === 0) return;
  await db.insert(mailOutbox).values(list.map((m) => ({ recipient: m.to, subject: m.subject, body: m.text })));
}

const BATCH = 100;
/** Minutes before a claimed mail may be tried again by another run (and the back-off after a failure, doubled). */
const LEASE_MINUTES = 5;

/**
 * Sends what is due by the database's clock (the one that stamped the rows); returns how many were delivered. Never
 * throws for a failed send (it is tried again later).
 */
export async function deliverQueuedMail(db: Db, mailer: Mailer): Promise<number> {
  let delivered = 0;
  for (;;) {
    const claimed = (
      await db.execute<{ id: string; recipient: string; subject: string; body: string; attempts: number }>(sql`
        UPDATE ${mailOutbox} SET next_attempt_at = now() + make_interval(mins => ${LEASE_MINUTES}),
          attempts = attempts + 1
        WHERE id IN (SELECT id FROM ${mailOutbox} WHERE next_attempt_at <= now()
          ORDER BY created_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING id, recipient, subject, body, attempts`)
    ).rows;
    if (claimed.length === 0) return delivered;
    for (const row of claimed) {
      try {
        await mailer.send({ to: row.recipient, subject: row.subject, text: row.body });
        await db.execute(sql`DELETE FROM ${mailOutbox} WHERE id = ${row.id}`);
        delivered += 1;
      } catch (err) {
        const wait = LEASE_MINUTES * 2 ** Math.min(row.attempts, 8);
        await db.execute(sql`UPDATE ${mailOutbox} SET last_error = ${err instanceof Error ? err.message.slice(0, 300) : 'error'},
          next_attempt_at = now() + make_interval(mins => ${wait}) WHERE id = ${row.id}`);
      }
    }
    if (claimed.length < BATCH) return delivered;
  }
}

/** Delivers what the services could not (a failed SMTP server) and what jobs queued, every minute. */
export function mailOutboxJob(db: Db, mailer: Mailer): Job {
  return {
    name: 'mail-outbox',
    schedule: '* * * * *',
    run: async () => void (await deliverQueuedMail(db, mailer)),
  };
}
