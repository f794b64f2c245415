// Registration, the waiting list and attendance (decision 019). Every change to an occasion's registrations locks
// the occasion's row first, so registrations on one occasion are made one at a time on every database: capacity and
// a municipality's seats are never exceeded, also under concurrent requests, and the waiting list keeps arrival
// order (the `queue` number is drawn under the lock). Mails are queued in the same transaction and sent after it.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import type { Mail } from '../../platform/server/mail.ts';
import { deliverQueuedMail, queueMail } from '../../platform/server/mail-outbox.ts';
import { can } from '../../platform/server/policy.ts';
import { contactsOf, personOfUser, personsByIds } from '../people/people-lookup.service.ts';
import type { AttendanceInput } from './activities.contracts.ts';
import { activitiesMessages as am } from './activities.messages.ts';
import { activity, activityOccasion, activityRegistration } from './activities.table.ts';
import { activityMails, type OccasionForMail } from './activities-mail.ts';
import {
  type ActivitiesDeps,
  hoursBetween,
  isReleased,
  lockOccasion,
  lockOrganisedOccasion,
  mayOrganise,
  type OccasionRow,
  seatStateOf,
  shownStatus,
} from './activities-scope.ts';
import { freeFor, promotions, take } from './seats.ts';

type RegistrationRecord = typeof activityRegistration.$inferSelect;

/**
 * Changes to one occasion's registrations wait their turn here, in memory, before taking a database connection: a
 * rush of registrations for one occasion (a popular course opening) then holds one pooled connection instead of
 * all of them waiting on the row lock (and the pool's connect timeout answering 503). The row lock in the
 * transaction still orders the changes across app servers.
 */
const occasionQueues = new Map<string, Promise<unknown>>();
export function oneAtATime<T>(occasionId: string, work: () => Promise<T>): Promise<T> {
  const previous = occasionQueues.get(occasionId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  occasionQueues.set(occasionId, settled);
  void settled.then(() => {
    if (occasionQueues.get(occasionId) === settled) occasionQueues.delete(occasionId);
  });
  return run;
}

async function activityOf(db: Db, id: string) {
  const [a] = await db.select().from(activity).where(eq(activity.id, id));
  if (!a) throw new NotFoundError(am.activityNotFound());
  return a;
}

const forMail = (o: OccasionRow, title: string): OccasionForMail => ({
  id: o.id,
  title,
  startsAt: o.startsAt,
  endsAt: o.endsAt,
  place: o.place,
  onlineUrl: o.onlineUrl,
});

/** Mails to persons: to the register's e-mail (or their account's); those without one are told through the registrar. */
async function mailsTo(
  db: Db,
  personIds: string[],
  make: (r: { email: string; name: string }, personId: string) => Mail,
): Promise<Mail[]> {
  const contacts = await contactsOf(db, personIds);
  const out: Mail[] = [];
  for (const id of personIds) {
    const c = contacts.get(id);
    if (c?.email) out.push(make({ email: c.email, name: c.name }, id));
  }
  return out;
}

/**
 * Moves waitlisted persons up while seats are free (their municipality's first while seats are reserved, then
 * region-wide) and queues their mails. Call inside a transaction that holds the occasion's lock.
 */
export async function fillSeats(db: Db, deps: ActivitiesDeps, o: OccasionRow, title: string, now: Date) {
  if (o.status !== 'open' || now >= o.startsAt) return [];
  const waitlist = await db
    .select({
      id: activityRegistration.id,
      personId: activityRegistration.personId,
      organisationId: activityRegistration.organisationId,
    })
    .from(activityRegistration)
    .where(and(eq(activityRegistration.occasionId, o.id), eq(activityRegistration.state, 'waitlisted')))
    .orderBy(asc(activityRegistration.queue));
  if (waitlist.length === 0) return [];
  const moving = promotions(await seatStateOf(db, o, now), waitlist);
  if (moving.length === 0) return [];
  await db
    .update(activityRegistration)
    .set({ state: 'registered', promotedAt: now })
    .where(
      inArray(
        activityRegistration.id,
        moving.map((m) => m.id),
      ),
    );
  await queueMail(
    db,
    await mailsTo(
      db,
      moving.map((m) => m.personId),
      (r) => activityMails.promoted(r, forMail(o, title), deps.publicUrl),
    ),
  );
  return moving;
}

/** Sends what the change queued; a failing mail server never fails the change (the outbox job tries again). */
export async function deliver(deps: ActivitiesDeps) {
  try {
    await deliverQueuedMail(deps.db, deps.mailer);
  } catch {
    // Left in the outbox for the next run.
  }
}

function checkOpen(o: OccasionRow, now: Date) {
  if (o.status === 'cancelled') throw new ConflictError(am.cancelledOccasion());
  if (o.status !== 'open' || now >= o.startsAt) {
    throw new ConflictError(am.notOpen({ status: shownStatus(o, 0, now) }));
  }
  if (now > o.registrationDeadline) {
    throw new ConflictError(am.deadlinePassed({ deadline: o.registrationDeadline.toISOString().slice(0, 10) }));
  }
}

export type RegisterResult = {
  personId: string;
  name: string;
  state: 'registered' | 'waitlisted';
  position: number | null;
};

/** Registers persons (all or none): each gets a seat if one is free for their municipality, else the waiting list. */
async function registerPersons(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  occasionId: string,
  persons: { id: string; organisationId: string; name: string }[],
): Promise<RegisterResult[]> {
  const contacts = await contactsOf(
    deps.db,
    persons.map((p) => p.id),
  );
  const results = await oneAtATime(occasionId, () => {
    const now = deps.now();
    return inTransaction(deps.db, async (tx) => {
      const o = await lockOccasion(tx, occasionId);
      if (!o) throw new NotFoundError(am.occasionNotFound());
      const a = await activityOf(tx, o.activityId);
      checkOpen(o, now);
      const existing = await tx
        .select()
        .from(activityRegistration)
        .where(
          and(
            eq(activityRegistration.occasionId, o.id),
            inArray(
              activityRegistration.personId,
              persons.map((p) => p.id),
            ),
          ),
        );
      const byPerson = new Map(existing.map((r) => [r.personId, r]));
      for (const p of persons) {
        const row = byPerson.get(p.id);
        if (row && row.state !== 'cancelled') throw new ConflictError(am.alreadyRegistered({ name: p.name }));
      }
      // Seats freed by a release time that has passed go to those already waiting, before anyone new. (Every other
      // change that frees a seat — a cancellation, more capacity — moves the waiting list up itself.)
      if (isReleased(o, now)) await fillSeats(tx, deps, o, a.title, now);
      let state = await seatStateOf(tx, o, now);
      const out: (RegisterResult & { registrationId: string })[] = [];
      for (const p of persons) {
        const gets = freeFor(state, p.organisationId) > 0;
        if (gets) state = take(state, p.organisationId);
        const values = {
          state: gets ? ('registered' as const) : ('waitlisted' as const),
          organisationId: p.organisationId,
          registeredBy: ctx.actor.userId,
          registeredAt: now,
          promotedAt: null,
          cancelledAt: null,
        };
        const prior = byPerson.get(p.id);
        const [row] = prior
          ? await tx
              .update(activityRegistration)
              .set({ ...values, queue: sql`nextval(pg_get_serial_sequence('activity_registration', 'queue'))` })
              .where(eq(activityRegistration.id, prior.id))
              .returning()
          : await tx
              .insert(activityRegistration)
              .values({ ...values, occasionId: o.id, personId: p.id })
              .returning();
        if (!row) throw new Error('registration not written');
        out.push({ personId: p.id, name: p.name, state: values.state, position: null, registrationId: row.id });
      }
      const waiting = out.filter((r) => r.state === 'waitlisted');
      if (waiting.length) {
        const positions = await waitlistPositions(
          tx,
          o.id,
          waiting.map((w) => w.registrationId),
        );
        for (const w of waiting) w.position = positions.get(w.registrationId) ?? null;
      }
      const mails: Mail[] = [];
      for (const res of out) {
        const c = contacts.get(res.personId);
        if (!c?.email) continue;
        const r = { email: c.email, name: c.name };
        mails.push(
          res.state === 'registered'
            ? activityMails.registered(r, forMail(o, a.title), deps.publicUrl)
            : activityMails.waitlisted(r, forMail(o, a.title), res.position ?? 0, deps.publicUrl),
        );
      }
      await queueMail(tx, mails);
      await audit(
        tx,
        ctx,
        out.map((r) => ({
          action: 'activity_registration.create',
          entityType: 'activity_registration',
          entityId: r.registrationId,
          organisationId: persons.find((p) => p.id === r.personId)?.organisationId ?? null,
        })),
      );
      return out;
    });
  });
  await deliver(deps);
  return results.map(({ registrationId: _r, ...r }) => r);
}

/** Places on the waiting list (1 = next) of some waitlisted registrations: those waiting before them, plus one. */
async function waitlistPositions(db: Db, occasionId: string, ids: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({
      id: activityRegistration.id,
      position: sql<number>`(SELECT count(*)::int FROM ${activityRegistration} w WHERE w.occasion_id = ${occasionId}
        AND w.state = 'waitlisted' AND w.queue <= ${activityRegistration.queue})`,
    })
    .from(activityRegistration)
    .where(inArray(activityRegistration.id, ids));
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

/** A manager (or admin) registers persons of their scope; another municipality's person is "not among yours". */
export async function register(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  occasionId: string,
  personIds: string[],
): Promise<RegisterResult[]> {
  if (!can(ctx.actor, 'activities:register')) throw new ForbiddenError();
  const seen = new Set<string>();
  personIds.forEach((id, i) => {
    if (seen.has(id))
      throw new ValidationError([{ path: `personIds.${i}`, message: am.alreadyRegistered({ name: id }) }]);
    seen.add(id);
  });
  const found = await personsByIds(deps.db, ctx.actor, personIds);
  const persons = personIds.map((id, i) => {
    const p = found.get(id);
    if (!p || p.anonymised) throw new ValidationError([{ path: `personIds.${i}`, message: am.personNotFound() }]);
    return { id, organisationId: p.organisationId, name: p.name };
  });
  return registerPersons(deps, ctx, occasionId, persons);
}

/** A signed-in employee registers themself, where the activity allows it. */
export async function registerSelf(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  occasionId: string,
): Promise<RegisterResult[]> {
  if (!can(ctx.actor, 'activities:register_self')) throw new ForbiddenError();
  const [row] = await deps.db
    .select({ selfRegistration: activity.selfRegistration })
    .from(activity)
    .innerJoin(activityOccasion, eq(activityOccasion.activityId, activity.id))
    .where(eq(activityOccasion.id, occasionId));
  if (!row) throw new NotFoundError(am.occasionNotFound());
  if (!row.selfRegistration) throw new ConflictError(am.selfRegistrationClosed());
  const me = await personOfUser(deps.db, ctx.actor.userId);
  if (!me) throw new ConflictError(am.noPersonRecord());
  return registerPersons(deps, ctx, occasionId, [{ id: me.id, organisationId: me.organisationId, name: me.name }]);
}

/** May the actor cancel this registration: the organiser, whoever may register the person, or the person. */
async function mayCancel(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  r: RegistrationRecord,
  a: typeof activity.$inferSelect,
) {
  if (await mayOrganise(deps.db, ctx.actor, a)) return true;
  if (can(ctx.actor, 'activities:register') && (await personsByIds(deps.db, ctx.actor, [r.personId])).has(r.personId)) {
    return true;
  }
  const me = ctx.actor.kind === 'user' ? await personOfUser(deps.db, ctx.actor.userId) : null;
  return me?.id === r.personId;
}

/** Cancels a registration; a freed seat goes to the first on the waiting list who may take it, who is told by mail. */
export async function cancelRegistration(deps: ActivitiesDeps, ctx: SignedInContext, registrationId: string) {
  const now = deps.now();
  const [r0] = await deps.db.select().from(activityRegistration).where(eq(activityRegistration.id, registrationId));
  if (!r0) throw new NotFoundError(am.registrationNotFound());
  const [o0] = await deps.db
    .select({ activityId: activityOccasion.activityId })
    .from(activityOccasion)
    .where(eq(activityOccasion.id, r0.occasionId));
  const a = await activityOf(deps.db, o0?.activityId ?? '');
  if (!(await mayCancel(deps, ctx, r0, a))) throw new NotFoundError(am.registrationNotFound());
  const promoted = await oneAtATime(r0.occasionId, () =>
    inTransaction(deps.db, async (tx) => {
      const o = await lockOccasion(tx, r0.occasionId);
      if (!o) throw new NotFoundError(am.occasionNotFound());
      const [r] = await tx.select().from(activityRegistration).where(eq(activityRegistration.id, registrationId));
      if (!r || r.state === 'cancelled') throw new ConflictError(am.alreadyCancelled());
      await tx
        .update(activityRegistration)
        .set({ state: 'cancelled', cancelledAt: now })
        .where(eq(activityRegistration.id, r.id));
      await queueMail(
        tx,
        await mailsTo(tx, [r.personId], (c) => activityMails.cancelled(c, forMail(o, a.title), deps.publicUrl)),
      );
      const moved = await fillSeats(tx, deps, o, a.title, now);
      await audit(tx, ctx, [
        {
          action: 'activity_registration.cancel',
          entityType: 'activity_registration',
          entityId: r.id,
          organisationId: r.organisationId,
        },
        ...moved.map((m) => ({
          action: 'activity_registration.promote',
          entityType: 'activity_registration',
          entityId: m.id,
          organisationId: m.organisationId,
        })),
      ]);
      return moved.length;
    }),
  );
  await deliver(deps);
  return { promoted };
}

/**
 * The organiser marks attendance: present (hours default to the occasion's length), partly present (hours
 * required) or absent (no hours). All rows are checked before any is written.
 */
export async function recordAttendance(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  occasionId: string,
  input: AttendanceInput,
) {
  const now = deps.now();
  await inTransaction(deps.db, async (tx) => {
    const { o, a } = await lockOrganisedOccasion(tx, ctx.actor, occasionId);
    if (o.status === 'cancelled') throw new ConflictError(am.cancelledOccasion());
    if (now < o.startsAt) throw new ConflictError(am.notStarted());
    const length = hoursBetween(o.startsAt, o.endsAt);
    const regs = await tx
      .select()
      .from(activityRegistration)
      .where(
        and(
          eq(activityRegistration.occasionId, o.id),
          inArray(
            activityRegistration.id,
            input.entries.map((e) => e.registrationId),
          ),
        ),
      );
    const byId = new Map(regs.map((r) => [r.id, r]));
    const updates = input.entries.map((e, i) => {
      const r = byId.get(e.registrationId);
      if (!r) throw new ValidationError([{ path: `entries.${i}.registrationId`, message: am.registrationNotFound() }]);
      if (r.state !== 'registered')
        throw new ValidationError([{ path: `entries.${i}.registrationId`, message: am.notRegistered() }]);
      let hours: number | null;
      if (e.attendance === 'absent') {
        if (e.hours !== null && e.hours !== 0)
          throw new ValidationError([{ path: `entries.${i}.hours`, message: am.hoursForAbsent() }]);
        hours = null;
      } else if (e.hours === null) {
        if (e.attendance === 'partial')
          throw new ValidationError([{ path: `entries.${i}.hours`, message: am.hoursRequired() }]);
        hours = length;
      } else {
        if (!Number.isFinite(e.hours) || e.hours <= 0 || e.hours > length) {
          throw new ValidationError([{ path: `entries.${i}.hours`, message: am.hoursInvalid({ max: length }) }]);
        }
        hours = Math.round(e.hours * 100) / 100;
      }
      return { id: r.id, attendance: e.attendance, hours };
    });
    for (const u of updates) {
      await tx
        .update(activityRegistration)
        .set({ attendance: u.attendance, hours: u.hours, attendanceBy: ctx.actor.userId, attendanceAt: now })
        .where(eq(activityRegistration.id, u.id));
    }
    await audit(tx, ctx, {
      action: 'activity_occasion.attendance',
      entityType: 'activity_occasion',
      entityId: o.id,
      organisationId: a.organiserId,
    });
  });
}
