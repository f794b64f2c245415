// The publication as each viewer sees it: raw figures for the region and for a municipality's own users, small
// counts and breakdowns of other municipalities hidden, and key ratios that follow their formulas.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultStaffingConfig } from '../default-config.ts';
import { generateFacts } from '../staffing-generator.ts';
import { RATIOS } from '../staffing-measures.ts';
import { ALL, buildPublication, columnKind, REGION } from './publication.ts';

const config = defaultStaffingConfig();
const TOP_LEVEL = ['headcount', 'headcount_permanent', 'specialist_headcount', 'fulltime_headcount', 'age_60_plus'];

function region(seed: number, count: number, small: boolean) {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    name: `Kommun ${i}`,
    status: 'approved',
    facts: generateFacts(
      config,
      {
        inhabitants: small ? 2_000 + ((seed + i * 7919) % 6_000) : 20_000 + i * 3_000,
        specialistLevel: 0.2,
        seed: seed + i,
      },
      0,
    ),
  }));
}

describe('buildPublication', () => {
  it('shows the region everything raw, and computes each ratio by its formula', () => {
    const municipalities = region(1, 4, true);
    const pub = buildPublication({ config, municipalities, minCount: 3, unsuppressedFor: 'all' });
    const m = municipalities[0];
    if (!m) throw new Error('no municipality');
    const sum = (measure: string, profession?: string) =>
      m.facts
        .filter((f) => f.measure === measure && (profession ? f.profession === profession : f.profession !== 'context'))
        .reduce((s, f) => s + f.value, 0);
    const ctx = (measure: string) =>
      m.facts.find((f) => f.profession === 'context' && f.measure === measure)?.value ?? 0;
    const ratios = pub.ratios('m0', ALL);
    expect(ratios.specialist_share).toBeCloseTo(sum('specialist_headcount') / sum('headcount'), 12);
    expect(ratios.staff_per_100_enrolled).toBeCloseTo((sum('headcount') * 100) / ctx('enrolled_patients'), 12);
    const licensed = ['sjukskoterska', 'arbetsterapeut', 'fysioterapeut'].reduce((s, p) => s + sum('headcount', p), 0);
    expect(ratios.licensed_per_1000_80_plus).toBeCloseTo((licensed * 1000) / ctx('inhabitants_80_plus'), 12);
    expect(ratios.employment_rate).toBeCloseTo(sum('worked_fte') / sum('headcount'), 12);
    expect(ratios.fulltime_share).toBeCloseTo(sum('fulltime_headcount') / sum('headcount'), 12);
    expect(ratios.vacancy_rate).toBeCloseTo(sum('positions_vacant') / sum('positions_budgeted'), 12);
    const old = m.facts
      .filter((f) => f.measure === 'age_headcount' && (f.breakdown === 'age_60_64' || f.breakdown === 'age_65_plus'))
      .reduce((s, f) => s + f.value, 0);
    expect(ratios.share_aged_60_plus).toBeCloseTo(old / sum('headcount'), 12);
    expect(ratios.absence_rate).toBeCloseTo(sum('absence_fte') / sum('contracted_fte'), 12);
    // The region's total is the ratio of the sums, not the mean of the ratios.
    const total = municipalities.flatMap((x) => x.facts).filter((f) => f.profession !== 'context');
    const all = (measure: string) => total.filter((f) => f.measure === measure).reduce((s, f) => s + f.value, 0);
    expect(pub.ratios(REGION, ALL).specialist_share).toBeCloseTo(all('specialist_headcount') / all('headcount'), 12);
    const shares = municipalities.map((x) => pub.ratios(x.id, ALL).specialist_share as number).sort((a, b) => a - b);
    expect(pub.median(ALL).specialist_share).toBeCloseTo(((shares[1] ?? 0) + (shares[2] ?? 0)) / 2, 12);
  });

  it('for anyone else: every small count and every breakdown of another municipality is hidden, own figures are raw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 2, max: 7 }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
        (seed, count, own) => {
          const municipalities = region(seed, count, true);
          const viewer = own !== null && own < count ? `m${own}` : null;
          const raw = buildPublication({ config, municipalities, minCount: 3, unsuppressedFor: 'all' });
          const pub = buildPublication({ config, municipalities, minCount: 3, unsuppressedFor: viewer });
          for (const m of municipalities) {
            for (const p of [...pub.professions, ALL]) {
              for (const column of pub.columns(p)) {
                const shown = pub.value(m.id, p, column.key);
                const value = raw.value(m.id, p, column.key);
                if (m.id === viewer) {
                  expect(shown).toEqual(value);
                  continue;
                }
                if (typeof value !== 'number' || column.kind !== 'persons') continue;
                if (value > 0 && value < 3) expect(shown, `${m.id} ${p} ${column.key}`).toBe('..');
                if (value > 0 && !TOP_LEVEL.includes(column.key) && columnKind(column.key) === 'persons') {
                  if (
                    ![
                      'enrolled_patients',
                      'enrolled_home_care',
                      'enrolled_special_housing',
                      'absence_headcount',
                    ].includes(column.key)
                  ) {
                    expect(shown, `${m.id} ${p} ${column.key}`).toBe('..');
                  }
                }
              }
              // A ratio built on a hidden figure is hidden too.
              const ratios = pub.ratios(m.id, p);
              if (m.id !== viewer && pub.value(m.id, p, 'headcount') === '..') {
                for (const r of RATIOS.filter((x) => x !== 'vacancy_rate')) {
                  expect(ratios[r] === '..' || ratios[r] === null, `${m.id} ${p} ${r}`).toBe(true);
                }
              }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('hides a column of one profession as a pair or more, never a lone cell beside a shown total', () => {
    const municipalities = region(3, 6, true);
    const pub = buildPublication({ config, municipalities, minCount: 3, unsuppressedFor: null });
    let columnsWithHidden = 0;
    for (const p of pub.professions) {
      const hidden = municipalities.filter((m) => pub.value(m.id, p, 'headcount') === '..');
      if (hidden.length > 0) columnsWithHidden += 1;
      if (hidden.length > 0 && pub.value(REGION, p, 'headcount') !== '..') {
        expect(hidden.length).toBeGreaterThanOrEqual(2);
      }
    }
    // The small region does have small counts, so the rule above was exercised.
    expect(columnsWithHidden).toBeGreaterThan(0);
  });
});
