// The joint training plan through the API on one database: needs until the deadline, merge and split keeping every
// municipality's participants, one ranking per municipality (a second replaces the first, audited), the aggregate
// against a hand count, the decision, orders only for decided needs, a broker answering only its own orders (an
// external provider sees no other), an occasion's seats by the largest remainder summing to the capacity, the cost
// split to the krona with VAT, the invoice basis and the follow-up. Every bad input is refused with nothing changed.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import { staffingPublication } from '../staffing/publication.table.ts';
import { staffingPeriod } from '../staffing/staffing.table.ts';
import { trainingPlanNeed, trainingPlanOrder, trainingPlanRanking } from './training-plan.table.ts';

let t: TestApp;
type As = ReturnType<TestApp['as']>;
let admin: As;
let managerA: As;
let managerB: As;
let adminA: As;
let adminB: As;
let adminC: As;
let brokerA: As;
let brokerB: As;
let brokerP: As;
let a: Organisation;
let b: Organisation;
let c: Organisation;
let managerAId: string;
let networkId: string;
let cycleId: string;
let providerId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const need = (title: string, n: number, extra: object = {}) => ({
  title,
  expectedParticipants: n,
  urgency: 2,
  rationale: `Skäl för ${title}`,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Ahult' });
  b = await buildMunicipality(t.db, { name: 'Bstad' });
  c = await buildMunicipality(t.db, { name: 'Cby' });
  const [net] = await t.db
    .insert(network)
    .values({ name: 'Sjuksköterskechefsnätverket (test)', kind: 'network' })
    .returning({ id: network.id });
  networkId = net?.id ?? '';
  const [p] = await t.db.insert(organisation).values({ kind: 'provider', name: 'Högskolan (test)' }).returning();
  providerId = p?.id ?? '';
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    managerA: await buildUser(t.db, { role: 'manager', municipality: a }),
    managerB: await buildUser(t.db, { role: 'manager', municipality: b }),
    adminA: await buildUser(t.db, { role: 'municipal_admin', municipality: a }),
    adminB: await buildUser(t.db, { role: 'municipal_admin', municipality: b }),
    adminC: await buildUser(t.db, { role: 'municipal_admin', municipality: c }),
    brokerA: await buildUser(t.db, { role: 'broker', municipality: a }),
    brokerB: await buildUser(t.db, { role: 'broker', municipality: b }),
    brokerP: await buildUser(t.db, { role: 'broker', organisation: p }),
  };
  managerAId = users.managerA.id;
  let ip = 1;
  const sign = async (u: { email: string; password: string | null }) => t.as(await t.signIn(u, `10.60.0.${ip++}`));
  admin = await sign(users.admin);
  managerA = await sign(users.managerA);
  managerB = await sign(users.managerB);
  adminA = await sign(users.adminA);
  adminB = await sign(users.adminB);
  adminC = await sign(users.adminC);
  brokerA = await sign(users.brokerA);
  brokerB = await sign(users.brokerB);
  brokerP = await sign(users.brokerP);
  const provider = await admin({
    method: 'POST',
    url: '/api/training-plan/providers',
    payload: { name: 'Campus Skaraborg (test)', contactName: 'Kim Kontakt', contactEmail: 'kim@campus.example' },
  });
  expect(provider.statusCode).toBe(201);
  // The provider whose broker signs in is the one made above; register its contact too.
  await t.db.execute(
    `INSERT INTO training_plan_provider (organisation_id, contact_name, contact_email) VALUES ('${providerId}', 'Hanna Högskola', 'hanna@hogskolan.example')` as never,
  );
}, 60_000);
afterAll(() => t?.close());

describe('the whole cycle', () => {
  const ids: Record<string, string> = {};

  it('starts a cycle and takes needs until the deadline, for the actor’s own municipality', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/training-plan/cycles',
      payload: { networkId, year: 2027, needsDeadline: day(20), meetingDate: day(30), forumDate: day(40) },
    });
    expect(res.statusCode, res.body).toBe(201);
    cycleId = res.json().cycle.id;
    expect(res.json().cycle).toMatchObject({
      phase: 'needs',
      title: 'Utbildningsplan 2027, Sjuksköterskechefsnätverket (test)',
    });
    const post = (as: As, body: object) =>
      as({ method: 'POST', url: `/api/training-plan/cycles/${cycleId}/needs`, payload: body });
    const n1 = await post(managerA, need('Palliativ vård', 5, { organisationId: b.id }));
    expect(n1.statusCode, n1.body).toBe(201);
    // A manager submits for their own municipality, whatever the body says.
    expect(n1.json().contributions).toEqual([
      { organisation: { id: a.id, name: 'Ahult' }, expectedParticipants: 5, rationale: 'Skäl för Palliativ vård' },
    ]);
    ids.n1 = n1.json().id;
    ids.n2 = (await post(managerB, need('Palliativ vård i livets slut', 3))).json().id;
    ids.n3 = (await post(managerA, need('Demens och läkemedel', 4))).json().id;
    expect((await post(brokerA, need('Obehörig', 1))).statusCode).toBe(403);
    const bad = await post(managerA, { ...need('Fel', 0), urgency: 4 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['expectedParticipants', 'urgency']);
  });

  it('refuses a need after the deadline, with nothing written', async () => {
    const late = await admin({
      method: 'POST',
      url: '/api/training-plan/cycles',
      payload: { networkId, year: 2026, needsDeadline: day(-1), meetingDate: day(0), forumDate: day(1) },
    });
    const before = await t.db.select().from(trainingPlanNeed);
    const res = await managerA({
      method: 'POST',
      url: `/api/training-plan/cycles/${late.json().cycle.id}/needs`,
      payload: need('Sent', 2),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/Sista dag för behov/);
    expect(await t.db.select().from(trainingPlanNeed)).toHaveLength(before.length);
    const twice = await admin({
      method: 'POST',
      url: '/api/training-plan/cycles',
      payload: { networkId, year: 2027, needsDeadline: day(1), meetingDate: day(2), forumDate: day(3) },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('merges duplicates keeping every municipality’s participants and rationale, and splits a need in two', async () => {
    const denied = await managerA({
      method: 'POST',
      url: `/api/training-plan/cycles/${cycleId}/merge`,
      payload: { needIds: [ids.n1, ids.n2], title: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    const merged = await admin({
      method: 'POST',
      url: `/api/training-plan/cycles/${cycleId}/merge`,
      payload: { needIds: [ids.n1, ids.n2], title: 'Palliativ vård (sammanslagen)' },
    });
    expect(merged.statusCode, merged.body).toBe(201);
    ids.m = merged.json().id;
    expect(merged.json()).toMatchObject({ origin: 'merged', expectedParticipants: 8, originIds: [ids.n1, ids.n2] });
    expect(
      merged
        .json()
        .contributions.map((x: { organisation: { name: string }; expectedParticipants: number }) => [
          x.organisation.name,
          x.expectedParticipants,
        ]),
    ).toEqual([
      ['Ahult', 5],
      ['Bstad', 3],
    ]);
    const again = await admin({
      method: 'POST',
      url: `/api/training-plan/cycles/${cycleId}/merge`,
      payload: { needIds: [ids.n1, ids.n3], title: 'x' },
    });
    expect(again.statusCode).toBe(409);
    const split = await admin({
      method: 'POST',
      url: `/api/training-plan/needs/${ids.n3}/split`,
      payload: { parts: [{ title: 'Demens' }, { title: 'Läkemedel' }] },
    });
    expect(split.statusCode, split.body).toBe(201);
    [ids.s1, ids.s2] = split.json().needs.map((n: { id: string }) => n.id);
    expect(split.json().needs.map((n: { expectedParticipants: number }) => n.expectedParticipants)).toEqual([4, 4]);
    const detail = (await adminA({ method: 'GET', url: `/api/training-plan/cycles/${cycleId}` })).json();
    expect(
      detail.needs
        .filter((n: { status: string }) => n.status === 'open')
        .map((n: { id: string }) => n.id)
        .sort(),
    ).toEqual([ids.m, ids.s1, ids.s2].sort());
  });

  it('takes one ranking per municipality: the admin or the manager named, a second replaces the first (audited)', async () => {
    const rank = (as: As, needIds: (string | undefined)[], extra: object = {}) =>
      as({ method: 'PUT', url: `/api/training-plan/cycles/${cycleId}/ranking`, payload: { needIds, ...extra } });
    expect((await rank(adminA, [ids.m])).statusCode).toBe(409); // still open for needs
    expect(
      (
        await admin({
          method: 'POST',
          url: `/api/training-plan/cycles/${cycleId}/phase`,
          payload: { phase: 'prioritisation' },
        })
      ).statusCode,
    ).toBe(200);
    const twice = await rank(adminA, [ids.m, ids.s1, ids.m]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields[0]).toMatchObject({ path: 'needIds.2' });
    const unknown = await rank(adminA, [ids.m, ids.n1]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].message).toMatch(/inte finns i omgången/);
    expect((await rank(managerA, [ids.m])).statusCode).toBe(403);
    expect(await t.db.select().from(trainingPlanRanking)).toHaveLength(0);
    expect((await rank(adminA, [ids.s1, ids.m])).statusCode).toBe(200);
    expect(
      (
        await adminA({
          method: 'PUT',
          url: `/api/training-plan/cycles/${cycleId}/ranker`,
          payload: { userId: managerAId },
        })
      ).statusCode,
    ).toBe(200);
    expect((await rank(managerA, [ids.m, ids.s1, ids.s2])).statusCode).toBe(200);
    expect((await rank(adminB, [ids.m, ids.s2])).statusCode).toBe(200);
    expect((await rank(adminC, [ids.s1])).statusCode).toBe(200);
    const [row] = await t.db
      .select()
      .from(trainingPlanRanking)
      .where(and(eq(trainingPlanRanking.cycleId, cycleId), eq(trainingPlanRanking.organisationId, a.id)));
    expect(row).toMatchObject({ version: 2, needIds: [ids.m, ids.s1, ids.s2] });
    const replaced = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'training_plan_ranking.replace'));
    expect(replaced).toHaveLength(1);
  });

  it('aggregates by Borda with Schulze beside it and shows how each municipality ranked', async () => {
    // A: m,s1,s2 → 3,2,1   B: m,s2 → 2,1   C: s1 → 1.   m = 5, s1 = 3, s2 = 2.
    const res = await managerB({ method: 'GET', url: `/api/training-plan/cycles/${cycleId}/aggregate` });
    expect(res.statusCode).toBe(200);
    const agg = res.json();
    expect(agg.rows.map((r: { needId: string; points: number }) => [r.needId, r.points])).toEqual([
      [ids.m, 5],
      [ids.s1, 3],
      [ids.s2, 2],
    ]);
    // m beats s1 2:1 (A, B; C) and s2 2:0 — the Condorcet winner.
    expect(agg.condorcetWinner).toBe(ids.m);
    // Each municipality's ranking as indexes into the needs (m = 0, s1 = 1, s2 = 2); C abstained on m and s2.
    const by = (
      await managerB({ method: 'GET', url: `/api/training-plan/cycles/${cycleId}/aggregate/municipalities` })
    ).json();
    expect(by.needIds).toEqual([ids.m, ids.s1, ids.s2]);
    expect(
      by.byMunicipality.map((m: { organisation: { name: string }; ranking: number[] }) => [
        m.organisation.name,
        m.ranking,
      ]),
    ).toEqual([
      ['Ahult', [0, 1, 2]],
      ['Bstad', [0, 2]],
      ['Cby', [1]],
    ]);
  });

  it('records the decision, orders only decided needs, and lets only the order’s broker answer', async () => {
    const decided = await admin({
      method: 'POST',
      url: `/api/training-plan/cycles/${cycleId}/decision`,
      payload: { decidedOn: day(30), forum: 'Prioriteringsträff', needIds: [ids.m, ids.s1] },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().cycle.phase).toBe('decided');
    const order = (needId: string | undefined, broker: string, extra: object = {}) =>
      admin({
        method: 'POST',
        url: '/api/training-plan/orders',
        payload: {
          needId,
          title: 'Palliativ vård',
          goal: 'Trygg vård i livets slut',
          wantedFrom: day(60),
          wantedTo: day(120),
          budgetCeiling: 50_000,
          contactName: 'Sara Samordnare',
          contactEmail: 'sara@example.se',
          brokerOrganisationId: broker,
          costKey: 'seats',
          withVat: true,
          ...extra,
        },
      });
    const undecided = await order(ids.s2, a.id);
    expect(undecided.statusCode).toBe(409);
    expect(undecided.json().error.message).toMatch(/inte beslutat/);
    expect(await t.db.select().from(trainingPlanOrder)).toHaveLength(0);
    const m = await order(ids.m, a.id);
    expect(m.statusCode, m.body).toBe(201);
    ids.om = m.json().id;
    expect(m.json().municipalities.map((x: { participants: number }) => x.participants)).toEqual([5, 3]);
    ids.op = (await order(ids.s1, providerId)).json().id;
    // Another broker answering: a clear error, nothing changed; an external provider does not see the order at all.
    const other = await brokerB({
      method: 'POST',
      url: `/api/training-plan/orders/${ids.om}/answer`,
      payload: { kind: 'accept' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/annan utbildningsmäklare/);
    expect((await brokerP({ method: 'GET', url: `/api/training-plan/orders/${ids.om}` })).statusCode).toBe(404);
    expect((await brokerP({ method: 'GET', url: `/api/training-plan/cycles/${cycleId}` })).statusCode).toBe(403);
    const mine = (await brokerP({ method: 'GET', url: '/api/training-plan/orders' })).json().orders;
    expect(mine.map((o: { id: string }) => o.id)).toEqual([ids.op]);
    expect(
      (
        await t.db
          .select()
          .from(trainingPlanOrder)
          .where(eq(trainingPlanOrder.id, ids.om as string))
      )[0]?.status,
    ).toBe('sent');
    const declineWithout = await brokerP({
      method: 'POST',
      url: `/api/training-plan/orders/${ids.op}/answer`,
      payload: { kind: 'decline' },
    });
    expect(declineWithout.statusCode).toBe(400);
    const question = await brokerP({
      method: 'POST',
      url: `/api/training-plan/orders/${ids.op}/answer`,
      payload: { kind: 'question', text: 'Vilken vecka?' },
    });
    expect(question.json().status).toBe('question');
    const reply = await admin({
      method: 'POST',
      url: `/api/training-plan/orders/${ids.op}/reply`,
      payload: { text: 'Vecka 12.' },
    });
    expect(reply.json().status).toBe('sent');
    const decline = await brokerP({
      method: 'POST',
      url: `/api/training-plan/orders/${ids.op}/answer`,
      payload: { kind: 'decline', text: 'Ingen lärare ledig.' },
    });
    expect(decline.json()).toMatchObject({ status: 'declined' });
    expect(decline.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'sent',
      'question',
      'answer',
      'declined',
    ]);
    const accept = await brokerA({
      method: 'POST',
      url: `/api/training-plan/orders/${ids.om}/answer`,
      payload: { kind: 'accept' },
    });
    expect(accept.json().status).toBe('accepted');
  });

  it('plans an occasion with seats by the largest remainder and splits its cost to the krona with VAT', async () => {
    const plan = (as: As, body: object) =>
      as({ method: 'POST', url: `/api/training-plan/orders/${ids.om}/occasions`, payload: body });
    const base = {
      startsAt: `${day(70)}T09:00`,
      endsAt: `${day(70)}T16:00`,
      registrationDeadline: `${day(60)}T23:00`,
      place: 'Skövde',
      capacity: 10,
      price: 10_001,
      vatRate: 25,
      seatKey: 'participants',
    };
    expect((await plan(brokerB, base)).statusCode).toBe(403);
    expect((await plan(brokerA, { ...base, endsAt: `${day(70)}T08:00` })).statusCode).toBe(400);
    const res = await plan(brokerA, base);
    expect(res.statusCode, res.body).toBe(201);
    // 10 seats by participants 5 : 3 → quotas 6.25 and 3.75 → 6 + 3, the last seat to B's .75: 6 and 4.
    const rows = res
      .json()
      .municipalities.map((x: { organisation: { name: string }; seats: number; cost: number }) => [
        x.organisation.name,
        x.seats,
        x.cost,
      ]);
    // Cost 10 001 + 25 % = 12 501 kr split by reserved seats 6 : 4 → 7 500.6 and 5 000.4 → 7 501 and 5 000.
    expect(rows).toEqual([
      ['Ahult', 6, 7_501],
      ['Bstad', 4, 5_000],
    ]);
    expect(res.json().totalCost).toBe(12_501);
    const noVat = await admin({
      method: 'PUT',
      url: `/api/training-plan/orders/${ids.om}/cost`,
      payload: { costKey: 'equal', withVat: false },
    });
    expect(noVat.statusCode).toBe(400);
    const equal = await admin({
      method: 'PUT',
      url: `/api/training-plan/orders/${ids.om}/cost`,
      payload: { costKey: 'seats', withVat: false },
    });
    expect(equal.json().municipalities.map((x: { cost: number }) => x.cost)).toEqual([6_001, 4_000]);
  });

  it('splits seats by the published population, and refuses a headcount key the publication hides', async () => {
    // The latest publication of the staffing statistics: A 30 000 and B 10 000 inhabitants; B's headcount hidden ("..").
    const [period] = await t.db
      .insert(staffingPeriod)
      .values({ label: '2026 (test)', kind: 'annual', referenceDate: '2026-11-01', deadline: '2026-12-31' })
      .returning({ id: staffingPeriod.id });
    await t.db.insert(staffingPublication).values({
      periodId: period?.id as string,
      version: 1,
      reason: 'region',
      municipalities: [],
      cellValues: {
        [`${a.id}|context|inhabitants`]: 30_000,
        [`${b.id}|context|inhabitants`]: 10_000,
        // The needs are for every profession: the all-professions column.
        [`${a.id}|all|headcount`]: 40,
        [`${b.id}|all|headcount`]: 2,
      },
      hidden: [`${b.id}|all|headcount`],
      digest: 'test',
      stats: {},
    });
    const plan = (seatKey: string) =>
      brokerA({
        method: 'POST',
        url: `/api/training-plan/orders/${ids.om}/occasions`,
        payload: {
          startsAt: `${day(80)}T09:00`,
          endsAt: `${day(80)}T12:00`,
          registrationDeadline: `${day(75)}T12:00`,
          place: 'Lidköping',
          capacity: 8,
          price: 0,
          seatKey,
        },
      });
    const res = await plan('population');
    expect(res.statusCode, res.body).toBe(201);
    // The second occasion: 8 seats by 30 000 : 10 000 → 6 and 2 (added to the first occasion's 6 and 4).
    expect(res.json().municipalities.map((m: { seats: number }) => m.seats)).toEqual([12, 6]);
    const hidden = await plan('headcount');
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields[0].message).toMatch(/saknar publicerade värden för Bstad/);
    expect(res.json().occasions).toHaveLength(2);
  });

  it('gives the invoice basis to the coordinator and the broker, and the follow-up to everyone of the region', async () => {
    const csv = await brokerA({ method: 'GET', url: `/api/training-plan/orders/${ids.om}/invoice.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toMatch(/Ahult;\d{4};12;0;6001/);
    expect(csv.body).toMatch(/Totalt;;18;0;10001/);
    expect((await managerB({ method: 'GET', url: `/api/training-plan/orders/${ids.om}/invoice.csv` })).statusCode).toBe(
      403,
    );
    const follow = await managerB({ method: 'GET', url: '/api/training-plan/follow-up?year=2027' });
    expect(follow.statusCode, follow.body).toBe(200);
    expect(follow.json().cycles[0]).toMatchObject({ needs: 3, decided: 2, ordered: 2, delivered: 0, cost: 10_001 });
    expect(follow.json().totals).toMatchObject({ needs: 3, decided: 2, ordered: 2, cost: 10_001 });
    const xlsx = await managerB({ method: 'GET', url: '/api/training-plan/follow-up.xlsx?year=2027' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  });
});
