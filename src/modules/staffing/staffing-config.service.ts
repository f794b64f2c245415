// The region's configurable lists for the staffing statistics: professions, specialties, other competences,
// age bands and absence kinds. Keys are fixed at creation (facts refer to them); names, order and activity change.
import { asc, eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import type {
  ConfigItemDto,
  createItemSchema,
  createProfessionSchema,
  ProfessionDto,
  StaffingConfigDto,
  updateItemSchema,
  updateProfessionSchema,
} from './staffing.contracts.ts';
import { staffingMessages as sm } from './staffing.messages.ts';
import { staffingItem, staffingPeriod, staffingProfession, staffingRevision } from './staffing.table.ts';
import type { RulesConfig } from './staffing-rules.ts';

export type StaffingDeps = {
  db: Db;
  cache: ReadCache;
  minCount: number;
  publications?: PublicationCache;
  /** The form's plausibility warnings: a change above this share against the last period (default 0.1). */
  warnShare?: number;
};

/** Computed publications by (period, viewer, revision): valid until the revision moves, on every server. */
export class PublicationCache {
  // lru-cache holds the promise, so concurrent requests for the same key share one load.
  private readonly entries: LRUCache<string, Promise<unknown>>;
  constructor(max = 64) {
    this.entries = new LRUCache({ max });
  }
  remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) return hit as Promise<T>;
    const value = load();
    this.entries.set(key, value);
    // A failed load is not remembered (unless a newer load has replaced it already).
    value.catch(() => {
      if (this.entries.peek(key) === value) this.entries.delete(key);
    });
    return value;
  }
}

/** Marks a change to what the statistics show; call inside the transaction that makes the change. */
/** After a change that touches every period's statistics (configuration, periods). */
export async function bumpRevision(tx: Db): Promise<void> {
  await tx
    .update(staffingRevision)
    .set({ revision: sql`${staffingRevision.revision} + 1` })
    .where(eq(staffingRevision.id, 1));
}

/** After a change to one period's reports (values or statuses): only that period's statistics are computed anew. */
export async function bumpPeriodRevision(tx: Db, periodId: string): Promise<void> {
  await tx
    .update(staffingPeriod)
    .set({ revision: sql`${staffingPeriod.revision} + 1` })
    .where(eq(staffingPeriod.id, periodId));
}

const toProfessionDto = (r: typeof staffingProfession.$inferSelect): ProfessionDto => ({
  id: r.id,
  key: r.key,
  name: r.name,
  nameEn: r.nameEn,
  licensed: r.licensed,
  sort: r.sort,
  active: r.active,
});
const toItemDto = (r: typeof staffingItem.$inferSelect): ConfigItemDto => ({
  id: r.id,
  kind: r.kind,
  professionId: r.professionId,
  key: r.key,
  name: r.name,
  nameEn: r.nameEn,
  minAge: r.minAge,
  maxAge: r.maxAge,
  sort: r.sort,
  active: r.active,
});

/** The configuration; reference data every page and statistic reads, so it is cached briefly per server. */
export function loadConfig(deps: StaffingDeps): Promise<StaffingConfigDto> {
  return deps.cache.remember('staffing:config', async () => {
    const professions = await deps.db
      .select()
      .from(staffingProfession)
      .orderBy(asc(staffingProfession.sort), swedishOrder(staffingProfession.name));
    const items = await deps.db
      .select()
      .from(staffingItem)
      .orderBy(asc(staffingItem.kind), asc(staffingItem.sort), swedishOrder(staffingItem.name));
    return { professions: professions.map(toProfessionDto), items: items.map(toItemDto), minCount: deps.minCount };
  });
}

export async function getConfig(deps: StaffingDeps, ctx: SignedInContext) {
  authorize(ctx.actor, 'staffing:read_statistics');
  return loadConfig(deps);
}

export function rulesConfigOf(config: StaffingConfigDto): RulesConfig {
  const keyOf = new Map(config.professions.map((p) => [p.id, p.key]));
  return {
    professions: config.professions.map((p) => ({ key: p.key, active: p.active })),
    items: config.items.map((i) => ({
      kind: i.kind,
      key: i.key,
      professionKey: i.professionId ? (keyOf.get(i.professionId) ?? null) : null,
      active: i.active,
    })),
  };
}

export async function createProfession(
  deps: StaffingDeps,
  ctx: SignedInContext,
  input: z.infer<typeof createProfessionSchema>,
) {
  authorize(ctx.actor, 'staffing:configure');
  const config = await loadConfig(deps);
  if (config.professions.some((p) => p.key === input.key)) {
    throw new ConflictError(sm.keyTaken(), [{ path: 'key', message: sm.professionKeyTaken() }]);
  }
  const sort = Math.max(0, ...config.professions.map((p) => p.sort)) + 10;
  const row = await inTransaction(deps.db, async (tx) => {
    const [created] = await tx
      .insert(staffingProfession)
      .values({ ...input, sort })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await audit(tx, ctx, {
      action: 'staffing_profession.create',
      entityType: 'staffing_profession',
      entityId: created.id,
    });
    return created;
  });
  return toProfessionDto(row);
}

export async function updateProfession(
  deps: StaffingDeps,
  ctx: SignedInContext,
  id: string,
  input: z.infer<typeof updateProfessionSchema>,
) {
  authorize(ctx.actor, 'staffing:configure');
  const row = await inTransaction(deps.db, async (tx) => {
    const [updated] = await tx.update(staffingProfession).set(input).where(eq(staffingProfession.id, id)).returning();
    if (!updated) throw new NotFoundError(sm.professionNotFound());
    await bumpRevision(tx);
    await audit(tx, ctx, { action: 'staffing_profession.update', entityType: 'staffing_profession', entityId: id });
    return updated;
  });
  return toProfessionDto(row);
}

export async function createItem(deps: StaffingDeps, ctx: SignedInContext, input: z.infer<typeof createItemSchema>) {
  authorize(ctx.actor, 'staffing:configure');
  const config = await loadConfig(deps);
  const fields = [];
  if (input.kind === 'specialty' && !config.professions.some((p) => p.id === input.professionId)) {
    fields.push({ path: 'professionId', message: sm.specialtyNeedsProfession() });
  }
  if (input.kind !== 'specialty' && input.professionId !== null) {
    fields.push({ path: 'professionId', message: sm.onlySpecialtiesHaveProfession() });
  }
  if (input.kind === 'age_band' && input.minAge === null) {
    fields.push({ path: 'minAge', message: sm.ageGroupNeedsMinAge() });
  }
  if (input.minAge !== null && input.maxAge !== null && input.maxAge < input.minAge) {
    fields.push({ path: 'maxAge', message: sm.maxAgeBelowMinAge() });
  }
  if (fields.length > 0) throw new ValidationError(fields);
  const siblings = config.items.filter((i) => i.kind === input.kind && i.professionId === input.professionId);
  if (siblings.some((i) => i.key === input.key)) {
    throw new ConflictError(sm.keyTaken(), [{ path: 'key', message: sm.listKeyTaken() }]);
  }
  const sort = Math.max(0, ...siblings.map((i) => i.sort)) + 10;
  const row = await inTransaction(deps.db, async (tx) => {
    const [created] = await tx
      .insert(staffingItem)
      .values({ ...input, sort })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await bumpRevision(tx);
    await audit(tx, ctx, { action: 'staffing_item.create', entityType: 'staffing_item', entityId: created.id });
    return created;
  });
  return toItemDto(row);
}

export async function updateItem(
  deps: StaffingDeps,
  ctx: SignedInContext,
  id: string,
  input: z.infer<typeof updateItemSchema>,
) {
  authorize(ctx.actor, 'staffing:configure');
  const row = await inTransaction(deps.db, async (tx) => {
    const [updated] = await tx.update(staffingItem).set(input).where(eq(staffingItem.id, id)).returning();
    if (!updated) throw new NotFoundError(sm.itemNotFound());
    await bumpRevision(tx);
    await audit(tx, ctx, { action: 'staffing_item.update', entityType: 'staffing_item', entityId: id });
    return updated;
  });
  return toItemDto(row);
}
