// The demo's population projections: ten years per demo municipality from this year, invented but plausible
// (80+ growing 2–4 % a year, 65–79 about level, 0–64 slowly changing). Demo data only, not SCB's projections.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/server/db.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { populationProjection } from '../population.table.ts';
import { type PopulationAgeGroup, populationYearRange } from './population.contracts.ts';

export const DEMO_POPULATION_YEARS = 10;

/** A number in [0, 1) from a name, so every municipality gets its own, repeatable, figures. */
function unit(name: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (const char of name) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** The projection of one municipality of `inhabitants` (total in the first year). Demo data. */
export function demoProjection(
  name: string,
  inhabitants: number,
  firstYear: number,
): { year: number; ageGroup: PopulationAgeGroup; inhabitants: number }[] {
  const share80 = 0.055 + unit(name, 1) * 0.025;
  const share65 = 0.15 + unit(name, 2) * 0.05;
  const growth80 = 0.02 + unit(name, 3) * 0.02;
  const growth65 = -0.005 + unit(name, 4) * 0.015;
  const growth0 = -0.005 + unit(name, 5) * 0.01;
  const rows: { year: number; ageGroup: PopulationAgeGroup; inhabitants: number }[] = [];
  for (let i = 0; i < DEMO_POPULATION_YEARS; i++) {
    const year = firstYear + i;
    rows.push(
      { year, ageGroup: '0-64', inhabitants: Math.round(inhabitants * (1 - share80 - share65) * (1 + growth0) ** i) },
      { year, ageGroup: '65-79', inhabitants: Math.round(inhabitants * share65 * (1 + growth65) ** i) },
      { year, ageGroup: '80+', inhabitants: Math.round(inhabitants * share80 * (1 + growth80) ** i) },
    );
  }
  return rows;
}

/** Seeds the projections of the demo municipalities from their inhabitants in the staffing demo, once. */
export async function seedPopulationDemo(db: Db, profiles: Record<string, { inhabitants: number }>): Promise<void> {
  const [existing] = await db.select({ id: populationProjection.id }).from(populationProjection).limit(1);
  if (existing) return;
  const municipalities = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.kind, 'municipality'));
  const { min: firstYear } = populationYearRange();
  const rows = municipalities.flatMap((m) =>
    demoProjection(m.name, profiles[m.name]?.inhabitants ?? 10_000, firstYear).map((r) => ({
      ...r,
      municipalityId: m.id,
    })),
  );
  for (let i = 0; i < rows.length; i += 500) await db.insert(populationProjection).values(rows.slice(i, i + 500));
}
