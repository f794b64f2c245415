// Making and reading the stored publications of the staffing statistics (issue 13, decision 016).
//
// Other municipalities' figures change only when a publication is made: by the regional admin ("Publicera"), by the
// nightly job when a period's approved reports have changed since its latest publication, and when a period is
// closed. Never per approval. A publication holds the approved reports of the period, protected by one pattern over
// all its tables (platform/server/disclosure), with every earlier publication of the period as a constraint, and is
// stored only when the engine's attacker audit passes. A municipality once published stays in the period's later
// publications (with its latest approved figures, or the published ones if its report was returned), so no later
// region total can be differenced against an earlier one to single it out.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { authorize } from '../../../platform/server/actor.ts';
import { audit } from '../../../platform/server/audit.ts';
import type { Db } from '../../../platform/server/db.ts';
import { protect } from '../../../platform/server/disclosure/protect.ts';
import type { DisclosureCell, EarlierPublication, Relation } from '../../../platform/server/disclosure/types.ts';
import { ConflictError } from '../../../platform/server/errors.ts';
import type { Job } from '../../../platform/server/jobs.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { type PublicationReason, staffingPublication } from '../publication.table.ts';
import { findPeriod } from '../reporting/periods.service.ts';
import { staffingMessages as sm } from '../staffing.messages.ts';
import { staffingPeriod, staffingReport } from '../staffing.table.ts';
import { loadConfig, type StaffingDeps } from '../staffing-config.service.ts';
import type { Fact } from '../staffing-measures.ts';
import { loadPeriodFacts } from './period-facts.ts';
import { disclosureModel, type ModelOptions, publicationShape, rawFigures } from './publication.ts';

export type StoredPublication = typeof staffingPublication.$inferSelect;

export type PublishOutcome =
  | { made: true; publication: StoredPublication }
  | { made: false; reason: 'unchanged' | 'nothing_approved'; publication: StoredPublication | null };

/** The latest publication of a period, or null. */
export async function latestPublication(db: Db, periodId: string): Promise<StoredPublication | null> {
  const [row] = await db
    .select()
    .from(staffingPublication)
    .where(eq(staffingPublication.periodId, periodId))
    .orderBy(desc(staffingPublication.version))
    .limit(1);
  return row ?? null;
}

/** A stored publication as the statistics read it: its figures and pattern parsed once (it never changes). */
export type ReadyPublication = {
  id: string;
  version: number;
  publishedAt: Date;
  municipalities: { id: string; name: string }[];
  cellValues: ReadonlyMap<string, number>;
  hidden: ReadonlySet<string>;
};

const readyPublications = new WeakMap<Db, LRUCache<string, Promise<ReadyPublication | null>>>();

/**
 * The latest publication of a period, ready to read. Its id and version are read each time (a later version may
 * have been made); its figures only once per publication, as a publication is immutable once stored.
 */
export async function latestReadyPublication(db: Db, periodId: string): Promise<ReadyPublication | null> {
  const [latest] = await db
    .select({ id: staffingPublication.id })
    .from(staffingPublication)
    .where(eq(staffingPublication.periodId, periodId))
    .orderBy(desc(staffingPublication.version))
    .limit(1);
  if (!latest) return null;
  let cache = readyPublications.get(db);
  if (!cache) {
    cache = new LRUCache({ max: 32 });
    readyPublications.set(db, cache);
  }
  const hit = cache.get(latest.id);
  if (hit) return hit;
  const loading = (async () => {
    const [row] = await db.select().from(staffingPublication).where(eq(staffingPublication.id, latest.id));
    if (!row) return null;
    return {
      id: row.id,
      version: row.version,
      publishedAt: row.publishedAt,
      municipalities: row.municipalities,
      cellValues: new Map(Object.entries(row.cellValues)),
      hidden: new Set(row.hidden),
    };
  })();
  cache.set(latest.id, loading);
  loading.catch(() => {
    if (cache.peek(latest.id) === loading) cache.delete(latest.id);
  });
  return loading;
}

/** Facts rebuilt from a publication's stored cells (a municipality whose report is no longer approved). */
export function factsFromCells(values: Record<string, number>, municipalityId: string, shapeColumns: Set<string>) {
  const facts: Fact[] = [];
  for (const [id, value] of Object.entries(values)) {
    const [m, profession = '', column = ''] = id.split('|');
    if (m !== municipalityId || profession === 'all' || !shapeColumns.has(column.split('.')[0] ?? '')) continue;
    const [measure = column, breakdown = ''] = column.split('.');
    facts.push({ measure, profession, breakdown, value });
  }
  return facts;
}

/** The stored measures (not the derived sums) a publication's cells carry. */
const STORED_MEASURES = new Set<string>([
  'inhabitants',
  'inhabitants_65_79',
  'inhabitants_80_plus',
  'enrolled_patients',
  'enrolled_home_care',
  'enrolled_special_housing',
  'headcount',
  'headcount_permanent',
  'headcount_fixed_term',
  'specialist_headcount',
  'specialty_headcount',
  'competence_headcount',
  'age_headcount',
  'contracted_fte',
  'worked_fte',
  'fulltime_headcount',
  'positions_budgeted',
  'positions_filled',
  'positions_vacant',
]);

function digestOf(ids: readonly string[], raw: ReadonlyMap<string, number>): string {
  const hash = createHash('sha256');
  hash.update(ids.join(','));
  for (const [k, v] of [...raw].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`|${k}=${v}`);
  return hash.digest('hex');
}

/** Everything a publication of a period is computed from, before the engine chooses its pattern. */
export type PreparedPublication = {
  periodId: string;
  latest: StoredPublication | null;
  list: { id: string; name: string }[];
  digest: string;
  cells: DisclosureCell[];
  relations: Relation[];
  forced: Set<string>;
  earlier: EarlierPublication[];
};

/** The inputs of the next publication of a period, or why there is none to make. */
export async function preparePublication(
  deps: StaffingDeps,
  periodId: string,
  model?: ModelOptions,
): Promise<PreparedPublication | { none: 'unchanged' | 'nothing_approved'; latest: StoredPublication | null }> {
  const config = await loadConfig(deps);
  const shape = publicationShape(config);
  const approved = await deps.db
    .select({ id: staffingReport.municipalityId, name: organisation.name })
    .from(staffingReport)
    .innerJoin(organisation, eq(organisation.id, staffingReport.municipalityId))
    .where(
      and(eq(staffingReport.periodId, periodId), eq(staffingReport.status, 'approved'), eq(organisation.active, true)),
    );
  const earlierRows = await deps.db
    .select()
    .from(staffingPublication)
    .where(eq(staffingPublication.periodId, periodId))
    .orderBy(asc(staffingPublication.version));
  const latest = earlierRows.at(-1) ?? null;
  const facts = await loadPeriodFacts(
    deps.db,
    periodId,
    approved.map((r) => r.id),
  );
  // Everyone published before stays in: with their approved figures, else with the figures published then.
  const members = new Map(approved.map((r) => [r.id, { id: r.id, name: r.name, facts: facts.get(r.id) ?? [] }]));
  for (const m of latest?.municipalities ?? []) {
    if (members.has(m.id)) continue;
    members.set(m.id, {
      id: m.id,
      name: m.name,
      facts: factsFromCells(latest?.cellValues ?? {}, m.id, STORED_MEASURES),
    });
  }
  if (members.size === 0) return { none: 'nothing_approved', latest };
  const list = [...members.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const ids = list.map((m) => m.id);
  const raw = rawFigures(shape, list);
  const digest = digestOf(ids, raw);
  if (latest && latest.digest === digest) return { none: 'unchanged', latest };

  const built = disclosureModel(shape, raw, ids, model);
  // Cells an earlier publication had that are gone now (a measure no longer reported) stay as hidden unknowns.
  const present = new Set(built.cells.map((c) => c.id));
  const cells: DisclosureCell[] = [...built.cells];
  for (const row of [...earlierRows].reverse()) {
    for (const [id, value] of Object.entries(row.cellValues)) {
      if (present.has(id)) continue;
      present.add(id);
      const [m = '', , c = ''] = id.split('|');
      const count = Number.isInteger(value) && !c.includes('fte') && !c.startsWith('positions');
      cells.push({ id, value, count, ...(m === 'region' ? {} : { owner: m }) });
      if (m !== 'region') built.forced.add(id);
    }
  }
  const earlier = earlierOf(earlierRows, cells);
  return {
    periodId,
    latest,
    list: list.map((m) => ({ id: m.id, name: m.name })),
    digest,
    cells,
    relations: built.relations,
    forced: built.forced,
    earlier,
  };
}

/**
 * The earlier publications of a period as the engine takes them: their values and patterns, with a municipality
 * that was not in one counted as 0 there (it added nothing to its sums).
 */
export function earlierOf(rows: readonly StoredPublication[], cells: readonly DisclosureCell[]): EarlierPublication[] {
  return rows.map((row) => {
    const values = new Map(Object.entries(row.cellValues));
    const members = new Set(row.municipalities.map((m) => m.id));
    for (const c of cells) {
      const [m = ''] = c.id.split('|');
      if (!values.has(c.id) && m !== 'region' && !members.has(m)) values.set(c.id, 0);
    }
    return { values, hidden: new Set(row.hidden) };
  });
}

/** Stores a publication whose pattern has passed the audit. */
export async function storePublication(
  db: Db,
  prepared: PreparedPublication,
  pattern: { hidden: ReadonlySet<string>; stats: Record<string, number> },
  how: { reason: PublicationReason; userId?: string | null; now?: Date },
): Promise<StoredPublication> {
  const [row] = await db
    .insert(staffingPublication)
    .values({
      periodId: prepared.periodId,
      version: (prepared.latest?.version ?? 0) + 1,
      reason: how.reason,
      publishedBy: how.userId ?? null,
      publishedAt: how.now ?? new Date(),
      municipalities: prepared.list,
      cellValues: Object.fromEntries(prepared.cells.map((c) => [c.id, c.value])),
      hidden: [...pattern.hidden].sort(),
      digest: prepared.digest,
      stats: pattern.stats,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Makes a new publication of a period when its approved figures differ from the latest one's: one pattern over all
 * its tables, chosen by the platform's engine and proven by its attacker audit. Throws a ConflictError (and stores
 * nothing) when the audit does not pass.
 */
export async function publishPeriod(
  deps: StaffingDeps,
  periodId: string,
  how: { reason: PublicationReason; userId?: string | null; now?: Date; model?: ModelOptions },
): Promise<PublishOutcome> {
  const prepared = await preparePublication(deps, periodId, how.model);
  if ('none' in prepared) return { made: false, reason: prepared.none, publication: prepared.latest };
  const result = await protect({
    cells: prepared.cells,
    relations: prepared.relations,
    forced: prepared.forced,
    earlier: prepared.earlier,
    k: deps.minCount,
    limits: { lpSeconds: 10, totalSeconds: 240 },
  });
  if (!result.audit.ok) {
    throw new ConflictError(sm.publicationRefused({ count: String(result.audit.violations.length) }));
  }
  const stats = {
    cells: prepared.cells.length,
    relations: prepared.relations.length,
    sensitive: result.primary.size,
    hidden: result.hidden.size,
    secondary: [...result.hidden].filter((id) => !result.primary.has(id) && !prepared.forced.has(id)).length,
    lps: result.stats.lps + result.audit.lps,
    fallbacks: result.stats.fallbacks,
    seconds: Math.round(result.stats.seconds * 100) / 100,
    earlier: prepared.earlier.length,
  };
  return { made: true, publication: await storePublication(deps.db, prepared, { hidden: result.hidden, stats }, how) };
}

/** The regional admin publishes a period now (also what "Publicera" in the period list does). */
export async function publishPeriodAsRegion(deps: StaffingDeps, ctx: SignedInContext, periodId: string) {
  authorize(ctx.actor, 'staffing:publish_statistics');
  await findPeriod(deps.db, periodId);
  const outcome = await publishPeriod(deps, periodId, { reason: 'region', userId: ctx.actor.userId });
  if (outcome.made) {
    await audit(deps.db, ctx, {
      action: 'staffing_publication.create',
      entityType: 'staffing_period',
      entityId: periodId,
    });
  }
  return publicationSummary(outcome);
}

export function publicationSummary(outcome: PublishOutcome) {
  const p = outcome.publication;
  return {
    made: outcome.made,
    reason: outcome.made ? null : outcome.reason,
    publication: p
      ? {
          version: p.version,
          publishedAt: p.publishedAt.toISOString(),
          municipalities: p.municipalities.length,
          hidden: p.hidden.length,
          stats: p.stats,
        }
      : null,
  };
}

/** Publishes every period whose approved figures changed since its latest publication (the nightly job). */
export async function publishChangedPeriods(
  deps: StaffingDeps,
  now: Date,
  log?: { error(o: object, m: string): void },
) {
  const periods = await deps.db
    .selectDistinct({ id: staffingPeriod.id })
    .from(staffingPeriod)
    .innerJoin(staffingReport, eq(staffingReport.periodId, staffingPeriod.id))
    .where(inArray(staffingReport.status, ['approved']));
  let made = 0;
  for (const period of periods) {
    try {
      const outcome = await publishPeriod(deps, period.id, { reason: 'nightly', now });
      if (outcome.made) made++;
    } catch (error) {
      // One period that cannot be published safely must not stop the others; it stays on its last publication.
      log?.error({ periodId: period.id, err: (error as Error).message }, 'staffing publication refused');
    }
  }
  return { made };
}

/** Every night: publish the periods whose approved reports changed during the day (decision 016). */
export function publicationJob(deps: StaffingDeps): Job {
  return {
    name: 'staffing-publications',
    // At night, after the day's approvals; a second server's run finds the digest unchanged (or loses the insert).
    schedule: '30 2 * * *',
    run: async (now) => {
      await publishChangedPeriods(deps, now);
    },
  };
}

/** Closing a period publishes it (its figures are final); a refusal leaves the period closed on its last publication. */
export async function publishOnClose(deps: StaffingDeps, periodId: string, log: { error(o: object, m: string): void }) {
  try {
    await publishPeriod(deps, periodId, { reason: 'period_closed' });
  } catch (error) {
    log.error({ periodId, err: (error as Error).message }, 'staffing publication on close refused');
  }
}
