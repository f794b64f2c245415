// Every validation rule of a report, one by one, and property tests: generated reports pass, and breaking an
// invariant is always caught with the right field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultStaffingConfig } from './default-config.ts';
import { rulesConfigOf } from './staffing-config.service.ts';
import { generateFacts } from './staffing-generator.ts';
import { CONTEXT, type Fact, factKey } from './staffing-measures.ts';
import { validateFacts } from './staffing-rules.ts';

const config = defaultStaffingConfig();
const rules = rulesConfigOf(config);
const base = () => generateFacts(config, { inhabitants: 12_000, specialistLevel: 0.3, seed: 1496 }, 0);
const P = 'sjukskoterska';

function withValue(facts: Fact[], profession: string, measure: string, value: number | null, breakdown = ''): Fact[] {
  const rest = facts.filter((f) => factKey(f) !== factKey({ profession, measure, breakdown }));
  return value === null ? rest : [...rest, { profession, measure, breakdown, value }];
}
const get = (facts: Fact[], measure: string, breakdown = '', profession = P) =>
  facts.find((f) => factKey(f) === factKey({ profession, measure, breakdown }))?.value ?? Number.NaN;
const paths = (facts: Fact[], mode: 'draft' | 'submit' = 'draft') =>
  validateFacts(rules, facts, mode).map((e) => e.path);

describe('validateFacts', () => {
  it('accepts a complete, consistent report for submission', () => {
    expect(validateFacts(rules, base(), 'submit')).toEqual([]);
  });

  it('refuses negative values', () => {
    expect(paths(withValue(base(), P, 'headcount', -1))).toContain(`${P}.headcount`);
  });

  it('refuses decimals in counts of persons and more than two decimals in FTE', () => {
    expect(paths(withValue(base(), P, 'fulltime_headcount', 2.5))).toContain(`${P}.fulltime_headcount`);
    expect(paths(withValue(base(), P, 'contracted_fte', 1.234))).toContain(`${P}.contracted_fte`);
    expect(paths(withValue(base(), P, 'contracted_fte', 1.25))).not.toContain(`${P}.contracted_fte`);
  });

  it('refuses more specialists than employees, and more per specialty than specialists', () => {
    const facts = base();
    const headcount = get(facts, 'headcount');
    expect(paths(withValue(facts, P, 'specialist_headcount', headcount + 1))).toContain(`${P}.specialist_headcount`);
    const specialists = get(facts, 'specialist_headcount');
    expect(paths(withValue(facts, P, 'specialty_headcount', specialists + 1, 'demens'))).toContain(
      `${P}.specialty_headcount.demens`,
    );
  });

  it('requires the age bands to add up to the headcount', () => {
    const facts = base();
    const changed = withValue(facts, P, 'age_headcount', get(facts, 'age_headcount', 'age_30_39') + 1, 'age_30_39');
    const errors = validateFacts(rules, changed, 'draft');
    expect(errors.map((e) => e.path)).toContain(`${P}.age_headcount`);
    expect(errors.find((e) => e.path === `${P}.age_headcount`)?.message).toMatch(/Åldersgrupperna/);
  });

  it('refuses contracted or worked FTE above the headcount', () => {
    const facts = base();
    const headcount = get(facts, 'headcount');
    expect(paths(withValue(facts, P, 'worked_fte', headcount + 0.5))).toContain(`${P}.worked_fte`);
    expect(paths(withValue(facts, P, 'contracted_fte', headcount + 0.01))).toContain(`${P}.contracted_fte`);
  });

  it('requires filled + vacant = budgeted', () => {
    const facts = base();
    expect(paths(withValue(facts, P, 'positions_vacant', get(facts, 'positions_vacant') + 1))).toContain(
      `${P}.positions_vacant`,
    );
  });

  it('requires permanent + fixed-term = headcount when both are given', () => {
    const facts = base();
    expect(paths(withValue(facts, P, 'headcount_fixed_term', get(facts, 'headcount_fixed_term') + 1))).toContain(
      `${P}.headcount_fixed_term`,
    );
    expect(paths(withValue(facts, P, 'headcount_fixed_term', null))).not.toContain(`${P}.headcount_fixed_term`);
  });

  it('refuses absence FTE above the absent persons, and parts of the population above the whole', () => {
    const facts = base();
    const persons = get(facts, 'absence_headcount', 'other');
    expect(paths(withValue(facts, P, 'absence_fte', persons + 1, 'other'))).toContain(`${P}.absence_fte.other`);
    const inhabitants = get(facts, 'inhabitants', '', CONTEXT);
    expect(paths(withValue(facts, CONTEXT, 'inhabitants_80_plus', inhabitants))).toContain(
      `${CONTEXT}.inhabitants_80_plus`,
    );
  });

  it('refuses unknown measures, professions and breakdowns, and duplicates', () => {
    expect(paths([{ profession: 'astronaut', measure: 'headcount', breakdown: '', value: 1 }])).toEqual([
      'astronaut.headcount',
    ]);
    expect(paths([{ profession: P, measure: 'age_headcount', breakdown: 'age_99', value: 1 }])).toEqual([
      `${P}.age_headcount.age_99`,
    ]);
    expect(
      paths([{ profession: 'fysioterapeut', measure: 'specialty_headcount', breakdown: 'distrikt', value: 1 }]),
    ).toEqual(['fysioterapeut.specialty_headcount.distrikt']);
    expect(paths([{ profession: P, measure: 'inhabitants', breakdown: '', value: 1 }])).toEqual([`${P}.inhabitants`]);
    const one: Fact = { profession: P, measure: 'headcount', breakdown: '', value: 1 };
    expect(paths([one, one])).toEqual([`${P}.headcount`]);
  });

  it('lets a draft be incomplete but not a submission', () => {
    const partial = [{ profession: P, measure: 'headcount', breakdown: '', value: 10 }];
    expect(validateFacts(rules, partial, 'draft')).toEqual([]);
    const submitPaths = paths(partial, 'submit');
    expect(submitPaths).toContain(`${CONTEXT}.inhabitants`);
    expect(submitPaths).toContain('arbetsterapeut.headcount');
    expect(submitPaths).toContain(`${P}.age_headcount`);
    expect(submitPaths).toContain(`${P}.worked_fte`);
  });
});

describe('properties', () => {
  const profiles = fc.record({
    inhabitants: fc.integer({ min: 500, max: 1_000_000 }),
    specialistLevel: fc.double({ min: 0, max: 0.6, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('every generated report passes every rule (the demo and benchmark data are valid)', () => {
    fc.assert(
      fc.property(profiles, fc.integer({ min: 0, max: 9 }), (profile, year) => {
        expect(validateFacts(rules, generateFacts(config, profile, year), 'submit')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('raising any part above its whole is always caught at that field or its group', () => {
    const parts = [
      'specialist_headcount',
      'fulltime_headcount',
      'contracted_fte',
      'worked_fte',
      'headcount_permanent',
    ] as const;
    fc.assert(
      fc.property(
        profiles,
        fc.constantFrom(...config.professions.map((p) => p.key)),
        fc.constantFrom(...parts),
        (profile, p, measure) => {
          const facts = generateFacts(config, profile, 0);
          const headcount = get(facts, 'headcount', '', p);
          const broken = withValue(facts, p, measure, headcount + 1);
          expect(paths(broken)).toContain(`${p}.${measure}`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('changing one age band always breaks the sum rule', () => {
    fc.assert(
      fc.property(
        profiles,
        fc.constantFrom('age_0_29', 'age_30_39', 'age_65_plus'),
        fc.integer({ min: 1, max: 50 }),
        (profile, band, delta) => {
          const facts = generateFacts(config, profile, 0);
          const broken = withValue(facts, P, 'age_headcount', get(facts, 'age_headcount', band) + delta, band);
          expect(paths(broken)).toContain(`${P}.age_headcount`);
        },
      ),
      { numRuns: 100 },
    );
  });
});
