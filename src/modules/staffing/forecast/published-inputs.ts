// The region's forecast is computed from the period's publication only (issue 13, decision 016): whatever it shows is
// then a function of published figures and reveals nothing the pattern hides. The forecast needs each municipality's
// staff per profession and age band; other municipalities' age bands are never published, so each municipality's
// headcount is spread over the region's age distribution for the profession. The engine is linear in the age bands
// (retirements and turnover of today's staff), so the region's retirements and need come out exactly as from the
// reports whenever the region's age bands and the municipalities' headcounts are published; where the pattern hides
// them, the forecast uses the nearest published figures (the age distribution of all professions, a protected
// remainder shared out) and says so in a note.
import type { StaffingConfigDto } from '../staffing.contracts.ts';
import type { Fact } from '../staffing-measures.ts';

export type PublishedFigures = {
  ids: readonly string[];
  values: ReadonlyMap<string, number>;
  hidden: ReadonlySet<string>;
};

const id = (m: string, p: string, c: string) => `${m}|${p}|${c}`;

/** Facts per municipality for the forecast engine, made from published figures only, and notes on estimates. */
export function publishedForecastFacts(
  config: StaffingConfigDto,
  published: PublishedFigures,
): { facts: Map<string, Fact[]>; notesSv: string[] } {
  const { ids, values, hidden } = published;
  const shown = (key: string): number | undefined => (hidden.has(key) ? undefined : values.get(key));
  const bands = config.items.filter((i) => i.kind === 'age_band' && i.active).sort((a, b) => a.sort - b.sort);
  const facts = new Map<string, Fact[]>(ids.map((m) => [m, []]));
  const notesSv: string[] = [];
  const push = (m: string, f: Fact) => facts.get(m)?.push(f);

  for (const m of ids) {
    for (const measure of ['inhabitants', 'inhabitants_65_79', 'inhabitants_80_plus']) {
      const v = shown(id(m, 'context', measure));
      if (v !== undefined) push(m, { profession: 'context', measure, breakdown: '', value: v });
    }
  }
  const shares = (profession: string): number[] | null => {
    // A band nobody reported is 0; a hidden one makes the distribution unknown.
    const counts = bands.map((b) => {
      const key = id('region', profession, `age_headcount.${b.key}`);
      return values.has(key) ? shown(key) : 0;
    });
    if (counts.some((c) => c === undefined)) return null;
    const total = (counts as number[]).reduce((a, b) => a + b, 0);
    return total > 0 ? (counts as number[]).map((c) => c / total) : null;
  };
  const allShares = shares('all');
  for (const profession of config.professions.filter((p) => p.active).sort((a, b) => a.sort - b.sort)) {
    const p = profession.key;
    const present = ids.filter((m) => values.has(id(m, p, 'headcount')));
    if (present.length === 0) continue;
    let ageShares = shares(p);
    if (!ageShares) {
      ageShares = allShares;
      notesSv.push(
        ageShares
          ? `Åldersfördelningen i yrket ${profession.name.toLowerCase()} är skyddad i statistiken: pensionsavgångarna bygger på regionens åldersfördelning för alla yrken.`
          : `Åldersfördelningen i yrket ${profession.name.toLowerCase()} är skyddad i statistiken: pensionsavgångar räknas inte.`,
      );
    }
    // Headcounts: the published ones; a hidden remainder of the region's total shared by the municipalities' sizes.
    const headcount = new Map<string, number>();
    const hiddenMs: string[] = [];
    for (const m of present) {
      const v = shown(id(m, p, 'headcount'));
      if (v === undefined) hiddenMs.push(m);
      else headcount.set(m, v);
    }
    if (hiddenMs.length > 0) {
      const total = shown(id('region', p, 'headcount'));
      const known = [...headcount.values()].reduce((a, b) => a + b, 0);
      if (total !== undefined && total >= known) {
        const weights = hiddenMs.map((m) => shown(id(m, 'all', 'headcount')) ?? 1);
        const sum = weights.reduce((a, b) => a + b, 0);
        for (const [i, m] of hiddenMs.entries()) headcount.set(m, ((total - known) * (weights[i] ?? 1)) / sum);
        notesSv.push(
          `Antalet anställda i yrket ${profession.name.toLowerCase()} är skyddat för ${hiddenMs.length === 1 ? 'en kommun' : `${hiddenMs.length} kommuner`}: resten av regionens antal är fördelat efter kommunernas storlek.`,
        );
      } else {
        notesSv.push(
          `Antalet anställda i yrket ${profession.name.toLowerCase()} är skyddat för ${hiddenMs.length === 1 ? 'en kommun' : `${hiddenMs.length} kommuner`}, som inte ingår för yrket.`,
        );
      }
    }
    const regionHeadcount = shown(id('region', p, 'headcount'));
    const ratio = (measure: string) => {
      const r = shown(id('region', p, measure));
      if (r !== undefined && regionHeadcount) return r / regionHeadcount;
      const all = shown(id('region', 'all', measure));
      const allHeadcount = shown(id('region', 'all', 'headcount'));
      return all !== undefined && allHeadcount ? all / allHeadcount : 1;
    };
    for (const [m, h] of headcount) {
      push(m, { profession: p, measure: 'headcount', breakdown: '', value: h });
      for (const measure of ['contracted_fte', 'fulltime_headcount', 'absence_fte', 'specialist_headcount']) {
        const v = shown(id(m, p, measure));
        if (!values.has(id(m, p, measure))) continue;
        push(m, { profession: p, measure, breakdown: '', value: v ?? Math.min(h, h * ratio(measure)) });
      }
      if (!ageShares) continue;
      for (const [i, b] of bands.entries()) {
        push(m, { profession: p, measure: 'age_headcount', breakdown: b.key, value: h * (ageShares[i] ?? 0) });
      }
    }
  }
  return { facts, notesSv };
}
