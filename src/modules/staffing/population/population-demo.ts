// The demo's population projections: for each demo municipality, the base year (the last closed period's reference
// year) as reported in that period, then ten more years continuing from it, invented but plausible (80+ growing 2–4 %
// a year, 65–79 about level, 0–64 slowly changing, 20–64 a steady share of 0–64). Demo data only, not SCB's.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/server/db.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { populationProjection } from '../population.table.ts';
import type { Fact } from '../staffing-measures.ts';
import type { PopulationAgeGroup } from './population.contracts.ts';

/** The base year and ten years ahead: the forecast's horizon is covered from its base year. */
export const DEMO_POPULATION_YEARS = 11;

/** A municipality's reported population in the base year (its report's context figures). */
export type PopulationBase = { year: number; inhabitants: number; age65_79: number; age80plus: number };

/** The base from a report's facts. */
export function populationBase(facts: readonly Fact[], year: number): PopulationBase {
  const value = (measure: string) =>
    facts.find((f) => f.profession === 'context' && f.measure === measure && f.breakdown === '')?.value ?? 0;
  return {
    year,
    inhabitants: value('inhabitants'),
    age65_79: value('inhabitants_65_79'),
    age80plus: value('inhabitants_80_plus'),
  };
}

/** A number in [0, 1) from a name, so every municipality gets its own, repeatable, figures. */
function unit(name: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (const char of name) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** The projection of one municipality from its reported base year. Demo data. */
export function demoProjection(
  name: string,
  base: PopulationBase,
): { year: number; ageGroup: PopulationAgeGroup; inhabitants: number }[] {
  const growth80 = 0.02 + unit(name, 3) * 0.02;
  const growth65 = -0.005 + unit(name, 4) * 0.015;
  const growth0 = -0.005 + unit(name, 5) * 0.01;
  const working = 0.7 + unit(name, 6) * 0.06;
  const young = Math.max(0, base.inhabitants - base.age65_79 - base.age80plus);
  const rows: { year: number; ageGroup: PopulationAgeGroup; inhabitants: number }[] = [];
  for (let i = 0; i < DEMO_POPULATION_YEARS; i++) {
    const year = base.year + i;
    const age0_64 = Math.round(young * (1 + growth0) ** i);
    rows.push(
      { year, ageGroup: '0-64', inhabitants: age0_64 },
      { year, ageGroup: '65-79', inhabitants: Math.round(base.age65_79 * (1 + growth65) ** i) },
      { year, ageGroup: '80+', inhabitants: Math.round(base.age80plus * (1 + growth80) ** i) },
      { year, ageGroup: '20-64', inhabitants: Math.round(age0_64 * working * (1 - 0.002 * i)) },
    );
  }
  return rows;
}

/** Seeds the projections of the demo municipalities from their reported base year, once. */
export async function seedPopulationDemo(db: Db, bases: Record<string, PopulationBase>): Promise<void> {
  const [existing] = await db.select({ id: populationProjection.id }).from(populationProjection).limit(1);
  if (existing) return;
  const municipalities = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.kind, 'municipality'));
  const rows = municipalities.flatMap((m) => {
    const base = bases[m.name];
    return base ? demoProjection(m.name, base).map((r) => ({ ...r, municipalityId: m.id })) : [];
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(populationProjection).values(rows.slice(i, i + 500));
}
