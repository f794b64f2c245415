// What other modules may read of the activities core (decision 019): participation and hours — ESF participant
// reporting and a project's co-financing hours sum them; the joint training plan follows what was delivered and
// attended. Never our tables otherwise. Figures per municipality that others will see go through the shared
// disclosure control in the module that shows them.
import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import type { ActivityKind, AttendanceState, RegistrationState } from './activities.contracts.ts';
import { activity, activityOccasion, activityRegistration } from './activities.table.ts';

export type ActivityFilter = {
  /** The module and records the activities belong to (e.g. 'projects' and a project's id). */
  sourceModule?: string;
  sourceRecordIds?: readonly string[];
  activityIds?: readonly string[];
  /** Occasions starting on or after `from` and before `to`. */
  from?: Date;
  to?: Date;
};

function conditions(f: ActivityFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (f.sourceModule) c.push(eq(activity.sourceModule, f.sourceModule));
  if (f.sourceRecordIds)
    c.push(f.sourceRecordIds.length ? inArray(activity.sourceRecordId, [...f.sourceRecordIds]) : sql`false`);
  if (f.activityIds) c.push(f.activityIds.length ? inArray(activity.id, [...f.activityIds]) : sql`false`);
  if (f.from) c.push(gte(activityOccasion.startsAt, f.from));
  if (f.to) c.push(lt(activityOccasion.startsAt, f.to));
  return and(...c);
}

export type Participation = {
  personId: string;
  organisationId: string;
  activityId: string;
  activityKind: ActivityKind;
  sourceRecordId: string | null;
  occasionId: string;
  startsAt: Date;
  state: RegistrationState;
  attendance: AttendanceState | null;
  /** Hours recorded by the organiser (null: not recorded, or absent). */
  hours: number | null;
};

/** Every registration (not cancelled) of the matching activities, with attendance and hours: per person, per occasion. */
export async function participations(db: Db, filter: ActivityFilter): Promise<Participation[]> {
  const rows = await db
    .select({
      personId: activityRegistration.personId,
      organisationId: activityRegistration.organisationId,
      activityId: activity.id,
      activityKind: activity.kind,
      sourceRecordId: activity.sourceRecordId,
      occasionId: activityOccasion.id,
      startsAt: activityOccasion.startsAt,
      state: activityRegistration.state,
      attendance: activityRegistration.attendance,
      hours: activityRegistration.hours,
    })
    .from(activityRegistration)
    .innerJoin(activityOccasion, eq(activityOccasion.id, activityRegistration.occasionId))
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .where(and(conditions(filter), inArray(activityRegistration.state, ['registered', 'waitlisted'])));
  return rows;
}

/** Attended hours per municipality (present or partly present), e.g. a project's co-financing in working hours. */
export async function hoursPerMunicipality(
  db: Db,
  filter: ActivityFilter,
): Promise<Map<string, { hours: number; participants: number }>> {
  const rows = await db
    .select({
      organisationId: activityRegistration.organisationId,
      hours: sql<string>`coalesce(sum(${activityRegistration.hours}), 0)`,
      participants: sql<number>`count(DISTINCT ${activityRegistration.personId})::int`,
    })
    .from(activityRegistration)
    .innerJoin(activityOccasion, eq(activityOccasion.id, activityRegistration.occasionId))
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .where(and(conditions(filter), inArray(activityRegistration.attendance, ['present', 'partial'])))
    .groupBy(activityRegistration.organisationId);
  return new Map(rows.map((r) => [r.organisationId, { hours: Number(r.hours), participants: Number(r.participants) }]));
}
