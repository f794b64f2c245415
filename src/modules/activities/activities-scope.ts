// Who organises an activity, and the small shared pieces of the activities services: their dependencies, the
// organisations' names, the occasion's shown status and seat state.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TokenGuessLimiter } from '../../platform/server/actor.ts';
import type { Db } from '../../platform/server/db.ts';
import { ForbiddenError, NotFoundError } from '../../platform/server/errors.ts';
import type { Mailer } from '../../platform/server/mail.ts';
import { network, networkMember, organisation } from '../../platform/server/organisation.table.ts';
import { can } from '../../platform/server/policy.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import type { OccasionStatusShown } from './activities.contracts.ts';
import { activitiesMessages as am } from './activities.messages.ts';
import { ORGANISER_ROLES } from './activities.policy.ts';
import { activity, activityOccasion, activityRegistration, activitySeat } from './activities.table.ts';
import type { SeatState } from './seats.ts';

export type ActivitiesDeps = {
  db: Db;
  cache: ReadCache;
  mailer: Mailer;
  publicUrl: string;
  /** The smallest count shown (k), the statistics' own (SUPPRESSION_MIN_COUNT). */
  minCount: number;
  /** The clock (tests move it). */
  now: () => Date;
  /** Failed survey-link guesses per address. */
  guesses: TokenGuessLimiter;
};

export type ActivityRow = {
  id: string;
  organiserId: string;
  networkId: string | null;
  createdBy: string | null;
};
export type OccasionRow = typeof activityOccasion.$inferSelect;

/** The networks a user is a member of. */
export async function networksOf(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: networkMember.networkId })
    .from(networkMember)
    .where(eq(networkMember.userId, userId));
  return new Set(rows.map((r) => r.id));
}

/**
 * May the actor change this activity, its occasions and attendance: the region's admins; the organising
 * municipality's admins, brokers and managers; for a network's activity, its members holding one of those roles.
 */
export async function mayOrganise(db: Db, actor: Actor, a: ActivityRow): Promise<boolean> {
  if (can(actor, 'activities:organise', { organisationId: a.organiserId })) return true;
  if (!a.networkId || !actor.roles.some((r) => ORGANISER_ROLES.includes(r))) return false;
  return (await networksOf(db, actor.userId)).has(a.networkId);
}

/** Names of organisations and networks by id (for lists and mails). */
export async function namesOf(db: Db, ids: { organisations?: string[]; networks?: string[] }) {
  const orgIds = [...new Set(ids.organisations ?? [])];
  const netIds = [...new Set(ids.networks ?? [])];
  const [orgs, nets] = await Promise.all([
    orgIds.length
      ? db
          .select({ id: organisation.id, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, orgIds))
      : [],
    netIds.length
      ? db.select({ id: network.id, name: network.name }).from(network).where(inArray(network.id, netIds))
      : [],
  ]);
  return new Map([...orgs, ...nets].map((r) => [r.id, r.name]));
}

/** The status a user sees: the stored one, or "full" / "closed" for an open occasion. */
export function shownStatus(o: OccasionRow, registered: number, now: Date): OccasionStatusShown {
  if (o.status !== 'open') return o.status;
  if (registered >= o.capacity) return 'full';
  if (now > o.registrationDeadline || now >= o.startsAt) return 'closed';
  return 'open';
}

export function isReleased(o: OccasionRow, now: Date): boolean {
  return o.seatsReleaseAt !== null && now >= o.seatsReleaseAt;
}

/** Registered and waitlisted per municipality for some occasions. */
export async function countsByMunicipality(db: Db, occasionIds: string[]) {
  const out = new Map<string, Map<string, { registered: number; waitlisted: number }>>();
  if (occasionIds.length === 0) return out;
  const rows = await db
    .select({
      occasionId: activityRegistration.occasionId,
      organisationId: activityRegistration.organisationId,
      registered: sql<number>`count(*) FILTER (WHERE ${activityRegistration.state} = 'registered')::int`,
      waitlisted: sql<number>`count(*) FILTER (WHERE ${activityRegistration.state} = 'waitlisted')::int`,
    })
    .from(activityRegistration)
    .where(inArray(activityRegistration.occasionId, occasionIds))
    .groupBy(activityRegistration.occasionId, activityRegistration.organisationId);
  for (const r of rows) {
    const m = out.get(r.occasionId) ?? new Map();
    m.set(r.organisationId, { registered: Number(r.registered), waitlisted: Number(r.waitlisted) });
    out.set(r.occasionId, m);
  }
  return out;
}

/** Reserved seats per municipality for some occasions. */
export async function allocationsOf(db: Db, occasionIds: string[]) {
  const out = new Map<string, Map<string, number>>();
  if (occasionIds.length === 0) return out;
  const rows = await db.select().from(activitySeat).where(inArray(activitySeat.occasionId, occasionIds));
  for (const r of rows) {
    const m = out.get(r.occasionId) ?? new Map<string, number>();
    m.set(r.organisationId, r.seats);
    out.set(r.occasionId, m);
  }
  return out;
}

/** The seat state of one occasion, read inside the caller's transaction (after it locked the occasion). */
export async function seatStateOf(db: Db, o: OccasionRow, now: Date): Promise<SeatState> {
  const [counts, allocations] = await Promise.all([countsByMunicipality(db, [o.id]), allocationsOf(db, [o.id])]);
  const registered = new Map<string, number>();
  for (const [org, c] of counts.get(o.id) ?? []) registered.set(org, c.registered);
  return {
    capacity: o.capacity,
    allocations: allocations.get(o.id) ?? new Map(),
    registered,
    released: isReleased(o, now),
  };
}

/** Locks the occasion row for the rest of the transaction: registrations on it are made one at a time. */
export async function lockOccasion(db: Db, id: string): Promise<OccasionRow | undefined> {
  const [row] = await db.select().from(activityOccasion).where(eq(activityOccasion.id, id)).for('update');
  return row;
}

export const occasionOf = async (db: Db, id: string) =>
  (
    await db
      .select()
      .from(activityOccasion)
      .where(and(eq(activityOccasion.id, id)))
  )[0];

export const hoursBetween = (from: Date, to: Date) =>
  Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 100) / 100;

/**
 * Locks an occasion for a change by its organiser and returns it with its activity: 404 when it does not exist,
 * 403 when the actor does not organise it.
 */
export async function lockOrganisedOccasion(db: Db, actor: Actor, id: string) {
  const o = await lockOccasion(db, id);
  if (!o) throw new NotFoundError(am.occasionNotFound());
  const [a] = await db.select().from(activity).where(eq(activity.id, o.activityId));
  if (!a) throw new NotFoundError(am.activityNotFound());
  if (!(await mayOrganise(db, actor, a))) throw new ForbiddenError(am.notOrganiser());
  return { o, a };
}
