// The facts of a period per municipality, as the statistics, the publications and the forecast read them.
//
// The statistics read them packed and cached (`cachedPeriodFacts`): a period's facts change only with its reports'
// values, and every such change moves the period's own revision (bumpPeriodRevision, in the same transaction), so
// the facts are kept per (period, revision) and a change of the configuration, of another period or of the
// organisations reads none of them again. Packed: each fact is an index into the period's list of distinct
// `profession|column` names and a number, in typed arrays (no object per fact for the collector to trace).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../../platform/server/db.ts';
import { staffingFact } from '../staffing.table.ts';
import type { Fact } from '../staffing-measures.ts';

/** The facts of a period per municipality; only the given measures when `measures` is set. */
export async function loadPeriodFacts(
  db: Db,
  periodId: string,
  municipalityIds: string[],
  measures?: readonly string[],
): Promise<Map<string, Fact[]>> {
  if (municipalityIds.length === 0) return new Map();
  return readFacts(db, periodId, municipalityIds, measures);
}

/** The facts of a period per municipality: of the given municipalities, or of every one (`null`). */
async function readFacts(
  db: Db,
  periodId: string,
  municipalityIds: string[] | null,
  measures?: readonly string[],
): Promise<Map<string, Fact[]>> {
  const rows = await db
    .select({
      municipalityId: staffingFact.municipalityId,
      measure: staffingFact.measure,
      profession: staffingFact.profession,
      breakdown: staffingFact.breakdown,
      value: staffingFact.value,
    })
    .from(staffingFact)
    .where(
      and(
        eq(staffingFact.periodId, periodId),
        municipalityIds ? inArray(staffingFact.municipalityId, municipalityIds) : undefined,
        measures ? inArray(staffingFact.measure, [...measures]) : undefined,
      ),
    );
  const result = new Map<string, Fact[]>();
  for (const r of rows) {
    const list = result.get(r.municipalityId) ?? [];
    result.set(r.municipalityId, list);
    list.push({ measure: r.measure, profession: r.profession, breakdown: r.breakdown, value: Number(r.value) });
  }
  return result;
}

/** A period's distinct fact names: `profession`, `column` (measure, or `measure.breakdown`) per index. */
export type FactNames = { professions: string[]; columns: string[] };

/** One municipality's facts: name indexes into the period's FactNames, and the values. */
export type PackedFacts = { names: FactNames; index: Uint32Array; values: Float64Array };

/** Packs facts (tests and single reports use plain facts; the statistics read them packed). */
export function packFacts(facts: readonly Fact[], names: FactNames = { professions: [], columns: [] }): PackedFacts {
  const seen = new Map<string, number>();
  names.professions.forEach((p, i) => {
    seen.set(`${p}|${names.columns[i]}`, i);
  });
  const index = new Uint32Array(facts.length);
  const values = new Float64Array(facts.length);
  facts.forEach((f, i) => {
    const column = f.breakdown ? `${f.measure}.${f.breakdown}` : f.measure;
    const name = `${f.profession}|${column}`;
    let at = seen.get(name);
    if (at === undefined) {
      at = names.professions.length;
      names.professions.push(f.profession);
      names.columns.push(column);
      seen.set(name, at);
    }
    index[i] = at;
    values[i] = f.value;
  });
  return { names, index, values };
}

/** Every municipality's packed facts of a period (any report status; the caller chooses whose it reads). */
export type PeriodFacts = Map<string, PackedFacts>;

/** A period's facts as last read: per municipality, a stamp of its report's facts, and the names they share. */
type Loaded = { revision: string; stamps: Map<string, string>; facts: PeriodFacts; names: FactNames };

const caches = new WeakMap<Db, LRUCache<string, Promise<Loaded>>>();

/**
 * The packed facts of every report of a period, kept per (period, revision). The revision is read first: facts
 * read after it are at least as new, and a newer revision only reads them again. When the revision has moved, only
 * the municipalities whose report changed are read again: a report's stamp is its `updated_at` (moved by every save
 * of its facts, in the transaction that moves the revision) with the count and sum of its facts.
 */
export async function cachedPeriodFacts(db: Db, periodId: string): Promise<PeriodFacts> {
  const [row] = (
    (await db.execute(
      sql`select revision::text as revision from staffing_period where id = ${periodId}`,
    )) as unknown as {
      rows: { revision: string }[];
    }
  ).rows;
  const revision = row?.revision ?? 'none';
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache({ max: 32 });
    caches.set(db, cache);
  }
  const store = cache;
  const hit = store.get(periodId);
  if (hit) {
    const loaded = await hit.catch(() => null);
    if (loaded?.revision === revision) return loaded.facts;
    // A load of another revision (older, or newer than the one read here) is where the next one starts from.
    if (store.get(periodId) === hit) {
      const next = refresh(db, periodId, revision, loaded);
      store.set(periodId, next);
      next.catch(() => {
        if (store.peek(periodId) === next) store.delete(periodId);
      });
      return (await next).facts;
    }
    return cachedPeriodFacts(db, periodId);
  }
  const next = refresh(db, periodId, revision, null);
  store.set(periodId, next);
  next.catch(() => {
    if (store.peek(periodId) === next) store.delete(periodId);
  });
  return (await next).facts;
}

/** Reads the facts of the reports that changed since `previous` (all of them without one). */
async function refresh(db: Db, periodId: string, revision: string, previous: Loaded | null): Promise<Loaded> {
  const stampRows = (
    (await db.execute(
      sql`select r.municipality_id as id,
          r.updated_at::text || '/' || count(f.value)::text || '/' || coalesce(sum(f.value), 0)::text as stamp
        from staffing_report r
        left join staffing_fact f on f.period_id = r.period_id and f.municipality_id = r.municipality_id
        where r.period_id = ${periodId}
        group by r.municipality_id, r.updated_at`,
    )) as unknown as { rows: { id: string; stamp: string }[] }
  ).rows;
  const stamps = new Map(stampRows.map((r) => [r.id, r.stamp] as const));
  const changed = stampRows.filter((r) => previous?.stamps.get(r.id) !== r.stamp).map((r) => r.id);
  // One list of names for the period, shared by its municipalities (new names are appended; old indexes stay).
  const names: FactNames = previous?.names ?? { professions: [], columns: [] };
  const facts: PeriodFacts = new Map();
  for (const id of stamps.keys()) {
    const kept = previous?.facts.get(id);
    if (kept && !changed.includes(id)) facts.set(id, kept);
  }
  if (changed.length > 0) {
    const read = await readFacts(db, periodId, previous ? changed : null);
    for (const [id, list] of read) if (stamps.has(id)) facts.set(id, packFacts(list, names));
  }
  return { revision, stamps, facts, names };
}
