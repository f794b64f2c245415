// Planning cycles and their needs (decision 022): the region starts a cycle per network and year, municipalities
// submit needs until the deadline, the coordinator merges duplicates and splits needs covering two things, and the
// cycle moves through its phases (needs → prioritisation → decided → ordered → delivered → followed up).
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import { isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import { catalogueTopics } from '../trainings/items-lookup.service.ts';
import {
  type CreateCycleInput,
  CYCLE_PHASES,
  type CycleDetail,
  type CyclePhase,
  type CycleSummary,
  type NeedDto,
  type NeedInput,
} from './training-plan.contracts.ts';
import { trainingPlanMessages as tm } from './training-plan.messages.ts';
import {
  trainingPlanContribution,
  trainingPlanCycle,
  trainingPlanCycleTransition,
  trainingPlanDecision,
  trainingPlanDecisionNeed,
  trainingPlanNeed,
  trainingPlanOrder,
  trainingPlanRanker,
  trainingPlanRanking,
} from './training-plan.table.ts';
import {
  assertCoordinator,
  type CycleRow,
  cycleTitle,
  loadCycle,
  mayCoordinate,
  names,
  swedishToday,
  type TrainingPlanDeps,
} from './training-plan-scope.ts';

async function summaries(deps: TrainingPlanDeps, rows: CycleRow[]): Promise<CycleSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [n, needs, rankings, orders] = await Promise.all([
    names(deps.db, {
      networks: rows.map((r) => r.networkId),
      users: rows.flatMap((r) => (r.coordinatorUserId ? [r.coordinatorUserId] : [])),
    }),
    deps.db
      .select({ id: trainingPlanNeed.cycleId, n: count() })
      .from(trainingPlanNeed)
      .where(and(inArray(trainingPlanNeed.cycleId, ids), eq(trainingPlanNeed.status, 'open')))
      .groupBy(trainingPlanNeed.cycleId),
    deps.db
      .select({ id: trainingPlanRanking.cycleId, n: count() })
      .from(trainingPlanRanking)
      .where(inArray(trainingPlanRanking.cycleId, ids))
      .groupBy(trainingPlanRanking.cycleId),
    deps.db
      .select({ id: trainingPlanOrder.cycleId, n: count() })
      .from(trainingPlanOrder)
      .where(inArray(trainingPlanOrder.cycleId, ids))
      .groupBy(trainingPlanOrder.cycleId),
  ]);
  const countOf = (list: { id: string; n: number }[], id: string) => Number(list.find((x) => x.id === id)?.n ?? 0);
  return rows.map((r) => {
    const networkName = n.network.get(r.networkId) ?? '';
    return {
      id: r.id,
      title: cycleTitle(r.year, networkName),
      network: { id: r.networkId, name: networkName },
      year: r.year,
      needsDeadline: r.needsDeadline,
      meetingDate: r.meetingDate,
      forumDate: r.forumDate,
      phase: r.phase,
      coordinator: r.coordinatorUserId
        ? { id: r.coordinatorUserId, name: n.user.get(r.coordinatorUserId) ?? '' }
        : null,
      needs: countOf(needs, r.id),
      rankings: countOf(rankings, r.id),
      orders: countOf(orders, r.id),
    };
  });
}

export async function listCycles(deps: TrainingPlanDeps, ctx: SignedInContext) {
  authorize(ctx.actor, 'training_plan:read');
  const rows = await deps.db
    .select()
    .from(trainingPlanCycle)
    .orderBy(sql`${trainingPlanCycle.year} DESC`, asc(trainingPlanCycle.networkId));
  return { cycles: await summaries(deps, rows) };
}

export async function createCycle(deps: TrainingPlanDeps, ctx: SignedInContext, input: CreateCycleInput) {
  authorize(ctx.actor, 'training_plan:manage');
  const [net] = await deps.db.select({ id: network.id }).from(network).where(eq(network.id, input.networkId));
  if (!net) throw new ValidationError([{ path: 'networkId', message: tm.networkUnknown() }]);
  if (input.coordinatorUserId) {
    const [u] = await deps.db.select({ id: user.id }).from(user).where(eq(user.id, input.coordinatorUserId));
    if (!u) throw new ValidationError([{ path: 'coordinatorUserId', message: tm.userUnknown() }]);
  }
  const [clash] = await deps.db
    .select({ id: trainingPlanCycle.id })
    .from(trainingPlanCycle)
    .where(and(eq(trainingPlanCycle.networkId, input.networkId), eq(trainingPlanCycle.year, input.year)));
  if (clash) throw new ConflictError(tm.cycleExists({ year: input.year }));
  const row = await inTransaction(deps.db, async (tx) => {
    const [made] = await tx
      .insert(trainingPlanCycle)
      .values({ ...input, phase: 'needs', createdBy: ctx.actor.userId })
      .returning();
    if (!made) throw new Error('cycle not written');
    await tx
      .insert(trainingPlanCycleTransition)
      .values({ cycleId: made.id, fromPhase: null, toPhase: 'needs', actorUserId: ctx.actor.userId });
    await audit(tx, ctx, {
      action: 'training_plan_cycle.create',
      entityType: 'training_plan_cycle',
      entityId: made.id,
    });
    return made;
  });
  return getCycle(deps, ctx, row.id);
}

/** Moves a cycle one phase on (or back one, to correct a mistake); the decision moves it to decided by itself. */
export async function setPhase(deps: TrainingPlanDeps, ctx: SignedInContext, id: string, phase: CyclePhase) {
  const cycle = await loadCycle(deps, ctx.actor, id);
  assertCoordinator(ctx.actor, cycle);
  const from = CYCLE_PHASES.indexOf(cycle.phase);
  const to = CYCLE_PHASES.indexOf(phase);
  if (Math.abs(to - from) !== 1 || (phase === 'decided' && from < to)) {
    throw new ConflictError(tm.phaseStep({ from: cycle.phase, to: phase }));
  }
  await inTransaction(deps.db, (tx) => movePhase(tx, ctx, cycle, phase));
  return getCycle(deps, ctx, id);
}

export async function movePhase(
  tx: TrainingPlanDeps['db'],
  ctx: SignedInContext,
  cycle: Pick<CycleRow, 'id' | 'phase'>,
  phase: CyclePhase,
) {
  await tx.update(trainingPlanCycle).set({ phase, updatedAt: new Date() }).where(eq(trainingPlanCycle.id, cycle.id));
  await tx
    .insert(trainingPlanCycleTransition)
    .values({ cycleId: cycle.id, fromPhase: cycle.phase, toPhase: phase, actorUserId: ctx.actor.userId });
  await audit(tx, ctx, { action: 'training_plan_cycle.phase', entityType: 'training_plan_cycle', entityId: cycle.id });
}

async function checkNeedReferences(deps: TrainingPlanDeps, input: Pick<NeedInput, 'topicKey' | 'targetProfessions'>) {
  if (input.topicKey) {
    const topics = await catalogueTopics(deps.db);
    if (!topics.some((t) => t.key === input.topicKey)) {
      throw new ValidationError([{ path: 'topicKey', message: tm.topicUnknown() }]);
    }
  }
  if (input.targetProfessions.length) {
    const known = new Set((await listProfessions(deps)).map((p) => p.key));
    input.targetProfessions.forEach((key, i) => {
      if (!known.has(key))
        throw new ValidationError([{ path: `targetProfessions.${i}`, message: tm.professionUnknown({ key }) }]);
    });
  }
}

/** A municipality's need, until the deadline while the cycle is open for needs. */
export async function submitNeed(deps: TrainingPlanDeps, ctx: SignedInContext, cycleId: string, input: NeedInput) {
  const { actor } = ctx;
  authorize(actor, 'training_plan:submit_need');
  const cycle = await loadCycle(deps, actor, cycleId);
  const organisationId = isRegionalAdmin(actor) ? input.organisationId : actor.organisationId;
  if (!organisationId) throw new ValidationError([{ path: 'organisationId', message: tm.municipalityRequired() }]);
  const [org] = await deps.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.id, organisationId), eq(organisation.kind, 'municipality')));
  if (!org) throw new ValidationError([{ path: 'organisationId', message: tm.municipalityRequired() }]);
  if (cycle.phase !== 'needs' || swedishToday(deps.now()) > cycle.needsDeadline) {
    throw new ConflictError(tm.needsClosed({ deadline: cycle.needsDeadline }));
  }
  await checkNeedReferences(deps, input);
  const id = await inTransaction(deps.db, async (tx) => {
    const [need] = await tx
      .insert(trainingPlanNeed)
      .values({
        cycleId,
        title: input.title,
        topicKey: input.topicKey,
        description: input.description,
        targetProfessions: input.targetProfessions,
        urgency: input.urgency,
        format: input.format,
        term: input.term,
        createdBy: actor.userId,
      })
      .returning({ id: trainingPlanNeed.id });
    if (!need) throw new Error('need not written');
    await tx.insert(trainingPlanContribution).values({
      needId: need.id,
      organisationId,
      expectedParticipants: input.expectedParticipants,
      rationale: input.rationale,
      submittedBy: actor.userId,
    });
    await audit(tx, ctx, {
      action: 'training_plan_need.create',
      entityType: 'training_plan_need',
      entityId: need.id,
      organisationId,
    });
    return need.id;
  });
  return (await needsOf(deps, cycleId, [id]))[0] as NeedDto;
}

async function openNeeds(deps: TrainingPlanDeps, cycle: CycleRow, ids: string[]) {
  const rows = await deps.db
    .select()
    .from(trainingPlanNeed)
    .where(and(eq(trainingPlanNeed.cycleId, cycle.id), inArray(trainingPlanNeed.id, ids)));
  if (rows.length !== new Set(ids).size) throw new NotFoundError(tm.needNotFound());
  if (rows.some((r) => r.status !== 'open')) throw new ConflictError(tm.needNotOpen());
  return rows;
}

function assertBeforeRanking(cycle: CycleRow) {
  if (cycle.phase !== 'needs' && cycle.phase !== 'prioritisation') throw new ConflictError(tm.mergeBeforeMeeting());
}

/** Merges duplicates into one need that keeps every municipality's participants and rationale. */
export async function mergeNeeds(
  deps: TrainingPlanDeps,
  ctx: SignedInContext,
  cycleId: string,
  input: { needIds: string[]; title: string; description: string },
) {
  const cycle = await loadCycle(deps, ctx.actor, cycleId);
  assertCoordinator(ctx.actor, cycle);
  assertBeforeRanking(cycle);
  const rows = await openNeeds(deps, cycle, input.needIds);
  const id = await inTransaction(deps.db, async (tx) => {
    const contributions = await tx
      .select()
      .from(trainingPlanContribution)
      .where(inArray(trainingPlanContribution.needId, input.needIds))
      .orderBy(asc(trainingPlanContribution.submittedAt));
    const professions = [...new Set(rows.flatMap((r) => r.targetProfessions))];
    const first = rows[0];
    const [merged] = await tx
      .insert(trainingPlanNeed)
      .values({
        cycleId,
        title: input.title,
        topicKey: rows.find((r) => r.topicKey)?.topicKey ?? null,
        description: input.description,
        // A need for every profession (none named) stays for every profession.
        targetProfessions: rows.some((r) => r.targetProfessions.length === 0) ? [] : professions,
        urgency: Math.max(...rows.map((r) => r.urgency)),
        format: rows.every((r) => r.format === first?.format) ? (first?.format ?? 'any') : 'any',
        term: rows.every((r) => r.term === first?.term) ? (first?.term ?? 'any') : 'any',
        origin: 'merged',
        originIds: input.needIds,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: trainingPlanNeed.id });
    if (!merged) throw new Error('need not written');
    // One contribution per municipality: participants added, rationales kept side by side.
    const byOrg = new Map<string, { participants: number; rationale: string[]; by: string | null }>();
    for (const c of contributions) {
      const m = byOrg.get(c.organisationId) ?? { participants: 0, rationale: [], by: c.submittedBy };
      m.participants += c.expectedParticipants;
      if (c.rationale) m.rationale.push(c.rationale);
      byOrg.set(c.organisationId, m);
    }
    await tx.insert(trainingPlanContribution).values(
      [...byOrg].map(([organisationId, m]) => ({
        needId: merged.id,
        organisationId,
        expectedParticipants: m.participants,
        rationale: m.rationale.join('\n\n'),
        submittedBy: m.by,
      })),
    );
    await tx
      .update(trainingPlanNeed)
      .set({ status: 'merged', updatedAt: new Date() })
      .where(inArray(trainingPlanNeed.id, input.needIds));
    await audit(tx, ctx, { action: 'training_plan_need.merge', entityType: 'training_plan_need', entityId: merged.id });
    return merged.id;
  });
  return (await needsOf(deps, cycleId, [id]))[0] as NeedDto;
}

/** Splits a need covering two (or more) things: each part keeps the municipalities' participants and rationale. */
export async function splitNeed(
  deps: TrainingPlanDeps,
  ctx: SignedInContext,
  needId: string,
  input: { parts: { title: string; description: string }[] },
) {
  const [need] = await deps.db.select().from(trainingPlanNeed).where(eq(trainingPlanNeed.id, needId));
  if (!need) throw new NotFoundError(tm.needNotFound());
  const cycle = await loadCycle(deps, ctx.actor, need.cycleId);
  assertCoordinator(ctx.actor, cycle);
  assertBeforeRanking(cycle);
  if (need.status !== 'open') throw new ConflictError(tm.needNotOpen());
  const ids = await inTransaction(deps.db, async (tx) => {
    const contributions = await tx
      .select()
      .from(trainingPlanContribution)
      .where(eq(trainingPlanContribution.needId, needId));
    const made: string[] = [];
    for (const part of input.parts) {
      const [row] = await tx
        .insert(trainingPlanNeed)
        .values({
          cycleId: need.cycleId,
          title: part.title,
          topicKey: need.topicKey,
          description: part.description,
          targetProfessions: need.targetProfessions,
          urgency: need.urgency,
          format: need.format,
          term: need.term,
          origin: 'split',
          originIds: [needId],
          createdBy: ctx.actor.userId,
        })
        .returning({ id: trainingPlanNeed.id });
      if (!row) throw new Error('need not written');
      made.push(row.id);
      if (contributions.length) {
        await tx.insert(trainingPlanContribution).values(
          contributions.map((c) => ({
            needId: row.id,
            organisationId: c.organisationId,
            expectedParticipants: c.expectedParticipants,
            rationale: c.rationale,
            submittedBy: c.submittedBy,
          })),
        );
      }
    }
    await tx
      .update(trainingPlanNeed)
      .set({ status: 'split', updatedAt: new Date() })
      .where(eq(trainingPlanNeed.id, needId));
    await audit(tx, ctx, { action: 'training_plan_need.split', entityType: 'training_plan_need', entityId: needId });
    return made;
  });
  return { needs: await needsOf(deps, need.cycleId, ids) };
}

/** The cycle's needs (all, or some) as DTOs, with their contributions, names and whether they are decided/ordered. */
export async function needsOf(deps: TrainingPlanDeps, cycleId: string, only?: string[]): Promise<NeedDto[]> {
  const rows = await deps.db
    .select()
    .from(trainingPlanNeed)
    .where(and(eq(trainingPlanNeed.cycleId, cycleId), only ? inArray(trainingPlanNeed.id, only) : undefined))
    .orderBy(asc(trainingPlanNeed.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [contributions, decided, orders, professions, topics] = await Promise.all([
    deps.db.select().from(trainingPlanContribution).where(inArray(trainingPlanContribution.needId, ids)),
    deps.db
      .select({ needId: trainingPlanDecisionNeed.needId })
      .from(trainingPlanDecisionNeed)
      .where(inArray(trainingPlanDecisionNeed.needId, ids)),
    deps.db
      .select({ id: trainingPlanOrder.id, needId: trainingPlanOrder.needId })
      .from(trainingPlanOrder)
      .where(inArray(trainingPlanOrder.needId, ids)),
    listProfessions(deps),
    catalogueTopics(deps.db),
  ]);
  const n = await names(deps.db, { organisations: contributions.map((c) => c.organisationId) });
  const decidedIds = new Set(decided.map((d) => d.needId));
  const professionName = new Map(professions.map((p) => [p.key, p.name]));
  return rows.map((r) => {
    const own = contributions
      .filter((c) => c.needId === r.id)
      .map((c) => ({
        organisation: { id: c.organisationId, name: n.organisation.get(c.organisationId)?.name ?? '' },
        expectedParticipants: c.expectedParticipants,
        rationale: c.rationale,
      }))
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'sv'));
    const topic = r.topicKey ? topics.find((t) => t.key === r.topicKey) : undefined;
    return {
      id: r.id,
      title: r.title,
      topic: topic ? { id: topic.key, name: topic.name } : null,
      description: r.description,
      targetProfessions: r.targetProfessions.map((key) => ({ id: key, name: professionName.get(key) ?? key })),
      urgency: r.urgency,
      format: r.format,
      term: r.term,
      status: r.status,
      origin: r.origin,
      originIds: r.originIds,
      contributions: own,
      expectedParticipants: own.reduce((s, c) => s + c.expectedParticipants, 0),
      decided: decidedIds.has(r.id),
      orderId: orders.find((o) => o.needId === r.id)?.id ?? null,
    };
  });
}

/** May the actor cast their municipality's ranking: its municipal admin, or the manager the admin named. */
export async function rankerFor(deps: TrainingPlanDeps, cycleId: string, organisationId: string) {
  const [row] = await deps.db
    .select({ userId: trainingPlanRanker.userId, name: user.name })
    .from(trainingPlanRanker)
    .innerJoin(user, eq(user.id, trainingPlanRanker.userId))
    .where(and(eq(trainingPlanRanker.cycleId, cycleId), eq(trainingPlanRanker.organisationId, organisationId)));
  return row ?? null;
}

export async function getCycle(deps: TrainingPlanDeps, ctx: SignedInContext, id: string): Promise<CycleDetail> {
  const { actor } = ctx;
  const cycle = await loadCycle(deps, actor, id);
  const inMunicipality = actor.organisationKind === 'municipality';
  const [[summary], transitions, needs, [ranking], [decision], ranker] = await Promise.all([
    summaries(deps, [cycle]),
    deps.db
      .select()
      .from(trainingPlanCycleTransition)
      .where(eq(trainingPlanCycleTransition.cycleId, id))
      .orderBy(asc(trainingPlanCycleTransition.at)),
    needsOf(deps, id),
    inMunicipality
      ? deps.db
          .select({ needIds: trainingPlanRanking.needIds })
          .from(trainingPlanRanking)
          .where(and(eq(trainingPlanRanking.cycleId, id), eq(trainingPlanRanking.organisationId, actor.organisationId)))
      : Promise.resolve([]),
    deps.db.select().from(trainingPlanDecision).where(eq(trainingPlanDecision.cycleId, id)),
    inMunicipality ? rankerFor(deps, id, actor.organisationId) : Promise.resolve(null),
  ]);
  const decided = needs.filter((n) => n.decided);
  const isAdmin = inMunicipality && actor.roles.includes('municipal_admin');
  const coordinate = mayCoordinate(actor, cycle);
  return {
    cycle: summary as CycleSummary,
    transitions: transitions.map((t) => ({ from: t.fromPhase, to: t.toPhase, at: t.at.toISOString() })),
    needs,
    myRanking: ranking?.needIds ?? null,
    decision: decision
      ? {
          decidedOn: decision.decidedOn,
          forum: decision.forum,
          notes: decision.notes,
          needIds: decided.map((n) => n.id),
        }
      : null,
    can: {
      coordinate,
      submitNeed:
        cycle.phase === 'needs' &&
        swedishToday(deps.now()) <= cycle.needsDeadline &&
        (isRegionalAdmin(actor) ||
          (inMunicipality && actor.roles.some((r) => r === 'manager' || r === 'municipal_admin'))),
      rank:
        cycle.phase === 'prioritisation' &&
        (isAdmin || (inMunicipality && ranker?.userId === actor.userId) || isRegionalAdmin(actor)),
      nameRanker: isAdmin,
    },
    ranker: ranker ? { id: ranker.userId, name: ranker.name } : null,
  };
}
