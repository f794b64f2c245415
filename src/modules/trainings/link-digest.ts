// The weekly link-health e-mail: on Monday mornings the region's admins and the reviewers (MAS) get one mail listing
// the catalogue's broken and moved links, with a link to the review queue's filter. Claimed per ISO week in the
// database first (decision 003), so several app servers send it once; nothing is sent when no link needs a look.
import { and, eq, gte, ne, or } from 'drizzle-orm';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { usersWithRole } from '../../platform/server/directory.ts';
import type { Job } from '../../platform/server/jobs.ts';
import { type Mailer, reminderMail } from '../../platform/server/mail.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { BROKEN_AFTER } from './link-check.ts';
import { trainingLinkDigest } from './link-digest.table.ts';
import { trainingItem } from './trainings.table.ts';

/** At most this many links are listed in the mail; the rest are counted. */
const LISTED = 50;

/** The ISO week of a Swedish date (YYYY-MM-DD), e.g. "2026-W50". */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  // The ISO week is the week of its Thursday: counted from the first of January of the Thursday's year.
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export async function sendLinkDigest(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
): Promise<{ sent: number; links: number }> {
  const items = await db
    .select({
      title: trainingItem.title,
      url: trainingItem.url,
      failures: trainingItem.linkFailures,
      outcome: trainingItem.linkOutcome,
      httpStatus: trainingItem.linkHttpStatus,
      newUrl: trainingItem.linkNewUrl,
    })
    .from(trainingItem)
    .where(
      and(
        ne(trainingItem.status, 'removed'),
        or(gte(trainingItem.linkFailures, BROKEN_AFTER), eq(trainingItem.linkOutcome, 'moved')),
      ),
    )
    .orderBy(swedishOrder(trainingItem.title));
  if (items.length === 0) return { sent: 0, links: 0 };
  const recipients = new Map<string, { email: string; name: string }>();
  for (const role of ['regional_admin', 'mas'] as const) {
    for (const r of await usersWithRole(db, role)) recipients.set(r.email.toLowerCase(), r);
  }
  if (recipients.size === 0) return { sent: 0, links: items.length };
  const broken = items.filter((i) => i.failures >= BROKEN_AFTER).length;
  const moved = items.length - broken;
  const lines = [
    `Länkkontrollen har hittat ${broken} trasiga och ${moved} flyttade länkar i utbildningskatalogen:`,
    '',
    ...items
      .slice(0, LISTED)
      .map((i) =>
        i.failures >= BROKEN_AFTER
          ? `– ${i.title}: trasig länk (${i.httpStatus ?? 'svarar inte'}) – ${i.url}`
          : `– ${i.title}: flyttad – ny adress ${i.newUrl ?? 'okänd'}`,
      ),
    ...(items.length > LISTED ? [`… och ${items.length - LISTED} till.`] : []),
  ];
  let sent = 0;
  // Claim the week, then send inside the same transaction: a failed send releases the claim for the next run.
  await inTransaction(db, async (tx) => {
    const claimed = await tx
      .insert(trainingLinkDigest)
      .values({ week: isoWeek(swedishDate(now)) })
      .onConflictDoNothing()
      .returning({ week: trainingLinkDigest.week });
    if (claimed.length === 0) return;
    for (const r of recipients.values()) {
      await mailer.send(
        reminderMail({
          to: r.email,
          name: r.name,
          subject: `Länkkontroll: ${items.length} utbildningar har trasiga eller flyttade länkar`,
          lines,
          link: `Granska länkarna här: ${publicUrl}/trainings/review?status=links`,
        }),
      );
      sent += 1;
    }
  });
  return { sent, links: items.length };
}

export function linkDigestJob(deps: { db: Db; mailer: Mailer; publicUrl: string }): Job {
  return {
    name: 'trainings-link-digest',
    // Monday mornings, after the nightly link check; the weekly claim makes extra runs harmless.
    schedule: '30 7 * * 1',
    run: async (now) => {
      await sendLinkDigest(deps.db, deps.mailer, deps.publicUrl, now);
    },
  };
}
