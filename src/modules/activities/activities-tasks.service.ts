// The activities core's tasks on the start page (decision 018): for an organiser, held occasions whose attendance is
// not recorded (the evaluation and the hours wait for it); for a person in the staff register, the coming occasions
// they are registered for, with the first one's date. Counts only, two aggregate queries.
import { and, count, eq, gte, inArray, isNull, lte, min, sql } from 'drizzle-orm';
import type { TaskItem, TaskProvider } from '../../platform/server/tasks.ts';
import { toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { personOfUser } from '../people/people-lookup.service.ts';
import { activitiesMessages as am } from './activities.messages.ts';
import { ORGANISER_ROLES } from './activities.policy.ts';
import { activity, activityOccasion, activityRegistration } from './activities.table.ts';
import { networksOf } from './activities-scope.ts';

const DAY = 86_400_000;

export const activitiesTasks: TaskProvider = async ({ db }, { actor }) => {
  const now = new Date();
  const tasks: TaskItem[] = [];
  if (actor.roles.some((r) => ORGANISER_ROLES.includes(r) || r === 'regional_admin')) {
    const nets = [...(await networksOf(db, actor.userId))];
    const mine =
      actor.roles.includes('regional_admin') && actor.organisationKind === 'region'
        ? sql`true`
        : sql`(${activity.organiserId} = ${actor.organisationId}${nets.length ? sql` OR ${inArray(activity.networkId, nets)}` : sql``})`;
    const [row] = await db
      .select({ n: count() })
      .from(activityOccasion)
      .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
      .where(
        and(
          mine,
          inArray(activityOccasion.status, ['open', 'held']),
          lte(activityOccasion.endsAt, now),
          gte(activityOccasion.endsAt, new Date(now.getTime() - 60 * DAY)),
          sql`EXISTS (SELECT 1 FROM ${activityRegistration} r WHERE r.occasion_id = ${activityOccasion.id}
            AND r.state = 'registered' AND r.attendance IS NULL)`,
        ),
      );
    tasks.push({ key: 'attendance', message: am.taskAttendance(), count: row?.n ?? 0, href: '/activities/mine' });
  }
  if (actor.kind === 'user') {
    const me = await personOfUser(db, actor.userId);
    if (me) {
      const [row] = await db
        .select({ n: count(), first: min(activityOccasion.startsAt) })
        .from(activityRegistration)
        .innerJoin(activityOccasion, eq(activityOccasion.id, activityRegistration.occasionId))
        .where(
          and(
            eq(activityRegistration.personId, me.id),
            eq(activityRegistration.state, 'registered'),
            eq(activityOccasion.status, 'open'),
            gte(activityOccasion.startsAt, now),
            lte(activityOccasion.startsAt, new Date(now.getTime() + 30 * DAY)),
            isNull(activityRegistration.cancelledAt),
          ),
        );
      const first = row?.first ? toStockholmLocal(new Date(row.first)).slice(0, 10) : null;
      tasks.push({ key: 'coming', message: am.taskComing(), count: row?.n ?? 0, href: '/activities/mine', due: first });
    }
  }
  return tasks;
};
