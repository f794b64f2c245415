// The activities core's scheduled work (decision 019), every quarter of an hour: the reminder two days before an
// occasion; waiting lists moved up when reserved seats are released to the region; occasions that have ended marked
// as held; the evaluation sent after a held occasion and its one reminder a week later. Each step claims its rows
// (the occasion's lock, a sent-at column set once), so two servers running the job do the work once.
import { and, eq, gt, isNotNull, isNull, lte } from 'drizzle-orm';
import { inTransaction } from '../../platform/server/db.ts';
import type { Job } from '../../platform/server/jobs.ts';
import { queueMail } from '../../platform/server/mail-outbox.ts';
import { contactsOf } from '../people/people-lookup.service.ts';
import { ACTIVITY_LIMITS } from './activities.contracts.ts';
import { activity, activityOccasion, activityRegistration } from './activities.table.ts';
import { activityMails } from './activities-mail.ts';
import { type ActivitiesDeps, lockOccasion } from './activities-scope.ts';
import { deliver, fillSeats } from './registrations.service.ts';
import { remindSurveys, sendSurvey } from './surveys.service.ts';

export async function runActivityJobs(deps: ActivitiesDeps) {
  const now = deps.now();
  const result = { reminded: 0, promoted: 0, held: 0, surveys: 0, surveyReminders: 0 };

  // Two days before: a reminder to everyone holding a seat, once.
  const soon = await deps.db
    .select({ id: activityOccasion.id })
    .from(activityOccasion)
    .where(
      and(
        eq(activityOccasion.status, 'open'),
        isNull(activityOccasion.reminderSentAt),
        gt(activityOccasion.startsAt, now),
        lte(activityOccasion.startsAt, new Date(now.getTime() + ACTIVITY_LIMITS.reminderDays * 86_400_000)),
      ),
    );
  for (const { id } of soon) {
    result.reminded += await inTransaction(deps.db, async (tx) => {
      const o = await lockOccasion(tx, id);
      if (!o || o.reminderSentAt) return 0;
      const [a] = await tx.select({ title: activity.title }).from(activity).where(eq(activity.id, o.activityId));
      const regs = await tx
        .select({ personId: activityRegistration.personId })
        .from(activityRegistration)
        .where(and(eq(activityRegistration.occasionId, id), eq(activityRegistration.state, 'registered')));
      const contacts = await contactsOf(
        tx,
        regs.map((r) => r.personId),
      );
      const mails = [...contacts.values()].flatMap((c) =>
        c.email
          ? [activityMails.reminder({ email: c.email, name: c.name }, { ...o, title: a?.title ?? '' }, deps.publicUrl)]
          : [],
      );
      await queueMail(tx, mails);
      await tx.update(activityOccasion).set({ reminderSentAt: now }).where(eq(activityOccasion.id, id));
      return mails.length;
    });
  }

  // Reserved seats released to the region: those waiting (region-wide, in arrival order) move up.
  const released = await deps.db
    .select({ id: activityOccasion.id })
    .from(activityOccasion)
    .where(
      and(
        eq(activityOccasion.status, 'open'),
        isNotNull(activityOccasion.seatsReleaseAt),
        lte(activityOccasion.seatsReleaseAt, now),
        gt(activityOccasion.startsAt, now),
      ),
    );
  for (const { id } of released) {
    result.promoted += await inTransaction(deps.db, async (tx) => {
      const o = await lockOccasion(tx, id);
      if (!o) return 0;
      const [a] = await tx.select({ title: activity.title }).from(activity).where(eq(activity.id, o.activityId));
      return (await fillSeats(tx, deps, o, a?.title ?? '', now)).length;
    });
  }

  // Ended and not cancelled: held.
  const ended = await deps.db
    .update(activityOccasion)
    .set({ status: 'held', updatedAt: now })
    .where(and(eq(activityOccasion.status, 'open'), lte(activityOccasion.endsAt, now)))
    .returning({ id: activityOccasion.id });
  result.held = ended.length;

  // Held, with a survey, not yet sent, and attendance recorded: the evaluation goes out.
  const toSurvey = await deps.db
    .select({ id: activityOccasion.id })
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .where(
      and(
        eq(activityOccasion.status, 'held'),
        isNull(activityOccasion.surveySentAt),
        isNotNull(activity.surveyTemplateId),
        gt(activityOccasion.endsAt, new Date(now.getTime() - ACTIVITY_LIMITS.surveyLinkDays * 86_400_000)),
      ),
    );
  for (const { id } of toSurvey) {
    const [marked] = await deps.db
      .select({ id: activityRegistration.id })
      .from(activityRegistration)
      .where(and(eq(activityRegistration.occasionId, id), isNotNull(activityRegistration.attendance)))
      .limit(1);
    // Without attendance nobody is known to have attended: wait for the organiser to mark it.
    if (marked) result.surveys += await sendSurvey(deps, id, null);
  }
  result.surveyReminders = await remindSurveys(deps);
  await deliver(deps);
  return result;
}

export function activitiesJob(deps: ActivitiesDeps): Job {
  return {
    name: 'activities',
    schedule: '*/15 * * * *',
    run: async () => void (await runActivityJobs(deps)),
  };
}
