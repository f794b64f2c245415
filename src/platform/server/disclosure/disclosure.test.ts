// Worked examples for the disclosure engine: each is small enough to check by hand, and each is an attack the
// protector must defeat or the audit must catch (issue 13).
import { afterAll, describe, expect, it } from 'vitest';
import { auditPublication } from './audit.ts';
import { closeDisclosureWorkers } from './parallel.ts';
import { protect } from './protect.ts';
import { sumRelation, tableRelations } from './relations.ts';
import type { DisclosureCell, Relation } from './types.ts';

const cellsOf = (values: Record<string, number>, extra: Partial<DisclosureCell> = {}): DisclosureCell[] =>
  Object.entries(values).map(([id, value]) => ({ id, value, ...extra }));

/** 2×2 with margins: a=1 is the only small count. */
function twoByTwo() {
  const values = { 'r1|c1': 1, 'r1|c2': 5, 'r1|T': 6, 'r2|c1': 6, 'r2|c2': 7, 'r2|T': 13 };
  const margins = { 'T|c1': 7, 'T|c2': 12, 'T|T': 19 };
  const cells = cellsOf({ ...values, ...margins });
  const relations = tableRelations(['r1', 'r2'], ['c1', 'c2'], { row: 'T', col: 'T' });
  return { cells, relations };
}

describe('protect', () => {
  it('hides three more cells around one small count of a 2×2 table with margins', async () => {
    const { cells, relations } = twoByTwo();
    const result = await protect({ cells, relations });
    expect(result.primary).toEqual(new Set(['r1|c1']));
    expect(result.hidden).toEqual(new Set(['r1|c1', 'r1|c2', 'r2|c1', 'r2|c2']));
    expect(result.audit.ok).toBe(true);
  });

  it('defeats the outside tester: headcount 10 and permanent 9 shown leave fixed-term 1', async () => {
    const cells = cellsOf({ headcount: 10, permanent: 9, fixed_term: 1 });
    const relations = [sumRelation('headcount', ['permanent', 'fixed_term'])];
    const attack = await auditPublication({ cells, relations, hidden: new Set(['fixed_term']) });
    expect(attack.ok).toBe(false);
    expect(attack.violations).toEqual([{ id: 'fixed_term', value: 1, kind: 'narrowed', interval: [1, 1] }]);
    const result = await protect({ cells, relations });
    expect(result.hidden).toEqual(new Set(['fixed_term', 'permanent']));
    expect(result.audit.ok).toBe(true);
  });

  it('knows that fte ≤ headcount: a published FTE can pin a hidden headcount', async () => {
    // Two municipalities' headcounts sum to the region's 7; each one's FTE is published and bounds it from below.
    const cells = [...cellsOf({ h1: 2, h2: 5, region: 7 }), ...cellsOf({ fte1: 2, fte2: 5 }, { count: false })];
    const relations: Relation[] = [
      sumRelation('region', ['h1', 'h2']),
      {
        terms: [
          ['fte1', 1],
          ['h1', -1],
        ],
        op: '<=',
      },
      {
        terms: [
          ['fte2', 1],
          ['h2', -1],
        ],
        op: '<=',
      },
    ];
    const attack = await auditPublication({ cells, relations, hidden: new Set(['h1', 'h2']) });
    expect(attack.violations).toEqual([{ id: 'h1', value: 2, kind: 'narrowed', interval: [2, 2] }]);
    expect(attack.pinned).toEqual([{ id: 'h2', value: 5 }]);
    const withoutRules = await auditPublication({
      cells,
      relations: relations.slice(0, 1),
      hidden: new Set(['h1', 'h2']),
    });
    expect(withoutRules.ok).toBe(true);
    const result = await protect({ cells, relations });
    expect(result.audit.ok).toBe(true);
    expect(result.hidden.has('fte1')).toBe(true);
  });

  it('handles rational coefficients: a forecast of 0.2·band60_64 + band65plus', async () => {
    const cells = [
      ...cellsOf({ young: 10, band60_64: 5, band65plus: 1, headcount: 16 }),
      { id: 'forecast', value: 2, count: false },
    ];
    const relations: Relation[] = [
      sumRelation('headcount', ['young', 'band60_64', 'band65plus']),
      {
        terms: [
          ['band60_64', 0.2],
          ['band65plus', 1],
          ['forecast', -1],
        ],
      },
    ];
    const hidden = new Set(['young', 'band60_64', 'band65plus']);
    const attack = await auditPublication({ cells, relations, hidden });
    expect(attack.ok).toBe(false);
    expect(attack.violations[0]?.id).toBe('band65plus');
    expect(attack.violations[0]?.interval[1]).toBeCloseTo(2, 6);
    const result = await protect({ cells, relations });
    expect(result.audit.ok).toBe(true);
    expect(result.hidden.has('forecast') || result.hidden.has('headcount')).toBe(true);
  });

  it('cannot protect what a published constant pins, and says so', async () => {
    // The forecast is a figure published elsewhere (a constant here), so no pattern of these cells protects 65+.
    const cells = cellsOf({ young: 10, band60_64: 5, band65plus: 1, headcount: 16 });
    const relations: Relation[] = [
      sumRelation('headcount', ['young', 'band60_64', 'band65plus']),
      {
        terms: [
          ['band60_64', 0.2],
          ['band65plus', 1],
        ],
        constant: 2,
      },
    ];
    const result = await protect({ cells, relations });
    expect(result.audit.ok).toBe(false);
    expect(result.audit.violations.map((v) => v.id)).toEqual(['band65plus']);
  });

  it('treats the viewer’s own figures as known: never sensitive, never hidden', async () => {
    const cells = [...cellsOf({ own: 1, other: 4 }), ...cellsOf({ total: 5 })];
    cells[0] = { id: 'own', value: 1, known: true };
    const result = await protect({ cells, relations: [sumRelation('total', ['own', 'other'])] });
    expect(result.hidden.size).toBe(0);
    expect(result.audit.ok).toBe(true);
  });
});

describe('certificates', () => {
  const cells = cellsOf({ headcount: 10, permanent: 9, fixed_term: 1 });
  const relations = [sumRelation('headcount', ['permanent', 'fixed_term'])];

  it('are checked, not trusted: one that breaks a rule or moves a published cell proves nothing', async () => {
    const hidden = new Set(['fixed_term']);
    const breaksRule = [['fixed_term', 2] as const];
    const movesShown = [['fixed_term', 2] as const, ['permanent', -2] as const];
    const audit = await auditPublication({ cells, relations, hidden, certificates: [breaksRule, movesShown] });
    expect(audit.violations).toEqual([{ id: 'fixed_term', value: 1, kind: 'narrowed', interval: [1, 1] }]);
  });

  it('prove a safe pattern without a program of the audit’s own, scaled where the scaled table holds', async () => {
    const hidden = new Set(['fixed_term', 'permanent']);
    // One table, fixed_term 1 → 3: scaled by −1/2 it is the table with fixed_term 0 (permanent 10).
    const up = [['fixed_term', 2] as const, ['permanent', -2] as const];
    const audit = await auditPublication({ cells, relations, hidden, certificates: [up] });
    expect(audit).toEqual({ ok: true, violations: [], pinned: [], lps: 0 });
    // Without it the audit solves for itself and agrees.
    const own = await auditPublication({ cells, relations, hidden });
    expect(own.ok).toBe(true);
    expect(own.lps).toBeGreaterThan(0);
  });

  it('from protect prove its pattern to an audit that gets nothing else', async () => {
    const { cells: table, relations: rules } = twoByTwo();
    const result = await protect({ cells: table, relations: rules });
    const audit = await auditPublication({
      cells: table,
      relations: rules,
      hidden: result.hidden,
      certificates: result.certificates,
    });
    expect(audit.ok).toBe(true);
    expect(audit.lps).toBe(0);
  });
});

describe('earlier publications', () => {
  const cells = cellsOf({ T: 10, A: 1, B: 4, C: 5 });
  const relations = [sumRelation('T', ['A', 'B', 'C'])];
  const first = { values: new Map(cells.map((c) => [c.id, c.value])), hidden: new Set(['A', 'B']) };

  it('make a second pattern unsafe that is safe on its own', async () => {
    const second = new Set(['A', 'C']);
    expect((await auditPublication({ cells, relations, hidden: second })).ok).toBe(true);
    const combined = await auditPublication({ cells, relations, hidden: second, earlier: [first] });
    expect(combined.violations).toEqual([{ id: 'A', value: 1, kind: 'narrowed', interval: [1, 1] }]);
  });

  it('bind a changed cell’s earlier value by the same rules', async () => {
    // C went from 5 to 6 after an approval; the new publication shows B (unchanged) and hides A and C.
    const now = cellsOf({ T: 11, A: 1, B: 4, C: 6 });
    const combined = await auditPublication({ cells: now, relations, hidden: new Set(['A', 'C']), earlier: [first] });
    expect(combined.violations.map((v) => v.id)).toEqual(['A']);
    const result = await protect({ cells: now, relations, earlier: [first] });
    expect(result.audit.ok).toBe(true);
    expect(result.hidden.has('B')).toBe(true);
  });
});

describe('a rule the protector does not know', () => {
  it('lets the attacker narrow a cell: the audit fails when a rule is dropped from the protector', async () => {
    const { cells, relations } = twoByTwo();
    const rowsOnly = relations.filter((r) => !r.terms.some(([id]) => id.startsWith('T|')));
    const weak = await protect({ cells, relations: rowsOnly });
    expect(weak.audit.ok).toBe(true); // by its own rules
    const attack = await auditPublication({ cells, relations, hidden: weak.hidden });
    expect(attack.ok).toBe(false);
    expect(attack.violations.map((v) => v.id)).toContain('r1|c1');
  });
});

describe('owners (the respondent as intruder)', () => {
  /**
   * Three municipalities × two professions, municipal totals (T) and region totals per profession (R). m1|p1 = 1.
   * The cheapest outsider-safe pattern hides the rectangle m1, m2 × p1, p2; but m2 knows its own p1 and p2, and
   * with R|p1 and m3|p1 shown it computes m1|p1 = R|p1 − m2|p1 − m3|p1.
   */
  function region(owned: boolean) {
    const values: Record<string, number> = {
      'm1|p1': 1,
      'm1|p2': 5,
      'm2|p1': 4,
      'm2|p2': 6,
      'm3|p1': 7,
      'm3|p2': 8,
    };
    for (const m of ['m1', 'm2', 'm3']) values[`${m}|T`] = (values[`${m}|p1`] ?? 0) + (values[`${m}|p2`] ?? 0);
    for (const p of ['p1', 'p2', 'T'])
      values[`R|${p}`] = ['m1', 'm2', 'm3'].reduce((sum, m) => sum + (values[`${m}|${p}`] ?? 0), 0);
    const cells = Object.entries(values).map(([id, value]): DisclosureCell => {
      const owner = id.startsWith('m') ? id.slice(0, 2) : undefined;
      return owned && owner ? { id, value, owner } : { id, value };
    });
    return { cells, relations: tableRelations(['m1', 'm2', 'm3'], ['p1', 'p2'], { row: 'R', col: 'T' }) };
  }
  const rectangle = new Set(['m1|p1', 'm1|p2', 'm2|p1', 'm2|p2']);

  it('the outsider-safe rectangle lets the other municipality in it compute the small count', async () => {
    const outsider = region(false);
    const plain = await protect(outsider);
    expect(plain.hidden).toEqual(rectangle);
    expect(plain.audit.ok).toBe(true);
    const insiders = await auditPublication({ ...region(true), hidden: plain.hidden });
    expect(insiders.ok).toBe(false);
    expect(insiders.violations).toEqual([
      { id: 'm1|p1', value: 1, kind: 'narrowed', interval: [1, 1], attacker: 'm2' },
    ]);
  });

  it('protect with owners hides enough that no single municipality can narrow it', async () => {
    const owned = region(true);
    const result = await protect(owned);
    expect(result.audit.ok).toBe(true);
    expect(result.stats.fallbacks).toBe(0);
    expect(result.hidden.has('m1|p1')).toBe(true);
    expect(result.hidden).not.toEqual(rectangle);
    // Each municipality's own view, checked as an outsider who is told that municipality's figures (no owners here:
    // two municipalities together are a coalition, which the engine does not guard against).
    for (const m of ['m2', 'm3']) {
      const cells = owned.cells.map(({ id, value, owner }) => ({ id, value, known: owner === m }));
      const view = await auditPublication({ cells, relations: owned.relations, hidden: result.hidden });
      expect(view.violations, `as ${m}`).toEqual([]);
    }
  });

  it('does not protect a cell from its own owner', async () => {
    // m1 knows m1|p1 = 1: hiding only what protects it from the outsider and from m2 and m3 is enough.
    const owned = region(true);
    const view = await auditPublication({ ...owned, hidden: new Set([...rectangle, 'm3|p1', 'm3|p2']) });
    expect(view.ok).toBe(true);
    // …whereas m1's own 1 would be sensitive to others: with m1's cells as known figures, nothing is sensitive.
    const cells = owned.cells.map(({ id, value, owner }) => ({ id, value, known: owner === 'm1' }));
    expect((await protect({ cells, relations: owned.relations })).hidden.size).toBe(0);
  });
});

describe('worker threads', () => {
  afterAll(() => closeDisclosureWorkers());

  it('share the work out and keep the guarantees (protect and audit on two threads)', async () => {
    // Two municipalities' small counts in a 3×3 table with municipal and region totals, owners on the rows.
    const values = [
      [1, 5, 4],
      [6, 7, 2],
      [8, 9, 6],
    ];
    const cells: DisclosureCell[] = [];
    values.forEach((row, i) => {
      row.forEach((value, j) => {
        cells.push({ id: `m${i}|p${j}`, value, owner: `m${i}` });
      });
      cells.push({ id: `m${i}|T`, value: row.reduce((a, b) => a + b, 0), owner: `m${i}` });
    });
    for (const j of [0, 1, 2]) cells.push({ id: `R|p${j}`, value: values.reduce((a, row) => a + (row[j] ?? 0), 0) });
    cells.push({ id: 'R|T', value: values.flat().reduce((a, b) => a + b, 0) });
    const relations = tableRelations(['m0', 'm1', 'm2'], ['p0', 'p1', 'p2'], { row: 'R', col: 'T' });
    const shared = await protect({ cells, relations, limits: { threads: 2 } });
    expect(shared.stats.threads).toBe(2);
    expect(shared.primary).toEqual(new Set(['m0|p0', 'm1|p2']));
    expect(shared.audit.ok).toBe(true);
    // The audit on two threads agrees with the audit here, on a safe pattern and on an unsafe one.
    const here = await auditPublication({ cells, relations, hidden: shared.hidden, limits: { threads: 1 } });
    expect(here.ok).toBe(true);
    const unsafe = new Set(['m0|p0', 'm0|p1', 'm1|p0', 'm1|p1', 'm1|p2', 'm1|T', 'm2|p2', 'm2|T']);
    const [onTwo, onOne] = await Promise.all([
      auditPublication({ cells, relations, hidden: unsafe, limits: { threads: 2 } }),
      auditPublication({ cells, relations, hidden: unsafe, limits: { threads: 1 } }),
    ]);
    // m1 knows its row and computes m0|p0 from column p0; m2 knows m2|p2 and computes m1|p2 from column p2.
    expect(onOne.violations.map((v) => [v.id, v.kind, v.attacker])).toEqual([
      ['m0|p0', 'narrowed', 'm1'],
      ['m1|p2', 'narrowed', 'm2'],
    ]);
    expect(onTwo.violations.map((v) => [v.id, v.kind, v.attacker])).toEqual(
      onOne.violations.map((v) => [v.id, v.kind, v.attacker]),
    );
  });
});
