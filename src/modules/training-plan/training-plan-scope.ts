// The joint training plan's shared pieces: its dependencies, who runs a cycle, loading a cycle, and names.
import { eq, inArray } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { authorize } from '../../platform/server/actor.ts';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import { ForbiddenError, NotFoundError } from '../../platform/server/errors.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import { type Actor, isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { trainingPlanMessages as tm } from './training-plan.messages.ts';
import { trainingPlanCycle } from './training-plan.table.ts';

export type TrainingPlanDeps = {
  db: Db;
  cache: ReadCache;
  /** The smallest count shown to others (k), the statistics' own. */
  minCount: number;
  now: () => Date;
  /** Aggregated rankings (as JSON) by cycle and revision (the rankings' and needs' latest change): made once per change. */
  aggregates: LRUCache<string, string>;
};

export const newAggregateCache = () => new LRUCache<string, string>({ max: 200 });

export type CycleRow = typeof trainingPlanCycle.$inferSelect;

/** Today in Sweden, as YYYY-MM-DD. */
export const swedishToday = (now: Date) => toStockholmLocal(now).slice(0, 10);

/** The cycle, or 404. Reading needs `training_plan:read` (not an external provider). */
export async function loadCycle(deps: TrainingPlanDeps, actor: Actor, id: string): Promise<CycleRow> {
  authorize(actor, 'training_plan:read');
  const [row] = await deps.db.select().from(trainingPlanCycle).where(eq(trainingPlanCycle.id, id));
  if (!row) throw new NotFoundError(tm.cycleNotFound());
  return row;
}

/** The region's admins and the cycle's coordinator run it. */
export const mayCoordinate = (actor: Actor, cycle: Pick<CycleRow, 'coordinatorUserId'>) =>
  isRegionalAdmin(actor) || (actor.kind === 'user' && cycle.coordinatorUserId === actor.userId);

export function assertCoordinator(actor: Actor, cycle: Pick<CycleRow, 'coordinatorUserId'>) {
  if (!mayCoordinate(actor, cycle)) throw new ForbiddenError(tm.notCoordinator());
}

/** Names of organisations, networks and users by id. */
export async function names(db: Db, ids: { organisations?: string[]; networks?: string[]; users?: string[] }) {
  const o = [...new Set(ids.organisations ?? [])];
  const n = [...new Set(ids.networks ?? [])];
  const u = [...new Set(ids.users ?? [])];
  const [orgs, nets, users] = await Promise.all([
    o.length
      ? db
          .select({ id: organisation.id, name: organisation.name, kind: organisation.kind, code: organisation.code })
          .from(organisation)
          .where(inArray(organisation.id, o))
      : [],
    n.length ? db.select({ id: network.id, name: network.name }).from(network).where(inArray(network.id, n)) : [],
    u.length ? db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, u)) : [],
  ]);
  return {
    organisation: new Map(orgs.map((r) => [r.id, r])),
    network: new Map(nets.map((r) => [r.id, r.name])),
    user: new Map(users.map((r) => [r.id, r.name])),
  };
}

export const cycleTitle = (year: number, networkName: string) => `Utbildningsplan ${year}, ${networkName}`;
