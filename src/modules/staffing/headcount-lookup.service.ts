// What other modules may read of the staffing statistics: headcount per profession per period and municipality, as
// reported (submitted or approved reports only, never a draft). The career path module follows the shift between
// roles with it. Raw figures: a caller that shows another municipality's counts protects them with the platform's
// suppression (publishCounts) before they leave the server. Never our tables otherwise.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { activeMunicipalities } from '../../platform/server/directory.ts';
import { isHeadcountFact } from './headcount-figures.ts';
import { staffingFact, staffingPeriod, staffingReport } from './staffing.table.ts';

export type HeadcountPeriod = { id: string; label: string; referenceDate: string };
export type HeadcountFact = { periodId: string; municipalityId: string; profession: string; value: number };

/**
 * The latest `periods` periods (annual ones, oldest first) and the headcount facts of the given professions in them,
 * from submitted and approved reports; all municipalities unless `municipalityIds` is given.
 */
export async function headcountByProfession(
  db: Db,
  opts: { professions: readonly string[]; municipalityIds?: readonly string[]; periods?: number },
): Promise<{ periods: HeadcountPeriod[]; facts: HeadcountFact[] }> {
  const recent = await db
    .select({ id: staffingPeriod.id, label: staffingPeriod.label, referenceDate: staffingPeriod.referenceDate })
    .from(staffingPeriod)
    .where(eq(staffingPeriod.kind, 'annual'))
    .orderBy(desc(staffingPeriod.referenceDate))
    .limit(Math.min(Math.max(opts.periods ?? 10, 1), 20));
  const periods = recent.reverse();
  if (periods.length === 0 || opts.professions.length === 0 || opts.municipalityIds?.length === 0) {
    return { periods, facts: [] };
  }
  // Every condition on the key's leading columns (period, municipality, profession), so the primary key's index is
  // probed per cell instead of scanning every fact of the periods.
  const municipalityIds = opts.municipalityIds ?? (await activeMunicipalities(db)).map((m) => m.id);
  const rows = await db
    .select({
      periodId: staffingFact.periodId,
      municipalityId: staffingFact.municipalityId,
      profession: staffingFact.profession,
      value: staffingFact.value,
    })
    .from(staffingFact)
    .innerJoin(
      staffingReport,
      and(
        eq(staffingReport.periodId, staffingFact.periodId),
        eq(staffingReport.municipalityId, staffingFact.municipalityId),
      ),
    )
    .where(
      and(
        inArray(
          staffingFact.periodId,
          periods.map((p) => p.id),
        ),
        inArray(staffingFact.profession, [...opts.professions]),
        isHeadcountFact(),
        inArray(staffingReport.status, ['submitted', 'approved']),
        inArray(staffingFact.municipalityId, [...municipalityIds]),
      ),
    )
    .orderBy(asc(staffingFact.municipalityId));
  return { periods, facts: rows.map((r) => ({ ...r, value: Number(r.value) })) };
}

/**
 * A key that changes whenever any headcount could have: every period's revision (moved by each change of a report's
 * values or status) and the staffing revision (configuration and periods). For callers that cache what they derive.
 */
export async function headcountRevision(db: Db): Promise<string> {
  const res = (await db.execute(
    sql`select (select revision from staffing_revision where id = 1) as r,
      (select coalesce(sum(revision), 0) from staffing_period) as p, (select count(*) from staffing_period) as n`,
  )) as unknown as { rows: { r: number | null; p: number | string; n: number | string }[] };
  const row = res.rows[0];
  return `${row?.r ?? 0}.${row?.p ?? 0}.${row?.n ?? 0}`;
}
