// The facts of a period per municipality, as the statistics, the publications and the forecast read them.
import { and, eq, inArray } from 'drizzle-orm';
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
