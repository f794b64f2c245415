// The demo generator's invariants (issue 20): a municipality evolves smoothly between periods, and the report's
// rules and the professions' rules hold for any profile and period (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultStaffingConfig } from './default-config.ts';
import { rulesConfigOf } from './staffing-config.service.ts';
import {
  ALL_SPECIALIST_EDUCATED,
  generateFacts,
  LICENSED_ONLY_COMPETENCES,
  NO_SPECIALIST_EDUCATION,
} from './staffing-generator.ts';
import type { Fact } from './staffing-measures.ts';
import { validateFacts } from './staffing-rules.ts';

const config = defaultStaffingConfig();
const rules = rulesConfigOf(config);
const licensed = new Set(config.professions.filter((p) => p.licensed).map((p) => p.key));
const value = (facts: Fact[], profession: string, measure: string, breakdown = '') =>
  facts.find((f) => f.profession === profession && f.measure === measure && f.breakdown === breakdown)?.value ?? 0;

const profiles = fc.record({
  inhabitants: fc.integer({ min: 3_000, max: 600_000 }),
  specialistLevel: fc.double({ min: 0, max: 0.6, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/**
 * A change from one period to the next is small: a share, or a couple of persons for small counts. A count derived from
 * another rounded count (specialists of a headcount) may round one person further either way.
 */
const smooth = (before: number, after: number, share: number, persons = 2, rounding = 0) =>
  Math.abs(after - before) <= Math.max(before * share, persons) + rounding;

describe('the demo generator', () => {
  it('evolves each municipality smoothly: population, 80+, headcounts and specialists per profession', () => {
    fc.assert(
      fc.property(profiles, fc.integer({ min: 0, max: 8 }), (profile, year) => {
        const a = generateFacts(config, profile, year);
        const b = generateFacts(config, profile, year + 1);
        expect(smooth(value(a, 'context', 'inhabitants'), value(b, 'context', 'inhabitants'), 0.01)).toBe(true);
        const old = [value(a, 'context', 'inhabitants_80_plus'), value(b, 'context', 'inhabitants_80_plus')] as const;
        expect(smooth(...old, 0.05), `80+ ${old.join(' → ')}`).toBe(true);
        expect(old[1]).toBeGreaterThanOrEqual(old[0] * 0.99);
        for (const p of config.professions.map((x) => x.key)) {
          const h = [value(a, p, 'headcount'), value(b, p, 'headcount')] as const;
          expect(smooth(...h, 0.08), `${p} headcount ${h.join(' → ')}`).toBe(true);
          const s = [value(a, p, 'specialist_headcount'), value(b, p, 'specialist_headcount')] as const;
          // Specialists follow the headcount (≤ 5 % a year with its wobble) and their own trend (≤ 5 % a year, ± 2 %
          // wobble): at most ~15 % between two periods, plus the rounding of a share of a rounded headcount.
          expect(smooth(...s, 0.15, 2, 1), `${p} specialists ${s.join(' → ')}`).toBe(true);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 120) },
    );
  });

  it('keeps the report’s rules and the professions’ rules in every period', () => {
    fc.assert(
      fc.property(profiles, fc.integer({ min: 0, max: 9 }), (profile, year) => {
        const facts = generateFacts(config, profile, year);
        expect(validateFacts(rules, facts, 'submit')).toEqual([]);
        for (const p of config.professions.map((x) => x.key)) {
          const headcount = value(facts, p, 'headcount');
          const specialists = value(facts, p, 'specialist_headcount');
          if (NO_SPECIALIST_EDUCATION.has(p)) expect(specialists, p).toBe(0);
          if (ALL_SPECIALIST_EDUCATED.has(p)) expect(specialists, p).toBe(headcount);
          for (const c of LICENSED_ONLY_COMPETENCES) {
            if (!licensed.has(p)) expect(value(facts, p, 'competence_headcount', c), `${p} ${c}`).toBe(0);
          }
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 120) },
    );
  });

  it('gives licensed professions prescribing rights somewhere, and biträden no specialties', () => {
    const facts = generateFacts(config, { inhabitants: 50_000, specialistLevel: 0.3, seed: 7 }, 1);
    expect(value(facts, 'sjukskoterska', 'competence_headcount', 'forskrivningsratt')).toBeGreaterThan(0);
    expect(facts.filter((f) => f.profession === 'bitrade' && f.measure === 'specialty_headcount')).toEqual([]);
    const sum = facts
      .filter((f) => f.profession === 'specialistunderskoterska' && f.measure === 'specialty_headcount')
      .reduce((s, f) => s + f.value, 0);
    expect(sum).toBe(value(facts, 'specialistunderskoterska', 'headcount'));
  });
});
