// Invented but plausible staffing figures for one municipality and period, consistent with every rule.
// Feeds the demo region, the national-scale benchmark and property tests; never real data.
import type { StaffingConfigDto } from './staffing.contracts.ts';
import { CONTEXT, type Fact } from './staffing-measures.ts';

/** A small deterministic PRNG (mulberry32), so the same seed gives the same demo every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Headcount per 1,000 inhabitants by profession key (typical for Swedish municipal care, invented). */
const PER_1000: Record<string, number> = {
  sjukskoterska: 2.2,
  arbetsterapeut: 0.55,
  fysioterapeut: 0.35,
  bitrade: 0.3,
  vardbitrade: 2.4,
  underskoterska: 9.5,
  specialistunderskoterska: 0.35,
};
const AGE_SHAPE = [0.12, 0.2, 0.22, 0.25, 0.13, 0.08];
const ABSENCE_RATE: Record<string, number> = {
  parental_leave: 0.04,
  leave_of_absence: 0.03,
  long_term_sick: 0.035,
  other: 0.02,
};

export type MunicipalityProfile = {
  inhabitants: number;
  /** 0..1: how far the municipality has come with specialist education (the pre-study found ~0 to > 40 %). */
  specialistLevel: number;
  seed: number;
};

/** Professions without specialist education in the demo (issue 20): care aides have none. */
export const NO_SPECIALIST_EDUCATION = new Set(['bitrade', 'vardbitrade']);
/** Professions whose every member is specialist-educated by definition. */
export const ALL_SPECIALIST_EDUCATED = new Set(['specialistunderskoterska']);
/** A competence that only licensed staff can hold. */
export const LICENSED_ONLY_COMPETENCES = new Set(['forskrivningsratt']);

const cents = (n: number) => Math.round(n * 100) / 100;

/** Splits `total` into integer parts proportional to `weights` (largest remainder), so they sum exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest -= 1;
  }
  return parts;
}

/**
 * Every measure for one municipality in one period. A municipality is a profile — its size, staffing per profession,
 * age structure, shares and rates — drawn once from its seed, the same in every period; a period (yearIndex 0, 1, 2 …)
 * moves it along gentle trends (more inhabitants 80+, a little more staff, more specialists) with a small wobble of
 * its own, so consecutive periods differ by a few per cent, never by a jump (issue 20).
 * The report's rules hold; care aides have no specialist education, every specialist assistant nurse has, and only
 * licensed professions have prescribing rights.
 */
export function generateFacts(config: StaffingConfigDto, profile: MunicipalityProfile, yearIndex: number): Fact[] {
  // The profile: the same draws in the same order every period.
  const rand = seededRandom(profile.seed * 7919 + 1);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  // The period's own small wobble around the profile's trend.
  const noise = seededRandom(profile.seed * 7919 + (yearIndex + 1) * 104729);
  const wobble = (spread: number) => 1 + (noise() * 2 - 1) * spread;
  const y = yearIndex;
  const facts: Fact[] = [];
  const put = (profession: string, measure: string, value: number, breakdown = '') =>
    facts.push({ profession, measure, breakdown, value });

  const inhabitants = Math.round(profile.inhabitants * (1 + 0.004 * y) * wobble(0.001));
  const share80 = between(0.055, 0.085) * (1 + 0.022 * y) * wobble(0.004);
  const inhabitants80 = Math.round(inhabitants * share80);
  const inhabitants6579 = Math.round(inhabitants * between(0.13, 0.17) * (1 + 0.004 * y) * wobble(0.004));
  const enrolled = Math.round(inhabitants80 * between(0.35, 0.6) * wobble(0.02));
  const home = Math.round(enrolled * between(0.5, 0.65) * wobble(0.01));
  const special = Math.min(enrolled - home, Math.round((enrolled - home) * between(0.8, 0.95) * wobble(0.01)));
  put(CONTEXT, 'inhabitants', inhabitants);
  put(CONTEXT, 'inhabitants_65_79', inhabitants6579);
  put(CONTEXT, 'inhabitants_80_plus', inhabitants80);
  put(CONTEXT, 'enrolled_patients', enrolled);
  put(CONTEXT, 'enrolled_home_care', home);
  put(CONTEXT, 'enrolled_special_housing', special);

  const ageBands = config.items.filter((i) => i.kind === 'age_band' && i.active);
  const absenceKinds = config.items.filter((i) => i.kind === 'absence_kind' && i.active);
  const competences = config.items.filter((i) => i.kind === 'competence' && i.active);
  const share = (fraction: number, of: number) => Math.max(0, Math.min(of, Math.round(of * fraction)));
  for (const profession of config.professions.filter((p) => p.active)) {
    const p = profession.key;
    const specialties = config.items.filter(
      (i) => i.kind === 'specialty' && i.professionId === profession.id && i.active,
    );
    const rate = (PER_1000[p] ?? 1) * between(0.7, 1.3);
    const growth = between(0.005, 0.025);
    const headcount = Math.max(0, Math.round((inhabitants / 1000) * rate * (1 + growth * y) * wobble(0.012)));
    put(p, 'headcount', headcount);
    const permanent = share(between(0.82, 0.95) * wobble(0.01), headcount);
    put(p, 'headcount_permanent', permanent);
    put(p, 'headcount_fixed_term', headcount - permanent);

    const level = profession.licensed ? profile.specialistLevel : profile.specialistLevel * 0.4;
    const specialists = ALL_SPECIALIST_EDUCATED.has(p)
      ? headcount
      : NO_SPECIALIST_EDUCATION.has(p) || specialties.length === 0
        ? 0
        : share(Math.min(1, level * (1 + 0.05 * y) * wobble(0.02)), headcount);
    put(p, 'specialist_headcount', specialists);
    const specialtyWeights = specialties.map(() => between(0.2, 1));
    if (ALL_SPECIALIST_EDUCATED.has(p)) {
      // Each specialist assistant nurse has one of the specialties (the weights split them).
      const parts = apportion(specialists, specialtyWeights);
      specialties.forEach((item, i) => {
        put(p, 'specialty_headcount', parts[i] ?? 0, item.key);
      });
    } else {
      specialties.forEach((item, i) => {
        put(p, 'specialty_headcount', share((specialtyWeights[i] ?? 0.5) * 0.5, specialists), item.key);
      });
    }
    for (const c of competences) {
      const fraction = between(0, 0.2);
      const allowed = profession.licensed || !LICENSED_ONLY_COMPETENCES.has(c.key);
      put(p, 'competence_headcount', allowed ? share(fraction * (1 + 0.03 * y) * wobble(0.02), headcount) : 0, c.key);
    }

    // The age structure: the profile's shape, ageing a little each period.
    const weights = ageBands.map((_, i) => (AGE_SHAPE[i] ?? 0.1) * between(0.7, 1.3) * (1 + 0.01 * y * (i - 2)));
    const ages = apportion(headcount, weights);
    ageBands.forEach((band, i) => {
      put(p, 'age_headcount', ages[i] ?? 0, band.key);
    });

    const contracted = cents(Math.min(headcount, headcount * between(0.8, 0.95) * wobble(0.005)));
    const worked = cents(Math.min(headcount, contracted * between(0.9, 1.03) * wobble(0.005)));
    put(p, 'contracted_fte', contracted);
    put(p, 'worked_fte', worked);
    put(p, 'fulltime_headcount', share(between(0.3, 0.7) * (1 + 0.01 * y) * wobble(0.01), headcount));

    const budgetedCents = Math.round(contracted * between(1.0, 1.1) * 100);
    const vacantCents = Math.min(budgetedCents, Math.round(budgetedCents * between(0, 0.12) * wobble(0.05)));
    put(p, 'positions_budgeted', budgetedCents / 100);
    put(p, 'positions_filled', (budgetedCents - vacantCents) / 100);
    put(p, 'positions_vacant', vacantCents / 100);

    for (const kind of absenceKinds) {
      const persons = share((ABSENCE_RATE[kind.key] ?? 0.02) * between(0.5, 1.5) * wobble(0.05), headcount);
      put(p, 'absence_headcount', persons, kind.key);
      put(p, 'absence_fte', cents(persons * between(0.5, 1)), kind.key);
    }
  }
  return facts;
}
