// The joint training plan's demo (all invented, marked "(demo)"): for sjuksköterskechefsnätverket and
// rehabchefsnätverket a completed cycle for this year — needs from most municipalities merged per topic, a ranking from each
// municipality, the network's decision, orders to Skövde's education broker and to an external provider (a college
// answering through its own sign-in), held occasions with attendance, evaluations and cost shares, followed up — and
// next year's cycle open for needs. Every date is placed relative to the demo's now.
import { eq } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { DEMO_PASSWORD } from '../../platform/server/demo.ts';
import { buildUser } from '../../platform/server/factories.ts';
import type { DemoContext } from '../../platform/server/module.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import { toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { createSourceOccasion, seedHeldOccasionDemo } from '../activities/activities-lookup.service.ts';
import { findPersons } from '../people/people-lookup.service.ts';
import { catalogueTopics } from '../trainings/items-lookup.service.ts';
import { largestRemainder } from './apportion.ts';
import { borda } from './rank-aggregation.ts';
import type { CostKey, CyclePhase, SeatKey } from './training-plan.contracts.ts';
import {
  trainingPlanContribution,
  trainingPlanCycle,
  trainingPlanCycleTransition,
  trainingPlanDecision,
  trainingPlanDecisionNeed,
  trainingPlanNeed,
  trainingPlanOccasion,
  trainingPlanOrder,
  trainingPlanOrderEvent,
  trainingPlanOrderParticipants,
  trainingPlanProvider,
  trainingPlanRanking,
} from './training-plan.table.ts';

const DAY = 86_400_000;
const SOURCE = 'training-plan';

type Topic = { title: string; topic: string | null; description: string };
type NetworkPlan = { network: string; professions: string[]; topics: Topic[]; next: Topic[] };

const PLANS: NetworkPlan[] = [
  {
    network: 'Sjuksköterskechefsnätverket',
    professions: ['sjukskoterska'],
    topics: [
      {
        title: 'Palliativ vård i livets slutskede (demo)',
        topic: null,
        description: 'Symtomlindring, brytpunktssamtal och stöd till närstående.',
      },
      {
        title: 'Sårvård och trycksår (demo)',
        topic: 'sarvard',
        description: 'Bedömning, behandling och dokumentation av svårläkta sår.',
      },
      {
        title: 'Läkemedelsgenomgångar (demo)',
        topic: 'lakemedel',
        description: 'Enkla och fördjupade läkemedelsgenomgångar i hemsjukvården.',
      },
      {
        title: 'Diabetesvård i hemsjukvården (demo)',
        topic: 'diabetes',
        description: 'Insulinbehandling, hypoglykemi och fotvård.',
      },
      {
        title: 'Vårdhygien i ordinärt boende (demo)',
        topic: 'vardhygien',
        description: 'Basala hygienrutiner och smittspårning.',
      },
    ],
    next: [
      {
        title: 'Hjärtsvikt – vård och uppföljning (demo)',
        topic: 'hjartsvikt',
        description: 'Egenvård, vikt och vätska.',
      },
      {
        title: 'Palliativ vård för nyanställda (demo)',
        topic: null,
        description: 'Grunderna för sjuksköterskor som är nya i kommunen.',
      },
    ],
  },
  {
    network: 'Rehabchefsnätverket',
    professions: ['arbetsterapeut', 'fysioterapeut'],
    topics: [
      {
        title: 'Fallprevention för äldre (demo)',
        topic: 'fallprevention',
        description: 'Riskbedömning, balansträning och miljöanpassning.',
      },
      {
        title: 'Förskrivning av hjälpmedel (demo)',
        topic: 'hjalpmedel',
        description: 'Förskrivningsprocessen och uppföljning.',
      },
      {
        title: 'Rehabilitering efter stroke (demo)',
        topic: 'rehabilitering',
        description: 'Vardagsrehabilitering i hemmet.',
      },
      {
        title: 'Förflyttningsteknik och ergonomi (demo)',
        topic: null,
        description: 'Säkra förflyttningar för personal och brukare.',
      },
      {
        title: 'Kognitiva hjälpmedel vid demens (demo)',
        topic: 'demens',
        description: 'Stöd i vardagen för personer med demenssjukdom.',
      },
    ],
    next: [
      {
        title: 'Teamarbete kring vardagsrehabilitering (demo)',
        topic: 'rehabilitering',
        description: 'Arbetsterapeut, fysioterapeut och hemtjänst tillsammans.',
      },
    ],
  },
];

const RATIONALES = [
  'Flera nyanställda saknar grundutbildning i området. (demo)',
  'Avvikelser under året visar behov av gemensam kunskap. (demo)',
  'Efterfrågat i medarbetarsamtalen. (demo)',
  'Nya rutiner i regionen kräver utbildning. (demo)',
];

export async function seedTrainingPlanDemo(db: Db, demo: DemoContext): Promise<void> {
  const { now } = demo;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const dateOf = (d: Date) => toStockholmLocal(d).slice(0, 10);
  const userId = async (email: string) =>
    (await db.select({ id: user.id }).from(user).where(eq(user.email, email)))[0]?.id ?? null;
  const adminId = await userId('regionadmin@demo.example');
  const coordinatorId = await userId('chef.skovde@demo.example');
  const brokerId = await userId('utbildningsmaklare.skovde@demo.example');
  if (!adminId) return;
  const admin: Actor = {
    kind: 'user',
    userId: adminId,
    tokenId: null,
    sessionId: null,
    organisationId: demo.regionId,
    organisationKind: 'region',
    roles: ['regional_admin'],
    locale: 'sv',
  };
  const ctx = { actor: admin, requestId: 'demo', ip: '127.0.0.1' };
  const skovde = demo.municipalities.get('Skövde');
  if (!skovde) return;
  // The external provider and its user (the broker role, for the orders addressed to it).
  const [provider] = await db
    .insert(organisation)
    .values({ kind: 'provider', name: 'Högskolan i Skaraborg (demo)' })
    .returning();
  if (!provider) return;
  await db.insert(trainingPlanProvider).values({
    organisationId: provider.id,
    contactName: 'Hanna Högskola (demo)',
    contactEmail: 'uppdrag@hogskolan.demo.example',
    createdBy: adminId,
    createdAt: ago(400),
  });
  const providerUser = await buildUser(db, {
    role: 'broker',
    organisation: provider,
    name: 'Hanna Högskola (demo)',
    email: 'anordnare.hogskolan@demo.example',
    password: DEMO_PASSWORD,
  });
  const topicKeys = new Set((await catalogueTopics(db)).map((t) => t.key));
  const municipalities = [...demo.municipalities.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  for (const [p, plan] of PLANS.entries()) {
    const networkId = demo.networks.get(plan.network);
    if (!networkId) continue;
    // ---- this year's plan: complete and followed up ----
    const cycleThisYear = await insertCycle(db, {
      networkId,
      year: now.getUTCFullYear(),
      needsDeadline: dateOf(ago(330)),
      meetingDate: dateOf(ago(315)),
      forumDate: dateOf(ago(300)),
      coordinatorUserId: coordinatorId,
      createdBy: adminId,
      createdAt: ago(380),
      phases: [
        ['needs', ago(380)],
        ['prioritisation', ago(329)],
        ['decided', ago(315)],
        ['ordered', ago(300)],
        ['delivered', ago(60)],
        ['followed_up', ago(20)],
      ],
    });
    const merged: { id: string; contributions: Map<string, number> }[] = [];
    for (const [t, topic] of plan.topics.entries()) {
      // Most municipalities bring each topic; the coordinator merged the duplicates into one need per topic.
      const bringing = municipalities.filter((_, i) => (i + t + p) % 4 !== 0);
      const originals: string[] = [];
      const contributions = new Map<string, number>();
      for (const [i, m] of bringing.entries()) {
        const n = 2 + ((i * 3 + t) % 5);
        contributions.set(m.id, n);
        const [orig] = await db
          .insert(trainingPlanNeed)
          .values({
            cycleId: cycleThisYear,
            title: topic.title,
            topicKey: topic.topic && topicKeys.has(topic.topic) ? topic.topic : null,
            description: topic.description,
            targetProfessions: plan.professions,
            urgency: 1 + ((i + t) % 3),
            format: (['classroom', 'digital', 'blended', 'any'] as const)[(i + t) % 4],
            term: (['spring', 'autumn', 'any'] as const)[(i + t) % 3],
            status: 'merged',
            createdBy: coordinatorId,
            createdAt: ago(340 - i),
            updatedAt: ago(328),
          })
          .returning({ id: trainingPlanNeed.id });
        if (!orig) continue;
        originals.push(orig.id);
        await db.insert(trainingPlanContribution).values({
          needId: orig.id,
          organisationId: m.id,
          expectedParticipants: n,
          rationale: RATIONALES[(i + t) % RATIONALES.length] as string,
          submittedBy: coordinatorId,
          submittedAt: ago(340 - i),
        });
      }
      const [need] = await db
        .insert(trainingPlanNeed)
        .values({
          cycleId: cycleThisYear,
          title: topic.title,
          topicKey: topic.topic && topicKeys.has(topic.topic) ? topic.topic : null,
          description: topic.description,
          targetProfessions: plan.professions,
          urgency: 2 + (t % 2),
          origin: 'merged',
          originIds: originals,
          createdBy: coordinatorId,
          createdAt: ago(328),
        })
        .returning({ id: trainingPlanNeed.id });
      if (!need) continue;
      merged.push({ id: need.id, contributions });
      await db.insert(trainingPlanContribution).values(
        [...contributions].map(([organisationId, n], i) => ({
          needId: need.id,
          organisationId,
          expectedParticipants: n,
          rationale: RATIONALES[(i + t) % RATIONALES.length] as string,
          submittedBy: coordinatorId,
          submittedAt: ago(328),
        })),
      );
    }
    // One ranking per municipality that brought needs: its own needs first, the others after; some abstain on a few.
    const ballots: { voter: string; ranking: string[] }[] = [];
    for (const [i, m] of municipalities.entries()) {
      const own = merged.filter((x) => x.contributions.has(m.id));
      if (own.length === 0) continue;
      const order = [...merged]
        .map((x, k) => ({ id: x.id, score: (x.contributions.get(m.id) ?? 0) * 10 + ((k * 7 + i * 3) % 9) }))
        .sort((a, b) => b.score - a.score)
        .map((x) => x.id)
        .slice(0, i % 3 === 0 ? 3 : merged.length);
      ballots.push({ voter: m.id, ranking: order });
      await db.insert(trainingPlanRanking).values({
        cycleId: cycleThisYear,
        organisationId: m.id,
        needIds: order,
        rankedBy: adminId,
        rankedAt: ago(316),
      });
    }
    const aggregate = borda(
      merged.map((x) => x.id),
      ballots,
    );
    const decided = aggregate.slice(0, 3).map((r) => r.id);
    const [decision] = await db
      .insert(trainingPlanDecision)
      .values({
        cycleId: cycleThisYear,
        decidedOn: dateOf(ago(315)),
        forum: `Prioriteringsträff, ${plan.network.toLowerCase()} (demo)`,
        notes: 'De tre högst rangordnade behoven genomförs gemensamt. (demo)',
        decidedBy: adminId,
        createdAt: ago(315),
      })
      .returning({ id: trainingPlanDecision.id });
    if (!decision) continue;
    await db
      .insert(trainingPlanDecisionNeed)
      .values(decided.map((needId, i) => ({ decisionId: decision.id, needId, position: i + 1 })));
    // Orders: the first to Skövde's broker, the second to the external provider, the third declined by Skövde.
    const orders: {
      needId: string;
      broker: string;
      brokerUser: string | null;
      outcome: 'delivered' | 'declined';
      costKey: CostKey;
      withVat: boolean;
      occasion?: { daysAgo: number; price: number; vatRate: 0 | 25; seatKey: SeatKey; place: string };
    }[] = [
      {
        needId: decided[0] as string,
        broker: skovde.id,
        brokerUser: brokerId,
        outcome: 'delivered',
        costKey: 'attending',
        withVat: false,
        occasion: {
          daysAgo: 200 - p * 10,
          price: 36_000,
          vatRate: 0,
          seatKey: 'participants',
          place: 'Skövde, Kulturhuset (demo)',
        },
      },
      {
        needId: decided[1] as string,
        broker: provider.id,
        brokerUser: providerUser.id,
        outcome: 'delivered',
        costKey: 'seats',
        withVat: true,
        occasion: {
          daysAgo: 120 - p * 10,
          price: 48_000,
          vatRate: 25,
          seatKey: 'equal',
          place: 'Högskolan, Skövde (demo)',
        },
      },
      {
        needId: decided[2] as string,
        broker: skovde.id,
        brokerUser: brokerId,
        outcome: 'declined',
        costKey: 'seats',
        withVat: false,
      },
    ];
    for (const o of orders) {
      const need = merged.find((x) => x.id === o.needId);
      const topic = plan.topics[merged.indexOf(need as (typeof merged)[number])];
      if (!need || !topic) continue;
      const [order] = await db
        .insert(trainingPlanOrder)
        .values({
          cycleId: cycleThisYear,
          needId: o.needId,
          title: topic.title,
          goal: `Gemensam kompetens inom ${topic.title.replace(' (demo)', '').toLowerCase()}. (demo)`,
          content: topic.description,
          targetGroup: plan.professions.join(', '),
          wantedFrom: dateOf(ago(280)),
          wantedTo: dateOf(ago(60)),
          budgetCeiling: 60_000,
          contactName: 'Sara Samordnare (demo)',
          contactEmail: 'samordnare@demo.example',
          brokerOrganisationId: o.broker,
          status: o.outcome,
          costKey: o.costKey,
          withVat: o.withVat,
          createdBy: adminId,
          createdAt: ago(300),
          updatedAt: ago(60),
        })
        .returning({ id: trainingPlanOrder.id });
      if (!order) continue;
      const participants = [...need.contributions].map(([organisationId, participants]) => ({
        organisationId,
        participants,
      }));
      await db.insert(trainingPlanOrderParticipants).values(participants.map((x) => ({ ...x, orderId: order.id })));
      const events: {
        kind: 'sent' | 'question' | 'answer' | 'accepted' | 'declined' | 'delivered';
        text: string;
        by: string | null;
        at: Date;
      }[] = [{ kind: 'sent', text: '', by: adminId, at: ago(300) }];
      if (o.broker === provider.id) {
        events.push(
          {
            kind: 'question',
            text: 'Går det bra med två halvdagar i stället för en heldag? (demo)',
            by: o.brokerUser,
            at: ago(296),
          },
          { kind: 'answer', text: 'Ja, två halvdagar passar kommunerna bättre. (demo)', by: adminId, at: ago(295) },
        );
      }
      if (o.outcome === 'declined') {
        events.push({
          kind: 'declined',
          text: 'Ingen lärare ledig under perioden – beställ gärna till hösten. (demo)',
          by: o.brokerUser,
          at: ago(290),
        });
      } else {
        events.push({ kind: 'accepted', text: '', by: o.brokerUser, at: ago(290) });
      }
      const occ = o.occasion;
      if (occ) {
        const capacity = Math.min(
          30,
          participants.reduce((s, x) => s + x.participants, 0),
        );
        const weights = participants.map((x) => ({
          id: x.organisationId,
          weight: occ.seatKey === 'equal' ? 1 : x.participants,
        }));
        const seats = largestRemainder(capacity, weights) ?? new Map<string, number>();
        const startsAt = new Date(ago(occ.daysAgo).setUTCHours(8, 0, 0, 0));
        const endsAt = new Date(startsAt.getTime() + 7 * 3_600_000);
        const made = await createSourceOccasion(db, ctx, {
          sourceModule: SOURCE,
          sourceRecordId: order.id,
          title: topic.title,
          description: topic.description,
          organiserId: o.broker,
          networkId,
          targetProfessions: plan.professions,
          startsAt,
          endsAt,
          place: occ.place,
          onlineUrl: null,
          capacity,
          registrationDeadline: new Date(startsAt.getTime() - 14 * DAY),
          seatsReleaseAt: new Date(startsAt.getTime() - 7 * DAY),
          seats: [...seats].map(([organisationId, n]) => ({ organisationId, seats: n })),
        });
        await db.insert(trainingPlanOccasion).values({
          occasionId: made.occasionId,
          orderId: order.id,
          price: occ.price,
          vatRate: occ.vatRate,
          seatKey: occ.seatKey,
          createdBy: o.brokerUser,
          createdAt: ago(280),
        });
        await db
          .update(trainingPlanOrder)
          .set({ activityId: made.activityId })
          .where(eq(trainingPlanOrder.id, order.id));
        // Staff registered on their municipality's seats; most came, some partly, a few not.
        const entries: { personId: string; organisationId: string; attendance: 'present' | 'partial' | 'absent' }[] =
          [];
        let k = 0;
        for (const [organisationId, n] of seats) {
          const persons = [];
          for (const professionKey of plan.professions) {
            persons.push(
              ...(await findPersons(db, admin, {
                municipalityId: organisationId,
                professionKey,
                employedOn: dateOf(startsAt),
                limit: 10,
              })),
            );
          }
          for (const person of persons.slice(0, Math.max(0, n - (k % 2)))) {
            entries.push({
              personId: person.id,
              organisationId,
              attendance:
                (['present', 'present', 'present', 'partial', 'present', 'absent'] as const)[k++ % 6] ?? 'present',
            });
          }
        }
        await seedHeldOccasionDemo(
          db,
          made.occasionId,
          entries,
          Math.round(entries.length * 0.6),
          o.brokerUser ?? adminId,
        );
        events.push({ kind: 'delivered', text: '', by: adminId, at: ago(60) });
      }
      await db
        .insert(trainingPlanOrderEvent)
        .values(events.map((e) => ({ orderId: order.id, kind: e.kind, text: e.text, actorUserId: e.by, at: e.at })));
    }
    // ---- next year's plan: open for needs ----
    const cycleNextYear = await insertCycle(db, {
      networkId,
      year: now.getUTCFullYear() + 1,
      needsDeadline: dateOf(new Date(now.getTime() + 40 * DAY)),
      meetingDate: dateOf(new Date(now.getTime() + 55 * DAY)),
      forumDate: dateOf(new Date(now.getTime() + 70 * DAY)),
      coordinatorUserId: coordinatorId,
      createdBy: adminId,
      createdAt: ago(14),
      phases: [['needs', ago(14)]],
    });
    for (const [t, topic] of plan.next.entries()) {
      for (const [i, m] of municipalities.filter((_, i) => (i + t) % 3 === 0).entries()) {
        const [need] = await db
          .insert(trainingPlanNeed)
          .values({
            cycleId: cycleNextYear,
            title: topic.title,
            topicKey: topic.topic && topicKeys.has(topic.topic) ? topic.topic : null,
            description: topic.description,
            targetProfessions: plan.professions,
            urgency: 1 + ((i + t) % 3),
            createdBy: coordinatorId,
            createdAt: ago(10 - i),
          })
          .returning({ id: trainingPlanNeed.id });
        if (!need) continue;
        await db.insert(trainingPlanContribution).values({
          needId: need.id,
          organisationId: m.id,
          expectedParticipants: 2 + ((i + t) % 4),
          rationale: RATIONALES[(i + t + 1) % RATIONALES.length] as string,
          submittedBy: coordinatorId,
          submittedAt: ago(10 - i),
        });
      }
    }
  }
}

async function insertCycle(
  db: Db,
  c: {
    networkId: string;
    year: number;
    needsDeadline: string;
    meetingDate: string;
    forumDate: string;
    coordinatorUserId: string | null;
    createdBy: string;
    createdAt: Date;
    phases: [CyclePhase, Date][];
  },
): Promise<string> {
  const { phases, ...values } = c;
  const last = phases.at(-1)?.[0] ?? 'needs';
  const [row] = await db
    .insert(trainingPlanCycle)
    .values({ ...values, phase: last, updatedAt: phases.at(-1)?.[1] ?? c.createdAt })
    .returning({ id: trainingPlanCycle.id });
  if (!row) throw new Error('cycle not written');
  await db.insert(trainingPlanCycleTransition).values(
    phases.map(([toPhase, at], i) => ({
      cycleId: row.id,
      fromPhase: i === 0 ? null : (phases[i - 1]?.[0] ?? null),
      toPhase,
      actorUserId: c.createdBy,
      at,
    })),
  );
  return row.id;
}
