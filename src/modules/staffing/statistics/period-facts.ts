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
  const result = new Map<string, Fact[]>();
  if (municipalityIds.length === 0) return result;
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
        inArray(staffingFact.municipalityId, municipalityIds),
        measures ? inArray(staffingFact.measure, [...measures]) : undefined,
      ),
    );
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

const caches = new WeakMap<Db, LRUCache<string, Promise<PeriodFacts>>>();

/**
 * The packed facts of every report of a period, kept per (period, revision). The revision is read first: facts
 * read after it are at least as new, and a newer revision only reads them again.
 */
export async function cachedPeriodFacts(db: Db, periodId: string): Promise<PeriodFacts> {
  const [row] = (
    (await db.execute(sql`select revision from staffing_period where id = ${periodId}`)) as unknown as {
      rows: { revision: number | string }[];
    }
  ).rows;
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache({ max: 32 });
    caches.set(db, cache);
  }
  const key = `${periodId}:${row?.revision ?? 'none'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const loading = readPeriodFacts(db, periodId);
  cache.set(key, loading);
  loading.catch(() => {
    if (cache.peek(key) === loading) cache.delete(key);
  });
  return loading;
}

async function readPeriodFacts(db: Db, periodId: string): Promise<PeriodFacts> {
  const rows = await db
    .select({
      municipalityId: staffingFact.municipalityId,
      measure: staffingFact.measure,
      profession: staffingFact.profession,
      breakdown: staffingFact.breakdown,
      value: staffingFact.value,
    })
    .from(staffingFact)
    .where(eq(staffingFact.periodId, periodId));
  const byMunicipality = new Map<string, Fact[]>();
  for (const r of rows) {
    const list = byMunicipality.get(r.municipalityId) ?? [];
    byMunicipality.set(r.municipalityId, list);
    list.push({ measure: r.measure, profession: r.profession, breakdown: r.breakdown, value: Number(r.value) });
  }
  // One list of names for the period, shared by its municipalities.
  const names: FactNames = { professions: [], columns: [] };
  const out: PeriodFacts = new Map();
  for (const [id, facts] of byMunicipality) out.set(id, packFacts(facts, names));
  return out;
}
