// Deadline reminders: 7 days and 1 day before a period's deadline, the reporters of every municipality whose
// report is not submitted get an e-mail. Each reminder is claimed in the database first, so it is sent once.
import { and, eq, inArray } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../platform/server/db.ts';
import { activeMunicipalities, usersWithRole } from '../../../platform/server/directory.ts';
import type { Job } from '../../../platform/server/jobs.ts';
import { type Mailer, reminderMail } from '../../../platform/server/mail.ts';
import { daysBetween, reminderDue, swedishDate, swedishWhen } from '../../../platform/server/swedish-dates.ts';
import { staffingPeriod, staffingReminder, staffingReport } from '../staffing.table.ts';

export async function sendDeadlineReminders(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
): Promise<{ sent: number }> {
  const today = swedishDate(now);
  const periods = await db.select().from(staffingPeriod).where(eq(staffingPeriod.closed, false));
  const municipalities = await activeMunicipalities(db);
  let sent = 0;
  for (const period of periods) {
    const daysLeft = daysBetween(today, period.deadline);
    const kind = reminderDue(daysLeft);
    if (!kind) continue;
    const done = await db
      .select({ municipalityId: staffingReport.municipalityId })
      .from(staffingReport)
      .where(and(eq(staffingReport.periodId, period.id), inArray(staffingReport.status, ['submitted', 'approved'])));
    const doneIds = new Set(done.map((d) => d.municipalityId));
    for (const m of municipalities.filter((x) => !doneIds.has(x.id))) {
      const recipients = await usersWithRole(db, 'reporter', { organisationIds: [m.id] });
      if (recipients.length === 0) continue;
      // Claim, then send inside the same transaction: a failed send releases the claim for the next run.
      await inTransaction(db, async (tx) => {
        const claimed = await tx
          .insert(staffingReminder)
          .values({ periodId: period.id, municipalityId: m.id, kind })
          .onConflictDoNothing()
          .returning({ periodId: staffingReminder.periodId });
        if (claimed.length === 0) return;
        const link = `${publicUrl}/staffing/reports/${period.id}/${m.id}`;
        const when = swedishWhen(daysLeft);
        for (const r of recipients) {
          await mailer.send(
            reminderMail({
              to: r.email,
              name: r.name,
              subject: `Påminnelse: bemanningsrapporten ${period.label} för ${m.name} ska lämnas ${when}`,
              lines: [
                `Rapporten om bemanning för ${m.name}, period ${period.label}, är inte inskickad än.`,
                `Sista dag är ${period.deadline} (${when}).`,
              ],
              link: `Fyll i och skicka in rapporten här: ${link}`,
            }),
          );
          sent += 1;
        }
      });
    }
  }
  return { sent };
}

export function reminderJob(deps: { db: Db; mailer: Mailer; publicUrl: string }): Job {
  return {
    name: 'staffing-deadline-reminders',
    // Every morning; the database claim makes extra runs (another server, a restart) harmless.
    schedule: '0 7 * * *',
    run: async (now) => {
      await sendDeadlineReminders(deps.db, deps.mailer, deps.publicUrl, now);
    },
  };
}
