// Changing activities and their occasions (decision 019): create and change them (the organiser), with seats per
// municipality, and their status — opened, paused, cancelled (everyone registered is told) or held. Reading them is
// in occasion-views.service.ts.
import { and, eq, inArray } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { queueMail } from '../../platform/server/mail-outbox.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import { can } from '../../platform/server/policy.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import { contactsOf } from '../people/people-lookup.service.ts';
import type { ActivityInput, ActivityUpdate, OccasionInput, OccasionStatusInput } from './activities.contracts.ts';
import { activitiesMessages as am } from './activities.messages.ts';
import { activity, activityOccasion, activityRegistration, activitySeat, surveyTemplate } from './activities.table.ts';
import { activityMails } from './activities-mail.ts';
import { type ActivitiesDeps, countsByMunicipality, lockOrganisedOccasion, mayOrganise } from './activities-scope.ts';
import { getActivity, occasionDetail, professionNames, summaryOf } from './occasion-views.service.ts';
import { deliver, fillSeats } from './registrations.service.ts';
import { openSeatCount } from './seats.ts';
import { ensureStandardTemplate } from './surveys.service.ts';

async function checkReferences(deps: ActivitiesDeps, input: Partial<ActivityInput>) {
  if (input.targetProfessions?.length) {
    const known = await professionNames(deps);
    input.targetProfessions.forEach((key, i) => {
      if (!known.has(key))
        throw new ValidationError([{ path: `targetProfessions.${i}`, message: am.professionUnknown({ key }) }]);
    });
  }
  if (input.networkId) {
    const [n] = await deps.db.select({ id: network.id }).from(network).where(eq(network.id, input.networkId));
    if (!n) throw new ValidationError([{ path: 'networkId', message: am.networkUnknown() }]);
  }
  if (input.surveyTemplateId) {
    const [t] = await deps.db
      .select({ id: surveyTemplate.id, organisationId: surveyTemplate.organisationId })
      .from(surveyTemplate)
      .where(eq(surveyTemplate.id, input.surveyTemplateId));
    if (!t) throw new ValidationError([{ path: 'surveyTemplateId', message: am.templateUnknown() }]);
  }
}

/** Creates an activity for the caller's organisation (or, for the region, a municipality it names), audited. */
export async function createActivity(deps: ActivitiesDeps, ctx: SignedInContext, input: ActivityInput) {
  const { actor } = ctx;
  const organiserId = input.organiserId ?? actor.organisationId;
  const [org] = await deps.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.id, organiserId));
  if (!org) throw new ValidationError([{ path: 'organiserId', message: am.municipalityUnknown() }]);
  const allowed =
    can(actor, 'activities:organise', { organisationId: organiserId }) ||
    (input.networkId !== null &&
      organiserId !== actor.organisationId &&
      (await mayOrganise(deps.db, actor, { id: '', organiserId, networkId: input.networkId, createdBy: null })));
  if (!allowed) throw new ForbiddenError();
  await checkReferences(deps, input);
  const template =
    input.surveyTemplateId === undefined ? (await ensureStandardTemplate(deps.db)).id : input.surveyTemplateId;
  const row = await inTransaction(deps.db, async (tx) => {
    const [created] = await tx
      .insert(activity)
      .values({
        title: input.title,
        description: input.description,
        kind: input.kind,
        organiserId,
        networkId: input.networkId,
        targetProfessions: input.targetProfessions,
        selfRegistration: input.selfRegistration,
        surveyTemplateId: template,
        sourceModule: input.sourceModule ?? null,
        sourceRecordId: input.sourceRecordId ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error('activity not written');
    await audit(tx, ctx, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: created.id,
      organisationId: organiserId,
    });
    return created;
  });
  return summaryOf(deps, actor, row);
}

async function organisedActivity(deps: ActivitiesDeps, actor: Actor, id: string) {
  const a = await getActivity(deps.db, id);
  if (!(await mayOrganise(deps.db, actor, a))) throw new ForbiddenError(am.notOrganiser());
  return a;
}

export async function updateActivity(deps: ActivitiesDeps, ctx: SignedInContext, id: string, input: ActivityUpdate) {
  await organisedActivity(deps, ctx.actor, id);
  await checkReferences(deps, input);
  const row = await inTransaction(deps.db, async (tx) => {
    const [updated] = await tx
      .update(activity)
      .set({ ...input, updatedAt: deps.now() })
      .where(eq(activity.id, id))
      .returning();
    if (!updated) throw new NotFoundError(am.activityNotFound());
    await audit(tx, ctx, {
      action: 'activity.update',
      entityType: 'activity',
      entityId: id,
      organisationId: updated.organiserId,
    });
    return updated;
  });
  return summaryOf(deps, ctx.actor, row);
}

async function checkSeatOrganisations(db: Db, input: OccasionInput) {
  if (input.seats.length === 0) return;
  const rows = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(
      and(
        inArray(
          organisation.id,
          input.seats.map((s) => s.organisationId),
        ),
        eq(organisation.kind, 'municipality'),
      ),
    );
  const known = new Set(rows.map((r) => r.id));
  input.seats.forEach((s, i) => {
    if (!known.has(s.organisationId))
      throw new ValidationError([{ path: `seats.${i}.organisationId`, message: am.municipalityUnknown() }]);
  });
  const total = input.seats.reduce((n, s) => n + s.seats, 0);
  if (total > input.capacity) {
    throw new ValidationError([
      { path: 'seats', message: am.seatsOverCapacity({ seats: total, capacity: input.capacity }) },
    ]);
  }
}

const occasionValues = (input: OccasionInput) => ({
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  place: input.place,
  onlineUrl: input.onlineUrl,
  capacity: input.capacity,
  registrationDeadline: input.registrationDeadline,
  seatsReleaseAt: input.seatsReleaseAt,
});

export async function createOccasion(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  activityId: string,
  input: OccasionInput,
) {
  const a = await organisedActivity(deps, ctx.actor, activityId);
  await checkSeatOrganisations(deps.db, input);
  const id = await inTransaction(deps.db, async (tx) => {
    const [o] = await tx
      .insert(activityOccasion)
      .values({ ...occasionValues(input), activityId, status: input.status })
      .returning();
    if (!o) throw new Error('occasion not written');
    if (input.seats.length) {
      await tx
        .insert(activitySeat)
        .values(input.seats.map((s) => ({ occasionId: o.id, organisationId: s.organisationId, seats: s.seats })));
    }
    await audit(tx, ctx, {
      action: 'activity_occasion.create',
      entityType: 'activity_occasion',
      entityId: o.id,
      organisationId: a.organiserId,
    });
    return o.id;
  });
  return occasionDetail(deps, ctx, id);
}

/** Changes an occasion's time, place, capacity and seats; never below what is registered. Registered are told. */
export async function updateOccasion(deps: ActivitiesDeps, ctx: SignedInContext, id: string, input: OccasionInput) {
  const now = deps.now();
  await checkSeatOrganisations(deps.db, input);
  await inTransaction(deps.db, async (tx) => {
    const { o, a } = await lockOrganisedOccasion(tx, ctx.actor, id);
    if (o.status === 'cancelled' || o.status === 'held') {
      throw new ConflictError(am.statusChange({ from: o.status, to: o.status }));
    }
    const counts = (await countsByMunicipality(tx, [id])).get(id) ?? new Map();
    const registered = [...counts.values()].reduce((n, c) => n + c.registered, 0);
    if (input.capacity < registered) {
      throw new ValidationError([{ path: 'capacity', message: am.seatsBelowRegistered({ registered }) }]);
    }
    // Registrations beyond a municipality's (new) reservation use open seats; there must be enough of them.
    const allocations = new Map(input.seats.map((s) => [s.organisationId, s.seats]));
    let openUsed = 0;
    for (const [org, c] of counts) openUsed += Math.max(0, c.registered - (allocations.get(org) ?? 0));
    if (
      input.seats.length &&
      openUsed > openSeatCount({ capacity: input.capacity, allocations, registered: new Map(), released: false })
    ) {
      throw new ValidationError([{ path: 'seats', message: am.seatsBelowRegistered({ registered }) }]);
    }
    const [updated] = await tx
      .update(activityOccasion)
      .set({ ...occasionValues(input), updatedAt: now, status: o.status === 'planned' ? input.status : o.status })
      .where(eq(activityOccasion.id, id))
      .returning();
    if (!updated) throw new NotFoundError(am.occasionNotFound());
    await tx.delete(activitySeat).where(eq(activitySeat.occasionId, id));
    if (input.seats.length) {
      await tx
        .insert(activitySeat)
        .values(input.seats.map((s) => ({ occasionId: id, organisationId: s.organisationId, seats: s.seats })));
    }
    const moved =
      o.startsAt.getTime() !== updated.startsAt.getTime() ||
      o.endsAt.getTime() !== updated.endsAt.getTime() ||
      o.place !== updated.place ||
      o.onlineUrl !== updated.onlineUrl;
    if (moved) {
      const regs = await tx
        .select({ personId: activityRegistration.personId })
        .from(activityRegistration)
        .where(
          and(
            eq(activityRegistration.occasionId, id),
            inArray(activityRegistration.state, ['registered', 'waitlisted']),
          ),
        );
      const contacts = await contactsOf(
        tx,
        regs.map((r) => r.personId),
      );
      await queueMail(
        tx,
        [...contacts.values()].flatMap((c) =>
          c.email
            ? [activityMails.changed({ email: c.email, name: c.name }, { ...updated, title: a.title }, deps.publicUrl)]
            : [],
        ),
      );
    }
    await fillSeats(tx, deps, updated, a.title, now);
    await audit(tx, ctx, {
      action: 'activity_occasion.update',
      entityType: 'activity_occasion',
      entityId: id,
      organisationId: a.organiserId,
    });
  });
  await deliver(deps);
  return occasionDetail(deps, ctx, id);
}

const TRANSITIONS: Record<string, readonly string[]> = {
  planned: ['open', 'cancelled'],
  open: ['planned', 'cancelled', 'held'],
  cancelled: [],
  held: [],
};

/** Opens, pauses, cancels (with a reason; everyone registered or waiting is told) or marks an occasion as held. */
export async function setOccasionStatus(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  id: string,
  input: OccasionStatusInput,
) {
  const now = deps.now();
  await inTransaction(deps.db, async (tx) => {
    const { o, a } = await lockOrganisedOccasion(tx, ctx.actor, id);
    if (!TRANSITIONS[o.status]?.includes(input.status)) {
      throw new ConflictError(am.statusChange({ from: o.status, to: input.status }));
    }
    const active = await tx
      .select({ personId: activityRegistration.personId })
      .from(activityRegistration)
      .where(
        and(eq(activityRegistration.occasionId, id), inArray(activityRegistration.state, ['registered', 'waitlisted'])),
      );
    if (input.status === 'planned' && active.length > 0) {
      throw new ConflictError(am.statusChange({ from: o.status, to: input.status }));
    }
    if (input.status === 'held' && now < o.endsAt) throw new ConflictError(am.heldBeforeEnd());
    const reason = input.cancelReason?.trim() ?? '';
    if (input.status === 'cancelled' && !reason) {
      throw new ValidationError([{ path: 'cancelReason', message: am.cancelReasonRequired() }]);
    }
    await tx
      .update(activityOccasion)
      .set({ status: input.status, cancelReason: input.status === 'cancelled' ? reason : null, updatedAt: now })
      .where(eq(activityOccasion.id, id));
    if (input.status === 'cancelled') {
      const contacts = await contactsOf(
        tx,
        active.map((r) => r.personId),
      );
      await queueMail(
        tx,
        [...contacts.values()].flatMap((c) =>
          c.email
            ? [
                activityMails.occasionCancelled(
                  { email: c.email, name: c.name },
                  { ...o, title: a.title },
                  reason,
                  deps.publicUrl,
                ),
              ]
            : [],
        ),
      );
    }
    if (input.status === 'open') await fillSeats(tx, deps, { ...o, status: 'open' }, a.title, now);
    await audit(tx, ctx, {
      action: `activity_occasion.${input.status === 'cancelled' ? 'cancel' : 'status'}`,
      entityType: 'activity_occasion',
      entityId: id,
      organisationId: a.organiserId,
    });
  });
  await deliver(deps);
  return occasionDetail(deps, ctx, id);
}
