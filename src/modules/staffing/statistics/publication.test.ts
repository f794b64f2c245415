// The publication's figures and model (decision 016): key ratios that follow their formulas, the report's rules as
// relations that hold, other municipalities' breakdowns never published, one pattern from the engine that its audit
// passes against every municipality as attacker, and the view that lays a viewer's own live figures over it.
import { describe, expect, it } from 'vitest';
import { auditPublication } from '../../../platform/server/disclosure/audit.ts';
import { protect } from '../../../platform/server/disclosure/protect.ts';
import { defaultStaffingConfig } from '../default-config.ts';
import { generateFacts } from '../staffing-generator.ts';
import { ALL, cellId, disclosureModel, publicationShape, publicationView, REGION, rawFigures } from './publication.ts';

const config = defaultStaffingConfig();
const shape = publicationShape(config);

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

describe('the publication', () => {
  it('shows the region everything raw, and computes each ratio by its formula', () => {
    const municipalities = region(1, 4, true);
    const raw = rawFigures(shape, municipalities);
    const pub = publicationView({ shape, ids: municipalities.map((x) => x.id), raw, hidden: null });
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

  it("writes the report's rules and every sum as relations that hold, and never publishes another's breakdowns", () => {
    const municipalities = region(5, 3, true);
    const ids = municipalities.map((m) => m.id);
    const raw = rawFigures(shape, municipalities);
    const model = disclosureModel(shape, raw, ids);
    const byId = new Map(model.cells.map((c) => [c.id, c]));
    for (const relation of model.relations) {
      const lhs = relation.terms.reduce((s, [id, coef]) => s + coef * (byId.get(id)?.value ?? Number.NaN), 0);
      if ((relation.op ?? '=') === '=') expect(Math.abs(lhs), relation.name).toBeLessThan(1e-6);
      else expect(lhs, relation.name).toBeLessThanOrEqual(1e-6);
    }
    const names = new Set(model.relations.map((r) => r.name));
    const m = 'm0';
    const nurse = 'sjukskoterska';
    // permanent + fixed-term = headcount, filled + vacant = budgeted, absence FTE ≤ absent persons.
    expect(names).toContain(`${cellId(m, nurse, 'headcount')} = Σ`);
    expect(names).toContain(`${cellId(m, nurse, 'positions_budgeted')} = Σ`);
    expect(names).toContain(
      `${cellId(m, nurse, 'absence_fte.long_term_sick')} ≤ ${cellId(m, nurse, 'absence_headcount.long_term_sick')}`,
    );
    expect(names).toContain(`${cellId(REGION, nurse, 'age_headcount.age_65_plus')} = Σ`);
    // Breakdowns of a municipality are never published; its top-level figures and the region's totals may be.
    expect(model.forced.has(cellId(m, nurse, 'age_headcount.age_65_plus'))).toBe(true);
    expect(model.forced.has(cellId(m, nurse, 'headcount_fixed_term'))).toBe(true);
    expect(model.forced.has(cellId(m, nurse, 'headcount'))).toBe(false);
    expect(model.forced.has(cellId(REGION, nurse, 'age_headcount.age_65_plus'))).toBe(false);
    // Each municipality's figures belong to it (its users know them); the region's to nobody.
    expect(byId.get(cellId(m, nurse, 'headcount'))?.owner).toBe(m);
    expect(byId.get(cellId(REGION, nurse, 'headcount'))?.owner).toBeUndefined();
  });

  it('protects a small region with one pattern that the audit passes against the outsider and each municipality', async () => {
    const municipalities = region(11, 3, true);
    const ids = municipalities.map((m) => m.id);
    const raw = rawFigures(shape, municipalities);
    const model = disclosureModel(shape, raw, ids);
    const result = await protect({ ...model, k: 3 });
    expect(result.audit.ok).toBe(true);
    const audit = await auditPublication({ ...model, hidden: result.hidden, k: 3 });
    expect(audit.violations).toEqual([]);
    // Every small count of a municipality is hidden from the others and the public.
    const view = publicationView({ shape, ids, raw, hidden: result.hidden });
    let small = 0;
    for (const m of ids) {
      for (const p of [...shape.professions, ALL]) {
        for (const column of view.columns(p)) {
          const value = raw.get(cellId(m, column.kind === 'population' ? 'context' : p, column.key));
          if (column.kind !== 'persons' || value === undefined || value < 1 || value > 2) continue;
          small++;
          expect(view.value(m, p, column.key), `${m} ${p} ${column.key}`).toBe('..');
        }
      }
    }
    expect(small).toBeGreaterThan(0);
    // A municipality's own users see their live figures over the publication, and the ratios built on them.
    const own = publicationView({ shape, ids, raw, hidden: result.hidden, own: { id: 'm1', raw } });
    for (const p of shape.professions) {
      expect(own.value('m1', p, 'headcount')).toBe(raw.get(cellId('m1', p, 'headcount')) ?? null);
      expect(own.value('m1', p, 'headcount_fixed_term')).toBe(raw.get(cellId('m1', p, 'headcount_fixed_term')) ?? null);
    }
    // A ratio with a hidden input is hidden.
    for (const m of ids) {
      for (const p of shape.professions) {
        if (view.value(m, p, 'headcount') === '..') expect(view.ratios(m, p).specialist_share).toBe('..');
      }
    }
  }, 120_000);
});

describe('figures computed for what a request needs', () => {
  it('are the same numbers as the full figures, and answer every column, ratio and median the request reads', () => {
    const municipalities = region(5, 6, true);
    // One municipality reports without one profession, so a sum over professions has a missing part.
    const first = municipalities[0];
    if (first) first.facts = first.facts.filter((f) => f.profession !== shape.professions[0]);
    const ids = municipalities.map((m) => m.id);
    const full = rawFigures(shape, municipalities);
    const fullView = publicationView({ shape, ids, raw: full, hidden: null });
    let compared = 0;
    for (const profession of [ALL, ...shape.professions]) {
      for (const ratiosOnly of [false, true]) {
        const narrow = rawFigures(shape, municipalities, { profession, ratiosOnly });
        // Fewer figures, each the same number as in the full set.
        expect(narrow.size).toBeLessThan(full.size);
        for (const [id, value] of narrow) {
          expect(full.get(id), id).toBe(value);
          compared++;
        }
        const view = publicationView({ shape, ids, raw: narrow, hidden: null });
        for (const m of [...ids, REGION]) expect(view.ratios(m, profession)).toEqual(fullView.ratios(m, profession));
        expect(view.median(profession)).toEqual(fullView.median(profession));
        if (ratiosOnly) continue;
        for (const column of fullView.columns(profession)) {
          for (const m of [...ids, REGION]) {
            expect(view.value(m, profession, column.key), `${m} ${profession} ${column.key}`).toBe(
              fullView.value(m, profession, column.key),
            );
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
