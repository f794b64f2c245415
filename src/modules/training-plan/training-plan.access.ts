// The joint training plan's role × route matrix (run by training-plan-access.test.ts, read by route-coverage.test.ts).
// Everyone signed in of the region reads cycles, needs, the aggregate, orders and the follow-up; the region's admin
// runs cycles and orders; a municipality's admin ranks for it (its manager only when named); managers and municipal
// admins submit needs; only the broker of the order's municipality (A) answers it and plans its occasions.
import { randomUUID } from 'node:crypto';
import { defineAccessMatrix, type Expect, type MatrixFixture } from '../../../tests/support/access-matrix.ts';

export type TrainingPlanFixture = {
  networkId: string;
  /** Open for needs (deadline ahead). */
  needsCycleId: string;
  /** In prioritisation, with two needs. */
  rankCycleId: string;
  rankNeedIds: string[];
  /** An order to A's brokers, sent. */
  orderId: string;
  /** Decided needs not yet ordered, taken one per call by cells that need a fresh order. */
  freeNeeds: string[];
  years: { next: number };
};

type Fx = TrainingPlanFixture & MatrixFixture;

const everyone = (status: number): Expect => ({ rest: status, signed_out: 401 });
const coordinator = (status: number): Expect => ({ rest: 403, regional_admin: status, signed_out: 401 });
const broker = (status: number): Expect => ({ rest: 403, broker: status, signed_out: 401 });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const need = (title: string, organisationId?: string) => ({
  title,
  expectedParticipants: 4,
  urgency: 2,
  rationale: 'Behövs (test)',
  ...(organisationId ? { organisationId } : {}),
});

async function cycle(fx: MatrixFixture & { networkId: string }, year: number, deadline = 20) {
  const res = await fx.admin({
    method: 'POST',
    url: '/api/training-plan/cycles',
    payload: {
      networkId: fx.networkId,
      year,
      needsDeadline: day(deadline),
      meetingDate: day(deadline + 5),
      forumDate: day(deadline + 10),
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().cycle.id as string;
}

async function addNeed(fx: MatrixFixture, cycleId: string, title = 'Behov') {
  const res = await fx.admin({
    method: 'POST',
    url: `/api/training-plan/cycles/${cycleId}/needs`,
    payload: need(`${title} ${randomUUID().slice(0, 6)}`, fx.a.id),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
}

const toPhase = (fx: MatrixFixture, cycleId: string, phase: string) =>
  fx.admin({ method: 'POST', url: `/api/training-plan/cycles/${cycleId}/phase`, payload: { phase } });

/** An order of a decided need to A's brokers (sent), optionally answered by A's broker. */
async function freshOrder(fx: Fx, answer?: 'accept' | 'question') {
  const needId = fx.freeNeeds.shift();
  if (!needId) throw new Error('no free decided need left');
  const res = await fx.admin({
    method: 'POST',
    url: '/api/training-plan/orders',
    payload: {
      needId,
      title: 'Beställning (test)',
      goal: 'Mål',
      wantedFrom: day(60),
      wantedTo: day(90),
      budgetCeiling: 10_000,
      contactName: 'Kontakt',
      contactEmail: 'kontakt@example.se',
      brokerOrganisationId: fx.a.id,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as string;
  if (answer) {
    await fx.as('broker')({
      method: 'POST',
      url: `/api/training-plan/orders/${id}/answer`,
      payload: { kind: answer, text: answer === 'question' ? 'När?' : '' },
    });
  }
  return id;
}

export const accessMatrix = defineAccessMatrix<TrainingPlanFixture>({
  module: 'training-plan',
  routePattern: /^\/api\/training-plan(\/|$)/,
  async setup(fx) {
    const net = await fx.admin({
      method: 'POST',
      url: '/api/networks',
      payload: { name: `Nätverk ${randomUUID().slice(0, 6)}`, kind: 'network' },
    });
    const networkId = net.json().id as string;
    const base = { ...fx, networkId };
    const needsCycleId = await cycle(base, 2030);
    const rankCycleId = await cycle(base, 2031);
    const rankNeedIds = [await addNeed(fx, rankCycleId), await addNeed(fx, rankCycleId)];
    await toPhase(fx, rankCycleId, 'prioritisation');
    // Enough decided needs for the calls that make an order (only the actor a cell lets through gets a fresh one).
    const orderCycleId = await cycle(base, 2032);
    const decided: string[] = [];
    for (let i = 0; i < 10; i++) decided.push(await addNeed(fx, orderCycleId, `Beslutat ${i}`));
    await toPhase(fx, orderCycleId, 'prioritisation');
    await fx.admin({
      method: 'POST',
      url: `/api/training-plan/cycles/${orderCycleId}/decision`,
      payload: { decidedOn: day(25), forum: 'Prioriteringsträff', needIds: decided },
    });
    const made: Fx = {
      ...fx,
      networkId,
      needsCycleId,
      rankCycleId,
      rankNeedIds,
      orderId: '',
      freeNeeds: decided,
      years: { next: 2040 },
    };
    made.orderId = await freshOrder(made);
    return {
      networkId,
      needsCycleId,
      rankCycleId,
      rankNeedIds,
      orderId: made.orderId,
      freeNeeds: made.freeNeeds,
      years: made.years,
    };
  },
  cells: [
    {
      name: 'form options',
      method: 'GET',
      url: '/api/training-plan/options',
      request: () => ({ method: 'GET', url: '/api/training-plan/options' }),
      expect: everyone(200),
    },
    {
      name: 'the cycles',
      method: 'GET',
      url: '/api/training-plan/cycles',
      request: () => ({ method: 'GET', url: '/api/training-plan/cycles' }),
      expect: everyone(200),
    },
    {
      name: 'start a cycle',
      method: 'POST',
      url: '/api/training-plan/cycles',
      request: (fx) => ({
        method: 'POST',
        url: '/api/training-plan/cycles',
        payload: {
          networkId: fx.networkId,
          year: fx.years.next++,
          needsDeadline: day(10),
          meetingDate: day(20),
          forumDate: day(30),
        },
      }),
      expect: coordinator(201),
    },
    {
      name: 'one cycle',
      method: 'GET',
      url: '/api/training-plan/cycles/:id',
      request: (fx) => ({ method: 'GET', url: `/api/training-plan/cycles/${fx.rankCycleId}` }),
      expect: everyone(200),
    },
    {
      name: 'move a cycle to the next phase',
      method: 'POST',
      url: '/api/training-plan/cycles/:id/phase',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/training-plan/cycles/${actor === 'regional_admin' ? await cycle(fx, fx.years.next++) : fx.needsCycleId}/phase`,
        payload: { phase: 'prioritisation' },
      }),
      expect: coordinator(200),
    },
    {
      name: 'submit a need',
      method: 'POST',
      url: '/api/training-plan/cycles/:id/needs',
      request: (fx) => ({
        method: 'POST',
        url: `/api/training-plan/cycles/${fx.needsCycleId}/needs`,
        payload: need('Nytt behov', fx.a.id),
      }),
      expect: {
        rest: 403,
        regional_admin: 201,
        municipal_admin: 201,
        manager: 201,
        other_municipal_admin: 201,
        signed_out: 401,
      },
    },
    {
      name: 'merge needs',
      method: 'POST',
      url: '/api/training-plan/cycles/:id/merge',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/training-plan/cycles/${fx.needsCycleId}/merge`,
        payload: {
          needIds:
            actor === 'regional_admin'
              ? [await addNeed(fx, fx.needsCycleId), await addNeed(fx, fx.needsCycleId)]
              : fx.rankNeedIds,
          title: 'Sammanslaget',
        },
      }),
      expect: coordinator(201),
    },
    {
      name: 'split a need',
      method: 'POST',
      url: '/api/training-plan/needs/:id/split',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/training-plan/needs/${actor === 'regional_admin' ? await addNeed(fx, fx.needsCycleId) : fx.rankNeedIds[0]}/split`,
        payload: { parts: [{ title: 'Del 1' }, { title: 'Del 2' }] },
      }),
      expect: coordinator(201),
    },
    {
      name: "cast the municipality's ranking",
      method: 'PUT',
      url: '/api/training-plan/cycles/:id/ranking',
      request: (fx) => ({
        method: 'PUT',
        url: `/api/training-plan/cycles/${fx.rankCycleId}/ranking`,
        payload: { needIds: fx.rankNeedIds, organisationId: fx.a.id },
      }),
      // The manager has not been named; B's admin ranks for B.
      expect: { rest: 403, regional_admin: 200, municipal_admin: 200, other_municipal_admin: 200, signed_out: 401 },
    },
    {
      name: 'name the manager who ranks',
      method: 'PUT',
      url: '/api/training-plan/cycles/:id/ranker',
      request: (fx) => ({
        method: 'PUT',
        url: `/api/training-plan/cycles/${fx.needsCycleId}/ranker`,
        payload: { userId: fx.sessions.manager.user?.id },
      }),
      // B's admin cannot name A's manager.
      expect: { rest: 403, municipal_admin: 200, other_municipal_admin: 400, signed_out: 401 },
    },
    {
      name: 'the aggregated ranking',
      method: 'GET',
      url: '/api/training-plan/cycles/:id/aggregate',
      request: (fx) => ({ method: 'GET', url: `/api/training-plan/cycles/${fx.rankCycleId}/aggregate` }),
      expect: everyone(200),
    },
    {
      name: 'how each municipality ranked',
      method: 'GET',
      url: '/api/training-plan/cycles/:id/aggregate/municipalities',
      request: (fx) => ({ method: 'GET', url: `/api/training-plan/cycles/${fx.rankCycleId}/aggregate/municipalities` }),
      expect: everyone(200),
    },
    {
      name: "the network's decision",
      method: 'POST',
      url: '/api/training-plan/cycles/:id/decision',
      request: async (fx, actor) => {
        if (actor !== 'regional_admin') {
          const body = { decidedOn: day(1), forum: 'Nätverksmöte', needIds: fx.rankNeedIds };
          return { method: 'POST', url: `/api/training-plan/cycles/${fx.rankCycleId}/decision`, payload: body };
        }
        const id = await cycle(fx, fx.years.next++);
        const needId = await addNeed(fx, id);
        await toPhase(fx, id, 'prioritisation');
        return {
          method: 'POST',
          url: `/api/training-plan/cycles/${id}/decision`,
          payload: { decidedOn: day(1), forum: 'Nätverksmöte', needIds: [needId] },
        };
      },
      expect: coordinator(200),
    },
    {
      name: 'the orders',
      method: 'GET',
      url: '/api/training-plan/orders',
      request: () => ({ method: 'GET', url: '/api/training-plan/orders' }),
      expect: everyone(200),
    },
    {
      name: 'order a decided need',
      method: 'POST',
      url: '/api/training-plan/orders',
      request: (fx, actor) => ({
        method: 'POST',
        url: '/api/training-plan/orders',
        payload: {
          // Only the coordinator's call uses up a decided need.
          needId: actor === 'regional_admin' ? fx.freeNeeds.shift() : fx.freeNeeds[0],
          title: 'Beställning',
          goal: 'Mål',
          wantedFrom: day(60),
          wantedTo: day(90),
          budgetCeiling: 10_000,
          contactName: 'Kontakt',
          contactEmail: 'kontakt@example.se',
          brokerOrganisationId: fx.a.id,
        },
      }),
      expect: coordinator(201),
    },
    {
      name: 'one order',
      method: 'GET',
      url: '/api/training-plan/orders/:id',
      request: (fx) => ({ method: 'GET', url: `/api/training-plan/orders/${fx.orderId}` }),
      expect: everyone(200),
    },
    {
      name: 'the broker answers',
      method: 'POST',
      url: '/api/training-plan/orders/:id/answer',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/training-plan/orders/${actor === 'broker' ? await freshOrder(fx) : fx.orderId}/answer`,
        payload: { kind: 'accept' },
      }),
      expect: broker(200),
    },
    {
      name: "the coordinator answers the broker's question",
      method: 'POST',
      url: '/api/training-plan/orders/:id/reply',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/training-plan/orders/${actor === 'regional_admin' ? await freshOrder(fx, 'question') : fx.orderId}/reply`,
        payload: { text: 'Vecka 12.' },
      }),
      expect: coordinator(200),
    },
    {
      name: 'the broker plans an occasion',
      method: 'POST',
      url: '/api/training-plan/orders/:id/occasions',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/training-plan/orders/${actor === 'broker' ? await freshOrder(fx, 'accept') : fx.orderId}/occasions`,
        payload: {
          startsAt: `${day(70)}T09:00`,
          endsAt: `${day(70)}T12:00`,
          registrationDeadline: `${day(65)}T12:00`,
          place: 'Skövde',
          capacity: 8,
          price: 5_000,
          seatKey: 'equal',
        },
      }),
      expect: broker(201),
    },
    {
      name: 'mark an order delivered',
      method: 'POST',
      url: '/api/training-plan/orders/:id/delivered',
      request: async (fx, actor) => ({
        method: 'POST',
        url: `/api/training-plan/orders/${actor === 'broker' || actor === 'regional_admin' ? await freshOrder(fx, 'accept') : fx.orderId}/delivered`,
      }),
      expect: { rest: 403, regional_admin: 200, broker: 200, signed_out: 401 },
    },
    {
      name: 'choose the cost key',
      method: 'PUT',
      url: '/api/training-plan/orders/:id/cost',
      request: (fx) => ({
        method: 'PUT',
        url: `/api/training-plan/orders/${fx.orderId}/cost`,
        payload: { costKey: 'seats', withVat: true },
      }),
      expect: coordinator(200),
    },
    {
      name: 'invoice basis (XLSX)',
      method: 'GET',
      url: '/api/training-plan/orders/:id/invoice.xlsx',
      request: (fx) => ({ method: 'GET', url: `/api/training-plan/orders/${fx.orderId}/invoice.xlsx` }),
      expect: { rest: 403, regional_admin: 200, broker: 200, signed_out: 401 },
    },
    {
      name: 'invoice basis (CSV)',
      method: 'GET',
      url: '/api/training-plan/orders/:id/invoice.csv',
      request: (fx) => ({ method: 'GET', url: `/api/training-plan/orders/${fx.orderId}/invoice.csv` }),
      expect: { rest: 403, regional_admin: 200, broker: 200, signed_out: 401 },
    },
    {
      name: 'external providers',
      method: 'GET',
      url: '/api/training-plan/providers',
      request: () => ({ method: 'GET', url: '/api/training-plan/providers' }),
      expect: everyone(200),
    },
    {
      name: 'register an external provider',
      method: 'POST',
      url: '/api/training-plan/providers',
      request: () => ({
        method: 'POST',
        url: '/api/training-plan/providers',
        payload: { name: `Högskola ${randomUUID().slice(0, 8)}`, contactName: 'Kim', contactEmail: 'kim@example.se' },
      }),
      expect: coordinator(201),
    },
    {
      name: 'the annual follow-up',
      method: 'GET',
      url: '/api/training-plan/follow-up',
      request: () => ({ method: 'GET', url: '/api/training-plan/follow-up?year=2031' }),
      expect: everyone(200),
    },
    {
      name: 'the annual follow-up (XLSX)',
      method: 'GET',
      url: '/api/training-plan/follow-up.xlsx',
      request: () => ({ method: 'GET', url: '/api/training-plan/follow-up.xlsx?year=2031' }),
      expect: everyone(200),
    },
    {
      name: 'the annual follow-up (PDF)',
      method: 'GET',
      url: '/api/training-plan/follow-up.pdf',
      request: () => ({ method: 'GET', url: '/api/training-plan/follow-up.pdf?year=2031' }),
      expect: everyone(200),
    },
  ],
});
