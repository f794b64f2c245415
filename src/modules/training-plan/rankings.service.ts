// The prioritisation (decision 023): each municipality casts one ranking of the cycle's open needs (a second replaces
// the first, audited), the platform aggregates them — Borda for partial rankings, with Schulze's Condorcet winner
// beside it — and the network records its decision with date and forum. The decision counts; the ranking supports it.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user, userRole } from '../../platform/server/auth.table.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { getCycle, movePhase, rankerFor } from './cycles.service.ts';
import { ballotProblem, borda, schulze } from './rank-aggregation.ts';
import type { AggregateDto, AggregateMunicipalitiesDto } from './training-plan.contracts.ts';
import { trainingPlanMessages as tm } from './training-plan.messages.ts';
import {
  trainingPlanDecision,
  trainingPlanDecisionNeed,
  trainingPlanNeed,
  trainingPlanRanker,
  trainingPlanRanking,
} from './training-plan.table.ts';
import { assertCoordinator, loadCycle, mayCoordinate, type TrainingPlanDeps } from './training-plan-scope.ts';

async function openNeedIds(deps: TrainingPlanDeps, cycleId: string) {
  const rows = await deps.db
    .select({ id: trainingPlanNeed.id, title: trainingPlanNeed.title })
    .from(trainingPlanNeed)
    .where(and(eq(trainingPlanNeed.cycleId, cycleId), eq(trainingPlanNeed.status, 'open')))
    .orderBy(asc(trainingPlanNeed.createdAt), asc(trainingPlanNeed.id));
  return rows;
}

/** Casts (or replaces) a municipality's ranking. Needs left out are abstentions. */
export async function castRanking(
  deps: TrainingPlanDeps,
  ctx: SignedInContext,
  cycleId: string,
  input: { needIds: string[]; organisationId?: string | undefined },
) {
  const { actor } = ctx;
  authorize(actor, 'training_plan:rank');
  const cycle = await loadCycle(deps, actor, cycleId);
  const coordinator = mayCoordinate(actor, cycle);
  const organisationId = coordinator && input.organisationId ? input.organisationId : actor.organisationId;
  if (actor.organisationKind !== 'municipality' && !(coordinator && input.organisationId)) {
    throw new ValidationError([{ path: 'organisationId', message: tm.municipalityRequired() }]);
  }
  const [org] = await deps.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.id, organisationId), eq(organisation.kind, 'municipality')));
  if (!org) throw new ValidationError([{ path: 'organisationId', message: tm.municipalityRequired() }]);
  if (!coordinator || organisationId === actor.organisationId) {
    const ownAdmin = actor.organisationKind === 'municipality' && actor.roles.includes('municipal_admin');
    const named = (await rankerFor(deps, cycleId, organisationId))?.userId === actor.userId;
    if (!coordinator && !ownAdmin && !named) throw new ForbiddenError(tm.notRanker());
  }
  if (cycle.phase !== 'prioritisation') throw new ConflictError(tm.notRankingPhase());
  const candidates = new Set((await openNeedIds(deps, cycleId)).map((n) => n.id));
  const problem = ballotProblem(input.needIds, candidates);
  if (problem) {
    const index = input.needIds.lastIndexOf(problem.id);
    throw new ValidationError([
      {
        path: `needIds.${index}`,
        message: problem.kind === 'duplicate' ? tm.rankingDuplicate() : tm.rankingUnknownNeed(),
      },
    ]);
  }
  await inTransaction(deps.db, async (tx) => {
    const [before] = await tx
      .select({ id: trainingPlanRanking.id })
      .from(trainingPlanRanking)
      .where(and(eq(trainingPlanRanking.cycleId, cycleId), eq(trainingPlanRanking.organisationId, organisationId)))
      .for('update');
    const values = { needIds: input.needIds, rankedBy: actor.userId, rankedAt: new Date() };
    if (before) {
      await tx
        .update(trainingPlanRanking)
        .set({ ...values, version: sql`${trainingPlanRanking.version} + 1` })
        .where(eq(trainingPlanRanking.id, before.id));
    } else {
      await tx.insert(trainingPlanRanking).values({ ...values, cycleId, organisationId });
    }
    await audit(tx, ctx, {
      action: before ? 'training_plan_ranking.replace' : 'training_plan_ranking.create',
      entityType: 'training_plan_cycle',
      entityId: cycleId,
      organisationId,
    });
  });
  return { needIds: input.needIds };
}

/** A municipal admin names the manager who ranks for the municipality in this cycle. */
export async function nameRanker(deps: TrainingPlanDeps, ctx: SignedInContext, cycleId: string, userId: string) {
  const { actor } = ctx;
  await loadCycle(deps, actor, cycleId);
  if (actor.organisationKind !== 'municipality' || !actor.roles.includes('municipal_admin')) {
    throw new ForbiddenError(tm.notRanker());
  }
  const [manager] = await deps.db
    .select({ id: user.id })
    .from(user)
    .innerJoin(userRole, and(eq(userRole.userId, user.id), eq(userRole.role, 'manager')))
    .where(and(eq(user.id, userId), eq(user.organisationId, actor.organisationId), eq(user.active, true)));
  if (!manager) throw new ValidationError([{ path: 'userId', message: tm.rankerNotManager() }]);
  await inTransaction(deps.db, async (tx) => {
    await tx
      .insert(trainingPlanRanker)
      .values({ cycleId, organisationId: actor.organisationId, userId, namedBy: actor.userId })
      .onConflictDoUpdate({
        target: [trainingPlanRanker.cycleId, trainingPlanRanker.organisationId],
        set: { userId, namedBy: actor.userId, namedAt: new Date() },
      });
    await audit(tx, ctx, {
      action: 'training_plan_ranker.name',
      entityType: 'user',
      entityId: userId,
      organisationId: actor.organisationId,
    });
  });
  return getCycle(deps, ctx, cycleId);
}

/**
 * The aggregated ranking. Computed once per change of the cycle's rankings or needs (the revision below is one small
 * query) and kept in memory, serialised: the meeting view asks for it again and again while nothing changes.
 */
/** The aggregate as JSON, serialised once per revision (the answer for 290 rankings of 200 needs is ~1 MB). */
export async function aggregateJson(
  deps: TrainingPlanDeps,
  ctx: SignedInContext,
  cycleId: string,
  part: 'aggregate' | 'municipalities' = 'aggregate',
): Promise<string> {
  authorize(ctx.actor, 'training_plan:read');
  // The cycle and its revision in one query: the meeting view reads this again and again.
  const revision = await deps.db.execute(sql`
    SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(ranked_at)::text, '')
              FROM training_plan_ranking WHERE cycle_id = c.id) AS r,
           (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '')
              FROM training_plan_need WHERE cycle_id = c.id) AS n
      FROM training_plan_cycle c WHERE c.id = ${cycleId}`);
  const rev = (revision as unknown as { rows: { r: string; n: string }[] }).rows[0];
  if (!rev) throw new NotFoundError(tm.cycleNotFound());
  const key = `${cycleId}|${rev.r}|${rev.n}`;
  const hit = deps.aggregates.get(`${key}|${part}`);
  if (hit) return hit;
  const { aggregate, municipalities } = await computeAggregate(deps, cycleId);
  deps.aggregates.set(`${key}|aggregate`, JSON.stringify(aggregate));
  deps.aggregates.set(`${key}|municipalities`, JSON.stringify(municipalities));
  return deps.aggregates.get(`${key}|${part}`) as string;
}

export async function computeAggregate(
  deps: TrainingPlanDeps,
  cycleId: string,
): Promise<{ aggregate: AggregateDto; municipalities: AggregateMunicipalitiesDto }> {
  const [needs, rankings] = await Promise.all([
    openNeedIds(deps, cycleId),
    deps.db
      .select({
        organisationId: trainingPlanRanking.organisationId,
        name: organisation.name,
        needIds: trainingPlanRanking.needIds,
      })
      .from(trainingPlanRanking)
      .innerJoin(organisation, eq(organisation.id, trainingPlanRanking.organisationId))
      .where(eq(trainingPlanRanking.cycleId, cycleId)),
  ]);
  const candidates = needs.map((n) => n.id);
  const open = new Set(candidates);
  // Rankings cast before a need was merged or split keep only the needs still open.
  const ballots = rankings.map((r) => ({ voter: r.organisationId, ranking: r.needIds.filter((id) => open.has(id)) }));
  const b = borda(candidates, ballots);
  const s = schulze(candidates, ballots);
  const schulzeOf = new Map(s.order.map((o) => [o.id, o]));
  const title = new Map(needs.map((n) => [n.id, n.title]));
  const rowOf = new Map(b.map((r, i) => [r.id, i]));
  const aggregate: AggregateDto = {
    method: 'borda-partial',
    municipalitiesRanked: rankings.length,
    rows: b.map((r) => ({
      needId: r.id,
      title: title.get(r.id) ?? '',
      points: r.points,
      place: r.place,
      tied: r.tied,
      firsts: r.firsts,
      rankedBy: r.rankedBy,
      schulzePlace: schulzeOf.get(r.id)?.place ?? 0,
      schulzeTied: schulzeOf.get(r.id)?.tied ?? false,
    })),
    condorcetWinner: s.condorcetWinner,
    schulzeWinners: s.winners,
  };
  const municipalities: AggregateMunicipalitiesDto = {
    needIds: b.map((r) => r.id),
    byMunicipality: rankings
      .map((r, i) => ({
        organisation: { id: r.organisationId, name: r.name },
        ranking: (ballots[i]?.ranking ?? []).map((id) => rowOf.get(id) ?? -1),
      }))
      .sort((x, y) => x.organisation.name.localeCompare(y.organisation.name, 'sv')),
  };
  return { aggregate, municipalities };
}

/** The network's decision: which open needs run together this year, with date and forum; the cycle moves to decided. */
export async function decide(
  deps: TrainingPlanDeps,
  ctx: SignedInContext,
  cycleId: string,
  input: { decidedOn: string; forum: string; notes: string; needIds: string[] },
) {
  const cycle = await loadCycle(deps, ctx.actor, cycleId);
  assertCoordinator(ctx.actor, cycle);
  if (cycle.phase !== 'prioritisation') throw new ConflictError(tm.notDecidedPhase());
  const open = new Set((await openNeedIds(deps, cycleId)).map((n) => n.id));
  const problem = ballotProblem(input.needIds, open);
  if (problem) {
    throw new ValidationError([
      { path: `needIds.${input.needIds.lastIndexOf(problem.id)}`, message: tm.decisionNeedUnknown() },
    ]);
  }
  await inTransaction(deps.db, async (tx) => {
    const [exists] = await tx
      .select({ id: trainingPlanDecision.id })
      .from(trainingPlanDecision)
      .where(eq(trainingPlanDecision.cycleId, cycleId));
    if (exists) throw new ConflictError(tm.decisionExists());
    const [d] = await tx
      .insert(trainingPlanDecision)
      .values({
        cycleId,
        decidedOn: input.decidedOn,
        forum: input.forum,
        notes: input.notes,
        decidedBy: ctx.actor.userId,
      })
      .returning({ id: trainingPlanDecision.id });
    if (!d) throw new Error('decision not written');
    await tx
      .insert(trainingPlanDecisionNeed)
      .values(input.needIds.map((needId, position) => ({ decisionId: d.id, needId, position: position + 1 })));
    await movePhase(tx, ctx, cycle, 'decided');
    await audit(tx, ctx, {
      action: 'training_plan_decision.create',
      entityType: 'training_plan_cycle',
      entityId: cycleId,
    });
  });
  return getCycle(deps, ctx, cycleId);
}

/** Who the region's admin or coordinator may pick: decided needs' ids by cycle (used by orders). */
export async function decidedNeedIds(deps: TrainingPlanDeps, needIds: string[]) {
  if (needIds.length === 0) return new Set<string>();
  const rows = await deps.db
    .select({ needId: trainingPlanDecisionNeed.needId })
    .from(trainingPlanDecisionNeed)
    .where(inArray(trainingPlanDecisionNeed.needId, needIds));
  return new Set(rows.map((r) => r.needId));
}
