// One order as its readers see it: the specification, the history, the occasions planned in the activities core with
// seats, attendance and cost shares per municipality, and the evaluation summed over its occasions. Attendance per
// municipality is a count of persons shown to other municipalities: it goes through the shared suppression (a count
// below k is "..", and a cost split per attending participant is hidden with it, since it would give it away).
import { eq } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { publishCounts, SUPPRESSED_TOKEN } from '../../platform/server/suppression/publish-counts.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import {
  likertCounts,
  participations,
  sourceOccasions,
  standardLikertQuestions,
} from '../activities/activities-lookup.service.ts';
import { splitCost, withVat } from './apportion.ts';
import { keyWeights } from './keys.ts';
import {
  isOrderBroker,
  type OrderRow,
  orderParticipants,
  orderSummaries,
  SOURCE_MODULE,
  visibleOrder,
} from './orders.service.ts';
import type { OrderDetail } from './training-plan.contracts.ts';
import { trainingPlanNeed, trainingPlanOccasion, trainingPlanOrderEvent } from './training-plan.table.ts';
import { mayCoordinate, names, type TrainingPlanDeps } from './training-plan-scope.ts';

export type OrderFigures = {
  occasions: Awaited<ReturnType<typeof sourceOccasions>>;
  prices: Map<string, { price: number; vatRate: number; seatKey: OrderRow['costKey'] | string }>;
  participants: Awaited<ReturnType<typeof orderParticipants>>;
  /** Per municipality: reserved seats (all occasions), attended (present or partly), cost share in kronor. */
  perMunicipality: Map<string, { seats: number; attended: number; cost: number }>;
  totalCost: number;
};

/** Seats, attendance and cost shares of one order (cost split occasion by occasion and added up). */
export async function orderFigures(deps: TrainingPlanDeps, order: OrderRow): Promise<OrderFigures> {
  const [occasions, priced, participants, attendance, [need]] = await Promise.all([
    sourceOccasions(deps.db, { sourceModule: SOURCE_MODULE, sourceRecordIds: [order.id] }),
    deps.db.select().from(trainingPlanOccasion).where(eq(trainingPlanOccasion.orderId, order.id)),
    orderParticipants(deps, [order.id]),
    participations(deps.db, { sourceModule: SOURCE_MODULE, sourceRecordIds: [order.id] }),
    deps.db.select().from(trainingPlanNeed).where(eq(trainingPlanNeed.id, order.needId)),
  ]);
  const prices = new Map(priced.map((p) => [p.occasionId, p]));
  const per = new Map(participants.map((p) => [p.organisationId, { seats: 0, attended: 0, cost: 0 }]));
  let totalCost = 0;
  for (const o of occasions) {
    const attendedHere = new Map<string, number>();
    for (const a of attendance) {
      if (a.occasionId !== o.id || (a.attendance !== 'present' && a.attendance !== 'partial')) continue;
      attendedHere.set(a.organisationId, (attendedHere.get(a.organisationId) ?? 0) + 1);
    }
    for (const [org, n] of o.seats) {
      const m = per.get(org);
      if (m) m.seats += n;
    }
    for (const [org, n] of attendedHere) {
      const m = per.get(org);
      if (m) m.attended += n;
    }
    const price = prices.get(o.id);
    if (!price || o.status === 'cancelled') continue;
    const cost = withVat(price.price, price.vatRate, order.withVat);
    totalCost += cost;
    // Per attending participant before anyone is marked: by reserved seats (the same for every key that needs data
    // not yet there); population and headcount come from the published statistics.
    const key = order.costKey === 'attending' && attendedHere.size === 0 ? 'seats' : order.costKey;
    const weights = await keyWeights(
      deps,
      key,
      participants,
      need?.targetProfessions ?? [],
      'costKey',
      key === 'attending' ? attendedHere : o.seats,
    ).catch(() => keyWeights(deps, 'seats', participants, [], 'costKey', o.seats));
    const shares =
      splitCost(cost, weights) ??
      splitCost(
        cost,
        participants.map((p) => ({ id: p.organisationId, weight: 1 })),
      );
    for (const s of shares ?? []) {
      const m = per.get(s.id);
      if (m) m.cost += s.amount;
    }
  }
  return { occasions, prices, participants, perMunicipality: per, totalCost };
}

/** Whether the actor sees every municipality's attendance as it is: the coordinator, the region, the order's broker. */
export const seesAll = (actor: Actor, order: OrderRow, cycle: { coordinatorUserId: string | null }) =>
  mayCoordinate(actor, cycle) || isOrderBroker(actor, order);

export async function orderDetail(deps: TrainingPlanDeps, ctx: SignedInContext, id: string): Promise<OrderDetail> {
  const { actor } = ctx;
  const { order, cycle } = await visibleOrder(deps, actor, id);
  const [[summary], events, figures] = await Promise.all([
    orderSummaries(deps, [order]),
    deps.db
      .select()
      .from(trainingPlanOrderEvent)
      .where(eq(trainingPlanOrderEvent.orderId, id))
      .orderBy(trainingPlanOrderEvent.at),
    orderFigures(deps, order),
  ]);
  const n = await names(deps.db, { users: events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])) });
  const all = seesAll(actor, order, cycle);
  const rows = figures.participants;
  const published = publishCounts(
    {
      cells: [
        ...rows.map((r) => ({
          id: r.organisationId,
          value: figures.perMunicipality.get(r.organisationId)?.attended ?? 0,
        })),
        {
          id: 'total',
          value: rows.reduce((s, r) => s + (figures.perMunicipality.get(r.organisationId)?.attended ?? 0), 0),
        },
      ],
      groups: [{ total: 'total', parts: rows.map((r) => r.organisationId) }],
    },
    {
      minCount: deps.minCount,
      known: new Set(all ? [...rows.map((r) => r.organisationId), 'total'] : [actor.organisationId]),
    },
  );
  const occasionIds = figures.occasions.map((o) => o.id);
  const likert = await likertCounts(deps.db, occasionIds);
  const questions = standardLikertQuestions().map((q) => {
    const c = likert.counts.get(q.id) ?? [];
    const answered = c.reduce((s, x) => s + x, 0);
    const mean = answered >= deps.minCount ? c.reduce((s, x, i) => s + x * (i + 1), 0) / answered : null;
    return {
      id: q.id,
      text: actor.locale === 'en' ? q.textEn : q.text,
      mean: mean === null ? null : Math.round(mean * 10) / 10,
    };
  });
  return {
    ...(summary as NonNullable<typeof summary>),
    goal: order.goal,
    content: order.content,
    targetGroup: order.targetGroup,
    contactName: order.contactName,
    contactEmail: order.contactEmail,
    costKey: order.costKey,
    withVat: order.withVat,
    activityId: order.activityId,
    events: events.map((e) => ({
      kind: e.kind,
      text: e.text,
      by: e.actorUserId ? (n.user.get(e.actorUserId) ?? null) : null,
      at: e.at.toISOString(),
    })),
    occasions: figures.occasions.map((o) => {
      const p = figures.prices.get(o.id);
      return {
        occasionId: o.id,
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
        place: o.place ?? o.onlineUrl,
        status: o.status,
        capacity: o.capacity,
        price: p?.price ?? 0,
        vatRate: p?.vatRate ?? 0,
        seatKey: (p?.seatKey ?? 'participants') as 'participants',
        invited: o.invited,
        answered: o.answered,
      };
    }),
    municipalities: rows.map((r) => {
      const m = figures.perMunicipality.get(r.organisationId);
      const attended = published.values.get(r.organisationId) ?? null;
      return {
        organisation: { id: r.organisationId, name: r.name },
        participants: r.participants,
        seats: m?.seats ?? 0,
        attended,
        cost: attended === SUPPRESSED_TOKEN && order.costKey === 'attending' ? SUPPRESSED_TOKEN : (m?.cost ?? 0),
      };
    }),
    totalCost: figures.totalCost,
    evaluation: {
      minCount: deps.minCount,
      invited: figures.occasions.reduce((s, o) => s + o.invited, 0),
      answered: figures.occasions.reduce((s, o) => s + o.answered, 0),
      questions,
    },
    can: {
      answer: isOrderBroker(actor, order) && order.status === 'sent',
      plan: isOrderBroker(actor, order) && order.status === 'accepted',
      coordinate: mayCoordinate(actor, cycle),
    },
  };
}
