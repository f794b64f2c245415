// What other modules may read of the activities core (decision 019): participation and hours — ESF participant
// reporting and a project's co-financing hours sum them; the joint training plan follows what was delivered and
// attended. Never our tables otherwise. Figures per municipality that others will see go through the shared
// disclosure control in the module that shows them.
import { and, eq, gte, ilike, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { networkMember, organisation } from '../../platform/server/organisation.table.ts';
import { likePattern } from '../../platform/server/sql.ts';
import type { ActivityKind, AttendanceState, OccasionStatus, RegistrationState } from './activities.contracts.ts';
import {
  activity,
  activityOccasion,
  activityRegistration,
  activitySeat,
  surveyInvitation,
  surveyResponse,
} from './activities.table.ts';
import { seedAnswers } from './activities-demo.ts';
import { ensureStandardTemplate, STANDARD_QUESTIONS } from './surveys.service.ts';

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

export type SourceOccasionInput = {
  sourceModule: string;
  sourceRecordId: string;
  title: string;
  description: string;
  /** The organising organisation: a municipality (its brokers organise) or an external provider. */
  organiserId: string;
  networkId: string | null;
  targetProfessions: readonly string[];
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  registrationDeadline: Date;
  seatsReleaseAt: Date | null;
  /** Seats per municipality; their sum is at most the capacity (the caller's key makes it exact). */
  seats: readonly { organisationId: string; seats: number }[];
};

/**
 * For a module whose own record orders occasions (the joint training plan's order): the record's activity — made the
 * first time, with the standard evaluation, open for registration by managers — and a new open occasion with seats
 * per municipality, in one transaction, audited as the activities core audits its own. The calling module has decided
 * that the actor may plan for the record; the activity's organiser then marks attendance in the activities pages.
 */
export async function createSourceOccasion(
  db: Db,
  ctx: SignedInContext,
  input: SourceOccasionInput,
): Promise<{ activityId: string; occasionId: string }> {
  const seated = input.seats.reduce((n, s) => n + s.seats, 0);
  if (seated > input.capacity) throw new RangeError('seats exceed the capacity');
  const template = await ensureStandardTemplate(db);
  return inTransaction(db, async (tx) => {
    const [found] = await tx
      .select({ id: activity.id })
      .from(activity)
      .where(and(eq(activity.sourceModule, input.sourceModule), eq(activity.sourceRecordId, input.sourceRecordId)));
    let activityId = found?.id;
    if (!activityId) {
      const [made] = await tx
        .insert(activity)
        .values({
          title: input.title,
          description: input.description,
          kind: 'course',
          organiserId: input.organiserId,
          networkId: input.networkId,
          targetProfessions: [...input.targetProfessions],
          sourceModule: input.sourceModule,
          sourceRecordId: input.sourceRecordId,
          surveyTemplateId: template.id,
          createdBy: ctx.actor.userId,
        })
        .returning({ id: activity.id });
      if (!made) throw new Error('activity not written');
      activityId = made.id;
      await audit(tx, ctx, {
        action: 'activity.create',
        entityType: 'activity',
        entityId: activityId,
        organisationId: input.organiserId,
      });
    }
    const [o] = await tx
      .insert(activityOccasion)
      .values({
        activityId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        onlineUrl: input.onlineUrl,
        capacity: input.capacity,
        registrationDeadline: input.registrationDeadline,
        seatsReleaseAt: input.seatsReleaseAt,
        status: 'open',
      })
      .returning({ id: activityOccasion.id });
    if (!o) throw new Error('occasion not written');
    const seats = input.seats.filter((s) => s.seats > 0);
    if (seats.length) {
      await tx
        .insert(activitySeat)
        .values(seats.map((s) => ({ occasionId: o.id, organisationId: s.organisationId, seats: s.seats })));
    }
    await audit(tx, ctx, {
      action: 'activity_occasion.create',
      entityType: 'activity_occasion',
      entityId: o.id,
      organisationId: input.organiserId,
    });
    return { activityId, occasionId: o.id };
  });
}

export type SourceOccasion = {
  id: string;
  activityId: string;
  sourceRecordId: string | null;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  status: OccasionStatus;
  /** Reserved seats per municipality. */
  seats: Map<string, number>;
  /** Evaluation: invitations sent and answered. */
  invited: number;
  answered: number;
};

/** The occasions of a module's records (e.g. the joint training plan's orders), with seats and survey counts. */
export async function sourceOccasions(db: Db, filter: ActivityFilter): Promise<SourceOccasion[]> {
  const rows = await db
    .select({
      id: activityOccasion.id,
      activityId: activity.id,
      sourceRecordId: activity.sourceRecordId,
      startsAt: activityOccasion.startsAt,
      endsAt: activityOccasion.endsAt,
      place: activityOccasion.place,
      onlineUrl: activityOccasion.onlineUrl,
      capacity: activityOccasion.capacity,
      status: activityOccasion.status,
    })
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .where(conditions(filter))
    .orderBy(activityOccasion.startsAt);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [seats, surveys] = await Promise.all([
    db.select().from(activitySeat).where(inArray(activitySeat.occasionId, ids)),
    db
      .select({
        occasionId: surveyInvitation.occasionId,
        invited: sql<number>`count(*)::int`,
        answered: sql<number>`count(*) FILTER (WHERE ${surveyInvitation.answered})::int`,
      })
      .from(surveyInvitation)
      .where(inArray(surveyInvitation.occasionId, ids))
      .groupBy(surveyInvitation.occasionId),
  ]);
  const survey = new Map(surveys.map((s) => [s.occasionId, s]));
  return rows.map((r) => ({
    ...r,
    seats: new Map(seats.filter((s) => s.occasionId === r.id).map((s) => [s.organisationId, s.seats])),
    invited: Number(survey.get(r.id)?.invited ?? 0),
    answered: Number(survey.get(r.id)?.answered ?? 0),
  }));
}

/** The standard evaluation's Likert questions (id and wording), for a module summing results over occasions. */
export const standardLikertQuestions = () =>
  STANDARD_QUESTIONS.filter((q) => q.kind === 'likert').map((q) => ({
    id: q.id,
    text: q.text,
    textEn: q.textEn ?? q.text,
  }));

/**
 * Raw counts of the answers 1–5 per Likert question over some occasions (the standard evaluation's questions), and how
 * many answered. The caller publishes them through the shared suppression before anyone sees them.
 */
export async function likertCounts(
  db: Db,
  occasionIds: readonly string[],
): Promise<{ responses: number; counts: Map<string, number[]> }> {
  const counts = new Map<string, number[]>();
  if (occasionIds.length === 0) return { responses: 0, counts };
  const rows = await db
    .select({ answers: surveyResponse.answers })
    .from(surveyResponse)
    .where(inArray(surveyResponse.occasionId, [...occasionIds]));
  const questions = standardLikertQuestions();
  for (const q of questions) counts.set(q.id, [0, 0, 0, 0, 0]);
  for (const r of rows) {
    for (const q of questions) {
      const v = r.answers[q.id];
      const bucket = counts.get(q.id);
      if (bucket && typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5)
        bucket[v - 1] = (bucket[v - 1] ?? 0) + 1;
    }
  }
  return { responses: rows.length, counts };
}

/**
 * For another module's demo only: marks an occasion it planned as held and records who took part — registered, with
 * attendance and hours (present: the occasion's length; partly: half) — and the standard evaluation's answers of the
 * first `answers` who attended, as the activities core's own demo does.
 */
export async function seedHeldOccasionDemo(
  db: Db,
  occasionId: string,
  entries: readonly { personId: string; organisationId: string; attendance: AttendanceState }[],
  answers: number,
  byUserId: string,
): Promise<void> {
  const [o] = await db.select().from(activityOccasion).where(eq(activityOccasion.id, occasionId));
  if (!o) return;
  const length = Math.round(((o.endsAt.getTime() - o.startsAt.getTime()) / 3_600_000) * 100) / 100;
  const template = await ensureStandardTemplate(db);
  await db
    .update(activityOccasion)
    .set({ status: 'held', surveySentAt: new Date(o.endsAt.getTime() + 86_400_000) })
    .where(eq(activityOccasion.id, occasionId));
  for (const e of entries) {
    await db.insert(activityRegistration).values({
      occasionId,
      personId: e.personId,
      organisationId: e.organisationId,
      state: 'registered',
      registeredBy: byUserId,
      registeredAt: new Date(o.startsAt.getTime() - 20 * 86_400_000),
      attendance: e.attendance,
      hours: e.attendance === 'present' ? length : e.attendance === 'partial' ? Math.round(length * 50) / 100 : null,
      attendanceBy: byUserId,
      attendanceAt: o.endsAt,
    });
  }
  await seedAnswers(db, occasionId, template.id, answers, o.endsAt);
}

// ---- occasions a municipality's staff can attend (career paths' development plans link education to them) ----

export type OccasionRef = {
  id: string;
  activityId: string;
  title: string;
  kind: ActivityKind;
  organiserName: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  /** The stored status (open, planned, held, cancelled); "full" or "closed" are the calendar's own. */
  status: OccasionStatus;
};

/**
 * Occasions a municipality's staff can attend: those it organises, those it has seats on, the region's own that
 * belong to no network (open to every municipality), and a network's when one of the municipality's users is a
 * member of that network.
 */
function attendableBy(municipalityId: string): SQL {
  return or(
    eq(activity.organiserId, municipalityId),
    sql`(${organisation.kind} = 'region' AND ${activity.networkId} IS NULL)`,
    sql`EXISTS (SELECT 1 FROM ${activitySeat} s WHERE s.occasion_id = ${activityOccasion.id} AND s.organisation_id = ${municipalityId})`,
    sql`(${activity.networkId} IS NOT NULL AND EXISTS (SELECT 1 FROM ${networkMember} nm JOIN ${user} u ON u.id = nm.user_id WHERE nm.network_id = ${activity.networkId} AND u.organisation_id = ${municipalityId}))`,
  ) as SQL;
}

const occasionRefSelect = {
  id: activityOccasion.id,
  activityId: activity.id,
  title: activity.title,
  kind: activity.kind,
  organiserName: organisation.name,
  startsAt: activityOccasion.startsAt,
  endsAt: activityOccasion.endsAt,
  place: activityOccasion.place,
  onlineUrl: activityOccasion.onlineUrl,
  status: activityOccasion.status,
};

/**
 * Occasions by id, for checking a link and for showing it (title, date, place, status). With `attendableBy`, only
 * those that municipality's staff can attend (see above); an unknown id is simply absent from the map.
 */
export async function occasionsByIds(
  db: Db,
  ids: readonly string[],
  opts: { attendableBy?: string } = {},
): Promise<Map<string, OccasionRef>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db
    .select(occasionRefSelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .where(and(inArray(activityOccasion.id, list), opts.attendableBy ? attendableBy(opts.attendableBy) : undefined));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A picker's search: occasions a municipality's staff can attend whose activity's title matches `q`, not cancelled,
 * ending after `since` — upcoming ones first (soonest first), then held ones (latest first).
 */
export async function searchAttendableOccasions(
  db: Db,
  municipalityId: string,
  opts: { q?: string; since: Date; now: Date; limit: number },
): Promise<OccasionRef[]> {
  const q = opts.q?.trim();
  return db
    .select(occasionRefSelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .where(
      and(
        attendableBy(municipalityId),
        ne(activityOccasion.status, 'cancelled'),
        gte(activityOccasion.endsAt, opts.since),
        q ? ilike(activity.title, likePattern(q)) : undefined,
      ),
    )
    .orderBy(
      sql`(${activityOccasion.endsAt} < ${opts.now}) ASC`,
      sql`CASE WHEN ${activityOccasion.endsAt} >= ${opts.now} THEN ${activityOccasion.startsAt} END ASC`,
      sql`${activityOccasion.startsAt} DESC`,
    )
    .limit(opts.limit);
}

export type PersonAttendance = { state: RegistrationState; attendance: AttendanceState | null };

/** One person's registration (not cancelled) and attendance on some occasions, e.g. to show a planned one as attended. */
export async function attendanceOfPerson(
  db: Db,
  personId: string,
  occasionIds: readonly string[],
): Promise<Map<string, PersonAttendance>> {
  if (occasionIds.length === 0) return new Map();
  const rows = await db
    .select({
      occasionId: activityRegistration.occasionId,
      state: activityRegistration.state,
      attendance: activityRegistration.attendance,
    })
    .from(activityRegistration)
    .where(
      and(
        eq(activityRegistration.personId, personId),
        inArray(activityRegistration.occasionId, [...new Set(occasionIds)]),
        ne(activityRegistration.state, 'cancelled'),
      ),
    );
  return new Map(rows.map((r) => [r.occasionId, { state: r.state, attendance: r.attendance }]));
}
