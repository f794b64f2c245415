// What other modules may read of further education (decision 026): the expected new specialists — training posts in
// progress counted by the year of their expected end, profession and specialty, per municipality. Counts only, never a
// person. It is the staffing forecast's specialist supply source (staffing/forecast/specialist-supply.contracts.ts),
// wired by the composition root; the forecast hides small counts where the region sees them.
import { and, between, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import type {
  SpecialistSupplyQuery,
  SpecialistSupplyRow,
  SpecialistSupplySource,
} from '../staffing/forecast/specialist-supply.contracts.ts';
import { furtherEducationPost } from './further-education.table.ts';

const endYear = sql<number>`extract(year from ${furtherEducationPost.expectedEnd})::int`;

export async function expectedSpecialists(db: Db, query: SpecialistSupplyQuery): Promise<SpecialistSupplyRow[]> {
  if (query.municipalityIds.length === 0) return [];
  const rows = await db
    .select({
      municipalityId: furtherEducationPost.municipalityId,
      year: endYear,
      professionKey: furtherEducationPost.professionKey,
      specialtyKey: furtherEducationPost.specialtyKey,
      count: sql<number>`count(*)::int`,
    })
    .from(furtherEducationPost)
    .where(
      and(
        eq(furtherEducationPost.status, 'in_training'),
        inArray(furtherEducationPost.municipalityId, [...query.municipalityIds]),
        between(endYear, query.fromYear, query.toYear),
      ),
    )
    .groupBy(
      furtherEducationPost.municipalityId,
      endYear,
      furtherEducationPost.professionKey,
      furtherEducationPost.specialtyKey,
    );
  return rows.map((r) => ({ ...r, year: Number(r.year), count: Number(r.count) }));
}

export const specialistSupplyFromTrainingPosts: SpecialistSupplySource = {
  rows: expectedSpecialists,
  async version(db) {
    const [row] = await db
      .select({ v: sql<string>`count(*)::text || '/' || coalesce(max(${furtherEducationPost.updatedAt})::text, '')` })
      .from(furtherEducationPost);
    return row?.v ?? '';
  },
};
