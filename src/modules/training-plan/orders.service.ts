// Orders (beställningar, decision 022): a decided need becomes an order to a broker — a municipality's education
// brokers or an external provider answering through its own sign-in. The broker accepts, asks a question or declines;
// an accepted order gets its occasions planned in the shared activities core, with seats per municipality by a key.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user, userRole } from '../../platform/server/auth.table.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import { fromStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { createSourceOccasion } from '../activities/activities-lookup.service.ts';
import { largestRemainder } from './apportion.ts';
import { movePhase } from './cycles.service.ts';
import { keyWeights } from './keys.ts';
import { orderDetail } from './order-view.ts';
import { decidedNeedIds } from './rankings.service.ts';
import type { OccasionPlanInput, OrderInput } from './training-plan.contracts.ts';
import { trainingPlanMessages as tm } from './training-plan.messages.ts';
import {
  trainingPlanContribution,
  trainingPlanCycle,
  trainingPlanNeed,
  trainingPlanOccasion,
  trainingPlanOrder,
  trainingPlanOrderEvent,
  trainingPlanOrderParticipants,
  trainingPlanProvider,
} from './training-plan.table.ts';
import { assertCoordinator, cycleTitle, mayCoordinate, names, type TrainingPlanDeps } from './training-plan-scope.ts';

export const SOURCE_MODULE = 'training-plan';
export type OrderRow = typeof trainingPlanOrder.$inferSelect;

/** Organisations that may receive orders: municipalities with an active broker, and external providers. */
export async function brokerOrganisations(deps: TrainingPlanDeps) {
  const [withBrokers, providers] = await Promise.all([
    deps.db
      .selectDistinct({ id: organisation.id, name: organisation.name, kind: organisation.kind })
      .from(organisation)
      .innerJoin(user, and(eq(user.organisationId, organisation.id), eq(user.active, true)))
      .innerJoin(userRole, and(eq(userRole.userId, user.id), eq(userRole.role, 'broker')))
      .where(and(eq(organisation.kind, 'municipality'), eq(organisation.active, true))),
    deps.db
      .select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
      .from(trainingPlanProvider)
      .innerJoin(organisation, eq(organisation.id, trainingPlanProvider.organisationId))
      .where(eq(organisation.active, true)),
  ]);
  return [...withBrokers, ...providers].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The order, if the actor may see it: an external provider only its own orders (else 404), others need read. */
export async function visibleOrder(deps: TrainingPlanDeps, actor: Actor, id: string) {
  const [order] = await deps.db.select().from(trainingPlanOrder).where(eq(trainingPlanOrder.id, id));
  if (!order) throw new NotFoundError(tm.orderNotFound());
  if (actor.organisationKind === 'provider') {
    if (order.brokerOrganisationId !== actor.organisationId) throw new NotFoundError(tm.orderNotFound());
  } else {
    authorize(actor, 'training_plan:read');
  }
  const [cycle] = await deps.db.select().from(trainingPlanCycle).where(eq(trainingPlanCycle.id, order.cycleId));
  if (!cycle) throw new NotFoundError(tm.cycleNotFound());
  return { order, cycle };
}

/** The order's broker: a broker of the organisation it is addressed to. */
export const isOrderBroker = (actor: Actor, order: Pick<OrderRow, 'brokerOrganisationId'>) =>
  actor.roles.includes('broker') && actor.organisationId === order.brokerOrganisationId;

export async function listOrders(deps: TrainingPlanDeps, ctx: SignedInContext) {
  const { actor } = ctx;
  if (actor.organisationKind !== 'provider') authorize(actor, 'training_plan:read');
  const rows = await deps.db
    .select()
    .from(trainingPlanOrder)
    .where(
      actor.organisationKind === 'provider'
        ? eq(trainingPlanOrder.brokerOrganisationId, actor.organisationId)
        : undefined,
    )
    .orderBy(desc(trainingPlanOrder.createdAt));
  return { orders: await orderSummaries(deps, rows) };
}

export async function orderSummaries(deps: TrainingPlanDeps, rows: OrderRow[]) {
  if (rows.length === 0) return [];
  const cycles = await deps.db
    .select()
    .from(trainingPlanCycle)
    .where(inArray(trainingPlanCycle.id, [...new Set(rows.map((r) => r.cycleId))]));
  const n = await names(deps.db, {
    organisations: rows.map((r) => r.brokerOrganisationId),
    networks: cycles.map((c) => c.networkId),
  });
  return rows.map((r) => {
    const c = cycles.find((x) => x.id === r.cycleId);
    const broker = n.organisation.get(r.brokerOrganisationId);
    return {
      id: r.id,
      cycleId: r.cycleId,
      cycleTitle: c ? cycleTitle(c.year, n.network.get(c.networkId) ?? '') : '',
      needId: r.needId,
      title: r.title,
      broker: { id: r.brokerOrganisationId, name: broker?.name ?? '', kind: broker?.kind ?? 'municipality' },
      status: r.status,
      wantedFrom: r.wantedFrom,
      wantedTo: r.wantedTo,
      budgetCeiling: r.budgetCeiling,
    };
  });
}

/** Orders a decided need from a broker; participants per municipality default to the need's contributions. */
export async function createOrder(deps: TrainingPlanDeps, ctx: SignedInContext, input: OrderInput) {
  const { actor } = ctx;
  authorize(actor, 'training_plan:read');
  const [need] = await deps.db.select().from(trainingPlanNeed).where(eq(trainingPlanNeed.id, input.needId));
  if (!need) throw new ValidationError([{ path: 'needId', message: tm.needNotFound() }]);
  const [cycle] = await deps.db.select().from(trainingPlanCycle).where(eq(trainingPlanCycle.id, need.cycleId));
  if (!cycle) throw new NotFoundError(tm.cycleNotFound());
  assertCoordinator(actor, cycle);
  if (!(await decidedNeedIds(deps, [need.id])).has(need.id)) {
    throw new ConflictError(tm.needNotDecided());
  }
  const brokers = await brokerOrganisations(deps);
  if (!brokers.some((b) => b.id === input.brokerOrganisationId)) {
    throw new ValidationError([{ path: 'brokerOrganisationId', message: tm.brokerUnknown() }]);
  }
  let participants = input.participants;
  if (!participants) {
    const contributions = await deps.db
      .select()
      .from(trainingPlanContribution)
      .where(eq(trainingPlanContribution.needId, need.id));
    participants = contributions.map((c) => ({
      organisationId: c.organisationId,
      participants: c.expectedParticipants,
    }));
  } else if (participants.length) {
    const ids = participants.map((p) => p.organisationId);
    const known = await deps.db
      .select({ id: organisation.id })
      .from(organisation)
      .where(and(inArray(organisation.id, ids), eq(organisation.kind, 'municipality')));
    if (known.length !== new Set(ids).size) {
      throw new ValidationError([{ path: 'participants', message: tm.participantsMunicipality() }]);
    }
  }
  const id = await inTransaction(deps.db, async (tx) => {
    const [exists] = await tx
      .select({ id: trainingPlanOrder.id })
      .from(trainingPlanOrder)
      .where(eq(trainingPlanOrder.needId, need.id));
    if (exists) throw new ConflictError(tm.orderExists());
    const { participants: _p, ...fields } = input;
    const [order] = await tx
      .insert(trainingPlanOrder)
      .values({ ...fields, cycleId: cycle.id, status: 'sent', createdBy: actor.userId })
      .returning({ id: trainingPlanOrder.id });
    if (!order) throw new Error('order not written');
    const rows = (participants ?? []).filter((p) => p.participants > 0);
    if (rows.length) {
      await tx.insert(trainingPlanOrderParticipants).values(rows.map((p) => ({ ...p, orderId: order.id })));
    }
    await tx.insert(trainingPlanOrderEvent).values({ orderId: order.id, kind: 'sent', actorUserId: actor.userId });
    if (cycle.phase === 'decided') await movePhase(tx, ctx, cycle, 'ordered');
    await audit(tx, ctx, {
      action: 'training_plan_order.create',
      entityType: 'training_plan_order',
      entityId: order.id,
      organisationId: input.brokerOrganisationId,
    });
    return order.id;
  });
  return orderDetail(deps, ctx, id);
}

/** The broker accepts, asks a question or declines (with a reason). Only the order's own broker. */
export async function answerOrder(
  deps: TrainingPlanDeps,
  ctx: SignedInContext,
  id: string,
  input: { kind: 'accept' | 'question' | 'decline'; text: string },
) {
  const { actor } = ctx;
  authorize(actor, 'training_plan:broker');
  const { order } = await visibleOrder(deps, actor, id);
  if (!isOrderBroker(actor, order)) throw new ForbiddenError(tm.notOrderBroker());
  if (order.status !== 'sent') throw new ConflictError(tm.orderAnswered({ status: order.status }));
  const status = input.kind === 'accept' ? 'accepted' : input.kind === 'decline' ? 'declined' : 'question';
  const kind = input.kind === 'accept' ? 'accepted' : input.kind === 'decline' ? 'declined' : 'question';
  await inTransaction(deps.db, async (tx) => {
    await tx.update(trainingPlanOrder).set({ status, updatedAt: new Date() }).where(eq(trainingPlanOrder.id, id));
    await tx.insert(trainingPlanOrderEvent).values({ orderId: id, kind, text: input.text, actorUserId: actor.userId });
    await audit(tx, ctx, {
      action: `training_plan_order.${input.kind}`,
      entityType: 'training_plan_order',
      entityId: id,
      organisationId: order.brokerOrganisationId,
    });
  });
  return orderDetail(deps, ctx, id);
}

/** The coordinator answers the broker's question; the order is with the broker again. */
export async function replyToQuestion(deps: TrainingPlanDeps, ctx: SignedInContext, id: string, text: string) {
  const { order, cycle } = await visibleOrder(deps, ctx.actor, id);
  assertCoordinator(ctx.actor, cycle);
  if (order.status !== 'question') throw new ConflictError(tm.noQuestion());
  await inTransaction(deps.db, async (tx) => {
    await tx
      .update(trainingPlanOrder)
      .set({ status: 'sent', updatedAt: new Date() })
      .where(eq(trainingPlanOrder.id, id));
    await tx
      .insert(trainingPlanOrderEvent)
      .values({ orderId: id, kind: 'answer', text, actorUserId: ctx.actor.userId });
    await audit(tx, ctx, { action: 'training_plan_order.reply', entityType: 'training_plan_order', entityId: id });
  });
  return orderDetail(deps, ctx, id);
}

/** The coordinator chooses the cost key and whether VAT is included. */
export async function setCost(
  deps: TrainingPlanDeps,
  ctx: SignedInContext,
  id: string,
  input: { costKey: OrderRow['costKey']; withVat: boolean },
) {
  const { cycle } = await visibleOrder(deps, ctx.actor, id);
  assertCoordinator(ctx.actor, cycle);
  await inTransaction(deps.db, async (tx) => {
    await tx
      .update(trainingPlanOrder)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(trainingPlanOrder.id, id));
    await audit(tx, ctx, { action: 'training_plan_order.cost', entityType: 'training_plan_order', entityId: id });
  });
  return orderDetail(deps, ctx, id);
}

const instant = (v: string) => (/[zZ]|[+-]\d{2}:\d{2}$/.test(v) ? new Date(v) : fromStockholmLocal(v));

/** The order's participants per municipality (municipalities with at least one). */
export async function orderParticipants(deps: TrainingPlanDeps, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return deps.db
    .select({
      orderId: trainingPlanOrderParticipants.orderId,
      organisationId: trainingPlanOrderParticipants.organisationId,
      participants: trainingPlanOrderParticipants.participants,
      name: organisation.name,
    })
    .from(trainingPlanOrderParticipants)
    .innerJoin(organisation, eq(organisation.id, trainingPlanOrderParticipants.organisationId))
    .where(inArray(trainingPlanOrderParticipants.orderId, orderIds))
    .orderBy(asc(organisation.name));
}

/** The broker plans an occasion of an accepted order: seats per municipality by the key sum exactly to the capacity. */
export async function planOccasion(deps: TrainingPlanDeps, ctx: SignedInContext, id: string, input: OccasionPlanInput) {
  const { actor } = ctx;
  authorize(actor, 'training_plan:broker');
  const { order, cycle } = await visibleOrder(deps, actor, id);
  if (!isOrderBroker(actor, order)) throw new ForbiddenError(tm.notOrderBroker());
  if (order.status !== 'accepted') throw new ConflictError(tm.orderNotAccepted());
  const startsAt = instant(input.startsAt);
  const endsAt = instant(input.endsAt);
  const deadline = instant(input.registrationDeadline);
  const release = input.seatsReleaseAt ? instant(input.seatsReleaseAt) : null;
  const bad = (path: string) => new ValidationError([{ path, message: tm.dateTimeOrder() }]);
  if (!startsAt || Number.isNaN(startsAt.getTime())) throw bad('startsAt');
  if (!endsAt || Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) throw bad('endsAt');
  if (!deadline || Number.isNaN(deadline.getTime()) || deadline > startsAt) throw bad('registrationDeadline');
  if (input.seatsReleaseAt && (!release || Number.isNaN(release.getTime()) || release > startsAt)) {
    throw bad('seatsReleaseAt');
  }
  const onlineUrl = input.onlineUrl || null;
  if (onlineUrl && !/^https:\/\/\S+$/.test(onlineUrl)) {
    throw new ValidationError([{ path: 'onlineUrl', message: tm.placeRequired() }]);
  }
  if (!input.place && !onlineUrl) throw new ValidationError([{ path: 'place', message: tm.placeRequired() }]);
  const [need] = await deps.db.select().from(trainingPlanNeed).where(eq(trainingPlanNeed.id, order.needId));
  const participants = await orderParticipants(deps, [id]);
  const weights = await keyWeights(deps, input.seatKey, participants, need?.targetProfessions ?? [], 'seatKey');
  const seats = largestRemainder(input.capacity, weights);
  if (!seats) throw new ValidationError([{ path: 'seatKey', message: tm.keyEmpty() }]);
  const seated = [...seats.values()].reduce((s, x) => s + x, 0);
  if (seated !== input.capacity) {
    throw new ValidationError([
      { path: 'capacity', message: tm.seatsMismatch({ seats: seated, capacity: input.capacity }) },
    ]);
  }
  const made = await createSourceOccasion(deps.db, ctx, {
    sourceModule: SOURCE_MODULE,
    sourceRecordId: id,
    title: order.title,
    description: order.goal,
    organiserId: order.brokerOrganisationId,
    networkId: cycle.networkId,
    targetProfessions: need?.targetProfessions ?? [],
    startsAt,
    endsAt,
    place: input.place || null,
    onlineUrl,
    capacity: input.capacity,
    registrationDeadline: deadline,
    seatsReleaseAt: release,
    seats: [...seats].map(([organisationId, n]) => ({ organisationId, seats: n })),
  });
  await inTransaction(deps.db, async (tx) => {
    await tx.insert(trainingPlanOccasion).values({
      occasionId: made.occasionId,
      orderId: id,
      price: input.price,
      vatRate: input.vatRate,
      seatKey: input.seatKey,
      createdBy: actor.userId,
    });
    await tx
      .update(trainingPlanOrder)
      .set({ activityId: made.activityId, updatedAt: new Date() })
      .where(eq(trainingPlanOrder.id, id));
    await audit(tx, ctx, {
      action: 'training_plan_order.plan_occasion',
      entityType: 'training_plan_order',
      entityId: id,
      organisationId: order.brokerOrganisationId,
    });
  });
  return orderDetail(deps, ctx, id);
}

/** The coordinator marks a delivered order (its occasions held). */
export async function markDelivered(deps: TrainingPlanDeps, ctx: SignedInContext, id: string) {
  const { order, cycle } = await visibleOrder(deps, ctx.actor, id);
  if (!mayCoordinate(ctx.actor, cycle) && !isOrderBroker(ctx.actor, order))
    throw new ForbiddenError(tm.notCoordinator());
  if (order.status !== 'accepted') throw new ConflictError(tm.orderNotAccepted());
  await inTransaction(deps.db, async (tx) => {
    await tx
      .update(trainingPlanOrder)
      .set({ status: 'delivered', updatedAt: new Date() })
      .where(eq(trainingPlanOrder.id, id));
    await tx.insert(trainingPlanOrderEvent).values({ orderId: id, kind: 'delivered', actorUserId: ctx.actor.userId });
    await audit(tx, ctx, { action: 'training_plan_order.delivered', entityType: 'training_plan_order', entityId: id });
  });
  return orderDetail(deps, ctx, id);
}
