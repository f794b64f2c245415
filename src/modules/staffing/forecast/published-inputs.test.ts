// The region's forecast from a publication (decision 016): exact when the pattern shows what it needs, an estimate
// with a note where it hides, and never a function of a hidden figure.
import { describe, expect, it } from 'vitest';
import { defaultStaffingConfig } from '../default-config.ts';
import { generateFacts } from '../staffing-generator.ts';
import { publicationShape, rawFigures } from '../statistics/publication.ts';
import { prepareForecast, sumPreparedForecasts } from './forecast.ts';
import { staffFromFacts } from './forecast-scenarios.ts';
import { publishedForecastFacts } from './published-inputs.ts';

const config = defaultStaffingConfig();
const shape = publicationShape(config);
const municipalities = [0, 1, 2, 3].map((i) => ({
  id: `m${i}`,
  facts: generateFacts(config, { inhabitants: 8_000 + i * 9_000, specialistLevel: 0.2, seed: 40 + i }, 0),
}));
const raw = rawFigures(shape, municipalities);
const ids = municipalities.map((m) => m.id);

const population = [{ year: 2025, age0_64: 10_000, age65_79: 2_000, age80plus: 800 }];
function regionNeed(facts: Map<string, { profession: string; measure: string; breakdown: string; value: number }[]>) {
  const parts = ids.map((m) =>
    prepareForecast({
      baseYear: 2025,
      horizonYears: 10,
      professions: staffFromFacts(config, facts.get(m) ?? []),
      population,
      parameters: {},
    }),
  );
  return sumPreparedForecasts(parts);
}

describe('the region’s forecast from a publication', () => {
  it('equals the forecast from the reports when nothing it needs is hidden', () => {
    const published = publishedForecastFacts(config, { ids, values: raw, hidden: new Set() });
    expect(published.notesSv).toEqual([]);
    const truth = regionNeed(new Map(municipalities.map((m) => [m.id, m.facts])));
    const fromPublication = regionNeed(published.facts);
    for (const [i, y] of truth.total.years.entries()) {
      const other = fromPublication.total.years[i];
      expect(other?.retirements).toBeCloseTo(y.retirements, 6);
      expect(other?.need).toBeCloseTo(y.need, 6);
      expect(other?.demand).toBeCloseTo(y.demand, 6);
    }
  });

  it('never depends on a hidden figure, and says where it estimates', () => {
    const nurse = 'sjukskoterska';
    const hidden = new Set([
      `region|${nurse}|age_headcount.age_65_plus`,
      `m1|${nurse}|headcount`,
      `m2|${nurse}|headcount`,
      ...ids.flatMap((m) => shape.ageBands.map((b) => `${m}|${nurse}|age_headcount.${b}`)),
    ]);
    const published = publishedForecastFacts(config, { ids, values: raw, hidden });
    expect(published.notesSv.join(' ')).toMatch(/Åldersfördelningen i yrket sjuksköterska är skyddad/);
    expect(published.notesSv.join(' ')).toMatch(/Antalet anställda i yrket sjuksköterska är skyddat för 2 kommuner/);
    // Change every hidden figure: what the forecast is made of stays the same.
    const altered = new Map(raw);
    for (const key of hidden) altered.set(key, (altered.get(key) ?? 0) + 7);
    const again = publishedForecastFacts(config, { ids, values: altered, hidden });
    expect(again.facts).toEqual(published.facts);
    expect(regionNeed(again.facts).total.cumulativeNeed10).toBe(regionNeed(published.facts).total.cumulativeNeed10);
  });
});
