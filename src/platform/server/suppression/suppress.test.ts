// Tests for small-count suppression: worked examples, then property tests in which an exact solver plays the
// attacker and must find, for every hidden cell, two tables consistent with what is shown that disagree on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIN_COUNT,
  ratioSuppressed,
  type SuppressionCell,
  type SuppressionGroup,
  safeMedian,
  suppress,
} from './suppress.ts';

type Table = { cells: SuppressionCell[]; groups: SuppressionGroup[] };

/** A column of named parts with a total cell `T` (or `totalId`). */
function column(parts: Record<string, number | null>, totalId = 'T'): Table {
  const cells = Object.entries(parts).map(([id, value]) => ({ id, value }));
  const total = Object.values(parts).reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return { cells: [...cells, { id: totalId, value: total }], groups: [{ total: totalId, parts: Object.keys(parts) }] };
}

/** A 2-D table with row totals, column totals and a grand total; cell ids are `r{i}c{j}`, `r{i}T`, `Tc{j}`, `TT`. */
function grid(values: (number | null)[][]): Table {
  const cells: SuppressionCell[] = [];
  const groups: SuppressionGroup[] = [];
  const columns = values[0]?.length ?? 0;
  const sum = (xs: (number | null)[]) => xs.reduce<number>((s, v) => s + (v ?? 0), 0);
  values.forEach((row, i) => {
    row.forEach((value, j) => {
      cells.push({ id: `r${i}c${j}`, value });
    });
    cells.push({ id: `r${i}T`, value: sum(row) });
    groups.push({ total: `r${i}T`, parts: row.map((_, j) => `r${i}c${j}`) });
  });
  for (let j = 0; j < columns; j++) {
    cells.push({ id: `Tc${j}`, value: sum(values.map((row) => row[j] ?? null)) });
    groups.push({ total: `Tc${j}`, parts: values.map((_, i) => `r${i}c${j}`) });
  }
  cells.push({ id: 'TT', value: sum(values.flat()) });
  groups.push({ total: 'TT', parts: values.map((_, i) => `r${i}T`) });
  groups.push({ total: 'TT', parts: Array.from({ length: columns }, (_, j) => `Tc${j}`) });
  return { cells, groups };
}

// ---------------------------------------------------------------------------------------------------------------
// The attacker: an exact integer solver over the hidden cells (each ≥ 1), written independently of the module.

type Equation = { vars: number[]; coefs: number[]; rhs: number };
type View = { unknowns: string[]; equations: Equation[] };

function attackerView(table: Table, hidden: ReadonlySet<string>): View {
  const value = new Map(table.cells.map((c) => [c.id, c.value]));
  const unknowns = [...hidden].sort();
  const slot = new Map(unknowns.map((id, i) => [id, i]));
  const equations: Equation[] = [];
  for (const group of table.groups) {
    const members: [string, number][] = [[group.total, -1], ...group.parts.map((id): [string, number] => [id, 1])];
    if (members.some(([id]) => value.get(id) === null)) continue;
    const equation: Equation = { vars: [], coefs: [], rhs: 0 };
    for (const [id, coef] of members) {
      const at = slot.get(id);
      if (at === undefined) equation.rhs -= coef * (value.get(id) as number);
      else {
        equation.vars.push(at);
        equation.coefs.push(coef);
      }
    }
    equations.push(equation);
  }
  return { unknowns, equations };
}

/** Narrows every unknown's interval from the others' (bounds consistency); false when an equation cannot hold. */
function propagate(lo: number[], hi: number[], equations: Equation[]): boolean {
  for (let changed = true; changed; ) {
    changed = false;
    for (const { vars, coefs, rhs } of equations) {
      let min = 0;
      let max = 0;
      vars.forEach((v, i) => {
        min += coefs[i] === 1 ? (lo[v] as number) : -(hi[v] as number);
        max += coefs[i] === 1 ? (hi[v] as number) : -(lo[v] as number);
      });
      if (rhs < min || rhs > max) return false;
      for (let i = 0; i < vars.length; i++) {
        const v = vars[i] as number;
        const own = coefs[i] === 1;
        const restMin = min - (own ? (lo[v] as number) : -(hi[v] as number));
        const restMax = max - (own ? (hi[v] as number) : -(lo[v] as number));
        const newLo = own ? rhs - restMax : restMin - rhs;
        const newHi = own ? rhs - restMin : restMax - rhs;
        if (newLo > (lo[v] as number) || newHi < (hi[v] as number)) {
          lo[v] = Math.max(lo[v] as number, newLo);
          hi[v] = Math.min(hi[v] as number, newHi);
          if ((lo[v] as number) > (hi[v] as number)) return false;
          changed = true;
          break;
        }
      }
    }
  }
  return true;
}

function solvable(lo: number[], hi: number[], equations: Equation[]): boolean {
  if (!propagate(lo, hi, equations)) return false;
  let pick = -1;
  for (let v = 0; v < lo.length; v++) {
    if (
      (lo[v] as number) < (hi[v] as number) &&
      (pick < 0 || (hi[v] as number) - (lo[v] as number) < (hi[pick] as number) - (lo[pick] as number))
    ) {
      pick = v;
    }
  }
  if (pick < 0) {
    return equations.every(
      (e) => e.vars.reduce((s, v, i) => s + (e.coefs[i] as number) * (lo[v] as number), 0) === e.rhs,
    );
  }
  const mid = Math.floor(((lo[pick] as number) + (hi[pick] as number)) / 2);
  const lowerHi = [...hi];
  lowerHi[pick] = mid;
  const upperLo = [...lo];
  upperLo[pick] = mid + 1;
  return solvable([...lo], lowerHi, equations) || solvable(upperLo, [...hi], equations);
}

/** Can the attacker's equations hold with cell `id` different from its true value? Values range over 1..bound. */
function canDiffer(view: View, id: string, truth: number, bound: number): boolean {
  const v = view.unknowns.indexOf(id);
  const lo = view.unknowns.map(() => 1);
  const hi = view.unknowns.map(() => bound);
  const below = [...hi];
  below[v] = truth - 1;
  const above = [...lo];
  above[v] = truth + 1;
  return solvable([...lo], below, view.equations) || solvable(above, [...hi], view.equations);
}

/** Hidden cells the attacker can pin down. With a known set, cells pinned down even when everything else is hidden
 * (the viewer's own figures and the zeros alone give them away) are excused: no suppression could help. */
function derivable(table: Table, hidden: ReadonlySet<string>, known: ReadonlySet<string> = new Set()): string[] {
  const value = new Map(table.cells.map((c) => [c.id, c.value]));
  const bound = 2 * Math.max(0, ...table.cells.map((c) => c.value ?? 0)) + 4;
  const view = attackerView(table, hidden);
  const everything = new Set(
    table.cells.filter((c) => c.value !== null && c.value > 0 && !known.has(c.id)).map((c) => c.id),
  );
  const worst = attackerView(table, everything);
  return [...hidden].filter((id) => {
    const truth = value.get(id) as number;
    if (canDiffer(view, id, truth, bound)) return false;
    return known.size === 0 || canDiffer(worst, id, truth, bound);
  });
}

function expectSafe(table: Table, hidden: ReadonlySet<string>, known?: ReadonlySet<string>): void {
  expect(derivable(table, hidden, known)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------

describe('suppress', () => {
  it('hides nothing when no count is small', () => {
    const table = grid([
      [5, 0, 12],
      [3, 7, 0],
      [40, 3, 9],
    ]);
    expect(suppress(table.cells, table.groups)).toEqual(new Set());
  });

  it('hides one more cell, the smallest that can absorb a change, for one small count in a column with a total', () => {
    const table = column({ a: 1, b: 7, c: 5, d: 9 });
    const hidden = suppress(table.cells, table.groups);
    expect(hidden).toEqual(new Set(['a', 'c']));
    expectSafe(table, hidden);
  });

  it('uses the configurable minimum count, default 3', () => {
    const table = column({ a: 3, b: 7, c: 5, d: 9 });
    expect(DEFAULT_MIN_COUNT).toBe(3);
    expect(suppress(table.cells, table.groups)).toEqual(new Set());
    expect(suppress(table.cells, table.groups, { minCount: 4 })).toEqual(new Set(['a', 'c']));
    expect(suppress(column({ a: 1, b: 7 }).cells, column({ a: 1, b: 7 }).groups, { minCount: 1 })).toEqual(new Set());
    expect(() => suppress(table.cells, table.groups, { minCount: 0 })).toThrow(RangeError);
  });

  it('never hides a zero, so the partner is a non-zero cell even when zeros are smaller', () => {
    const table = column({ a: 1, b: 0, c: 0, d: 6 });
    const hidden = suppress(table.cells, table.groups);
    expect(hidden).toEqual(new Set(['a', 'd']));
    expectSafe(table, hidden);
  });

  it('never hides a known cell, and does not count on it to protect another', () => {
    const table = column({ a: 2, b: 1, c: 4 });
    expect(suppress(table.cells, table.groups)).toEqual(new Set(['a', 'b']));
    // The viewer knows a, so hiding it protects nothing: b would be T − a − c.
    const known = new Set(['a']);
    const hidden = suppress(table.cells, table.groups, { known });
    expect(hidden).toEqual(new Set(['b', 'c']));
    expectSafe(table, hidden, known);
  });

  it('a known small count is shown to its owner', () => {
    const table = column({ a: 1, b: 7, c: 5 });
    expect(suppress(table.cells, table.groups, { known: new Set(['a', 'b', 'c', 'T']) })).toEqual(new Set());
  });

  it('hides the total when no part is left to hide', () => {
    const table = column({ a: 2, b: 1 });
    const known = new Set(['a']);
    const hidden = suppress(table.cells, table.groups, { known });
    expect(hidden).toEqual(new Set(['b', 'T']));
    expectSafe(table, hidden, known);
  });

  it('cascades a hidden total into the group where it is a part', () => {
    const child = column({ a: 2, b: 1 }, 'S');
    const table: Table = {
      cells: [...child.cells, { id: 'u', value: 10 }, { id: 'v', value: 12 }, { id: 'G', value: 25 }],
      groups: [...child.groups, { total: 'G', parts: ['S', 'u', 'v'] }],
    };
    const known = new Set(['a']);
    const hidden = suppress(table.cells, table.groups, { known });
    expect(hidden).toEqual(new Set(['b', 'S', 'u']));
    expectSafe(table, hidden, known);
  });

  it('protects two hidden ones whose remainder is 2 (both would have to be 1)', () => {
    const table = column({ a: 1, b: 1, c: 9, d: 20 });
    expect(derivable(table, new Set(['a', 'b']))).toEqual(['a', 'b']);
    const hidden = suppress(table.cells, table.groups);
    expect(hidden).toEqual(new Set(['a', 'b', 'c']));
    expectSafe(table, hidden);
  });

  it('protects a bridge between two blocks of hidden cells even though every row and column hides two', () => {
    const B = 30;
    const table = grid([
      [2, 2, B, B],
      [2, 2, 2, B],
      [B, B, 2, 2],
      [B, B, 2, 2],
    ]);
    const primaries = new Set(table.cells.filter((c) => c.value === 2).map((c) => c.id));
    expect(derivable(table, primaries)).toEqual(['r1c2']);
    const hidden = suppress(table.cells, table.groups);
    expect(hidden.size).toBeGreaterThan(primaries.size);
    for (const id of primaries) expect(hidden).toContain(id);
    expectSafe(table, hidden);
  });

  it('protects a cycle of hidden cells that can move neither way because of its ones', () => {
    // Around the cycle r0c0 r0c1 r1c1 r1c2 r2c2 r2c0 the change alternates; a 1 on each sign blocks both directions,
    // though each row and column keeps a remainder of 3 for its two hidden cells.
    const table = grid([
      [1, 2, 20],
      [20, 2, 1],
      [2, 20, 2],
    ]);
    const primaries = new Set(table.cells.filter((c) => c.value !== null && c.value < 3).map((c) => c.id));
    expect(derivable(table, primaries).length).toBeGreaterThan(0);
    const hidden = suppress(table.cells, table.groups);
    expectSafe(table, hidden);
  });

  it('hides forced cells as if they were small, but never a forced zero or known cell', () => {
    const table = column({ a: 0, b: 40, c: 7, d: 9 });
    const hidden = suppress(table.cells, table.groups, { forced: new Set(['a', 'b']), minCount: 1 });
    expect(hidden).toEqual(new Set(['b', 'c']));
    expectSafe(table, hidden);
    expect(suppress(table.cells, table.groups, { forced: new Set(['b']), known: new Set(['b']) })).toEqual(new Set());
  });

  it('treats a group with a missing figure as no equation', () => {
    const table = column({ a: 1, b: null, c: 5 });
    expect(suppress(table.cells, table.groups)).toEqual(new Set(['a']));
  });

  it('rejects malformed input', () => {
    expect(() => suppress([{ id: 'a', value: 1 }], [{ total: 'a', parts: ['x'] }])).toThrow(/unknown cell/);
    expect(() =>
      suppress(
        [
          { id: 'a', value: 1 },
          { id: 'a', value: 2 },
        ],
        [],
      ),
    ).toThrow(/Duplicate/);
    expect(() => suppress([{ id: 'a', value: 1.5 }], [])).toThrow(RangeError);
    const table = column({ a: 1, b: 7 });
    const wrong = table.cells.map((c) => (c.id === 'T' ? { ...c, value: 9 } : c));
    expect(() => suppress(wrong, table.groups)).toThrow(/does not add up/);
    expect(() => suppress(table.cells, [{ total: 'T', parts: ['a', 'a'] }])).toThrow(/twice/);
  });
});

describe('ratioSuppressed', () => {
  it('is suppressed when any input is', () => {
    const hidden = new Set(['a']);
    expect(ratioSuppressed(['a', 'b'], hidden)).toBe(true);
    expect(ratioSuppressed(['b', 'c'], hidden)).toBe(false);
    expect(ratioSuppressed([], hidden)).toBe(false);
  });
});

describe('safeMedian', () => {
  const shown = (value: number | null) => ({ value, suppressed: false });
  const hidden = (value: number) => ({ value, suppressed: true });

  it('gives the middle value of an odd count, unless that entry is suppressed', () => {
    expect(safeMedian([shown(5), shown(1), shown(3)])).toBe(3);
    expect(safeMedian([shown(5), shown(1), hidden(3)])).toBeNull();
    expect(safeMedian([hidden(1), shown(3), shown(5)])).toBe(3);
  });

  it('averages the two middle values of an even count, unless either is suppressed', () => {
    expect(safeMedian([shown(4), shown(1), shown(2), shown(3)])).toBe(2.5);
    expect(safeMedian([shown(4), shown(1), hidden(2), shown(3)])).toBeNull();
    expect(safeMedian([shown(4), hidden(1), shown(2), shown(3)])).toBe(2.5);
  });

  it('lets a shown entry stand in for a suppressed one with the same value', () => {
    expect(safeMedian([hidden(3), shown(3), shown(5)])).toBe(3);
    expect(safeMedian([shown(1), hidden(3), shown(3), shown(9)])).toBeNull();
  });

  it('leaves out not-reported entries and has no median for nothing', () => {
    expect(safeMedian([shown(null), shown(2), shown(4)])).toBe(3);
    expect(safeMedian([shown(null)])).toBeNull();
    expect(safeMedian([])).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties. Small counts are made common so that suppression has real work to do.

const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 8 }) },
);

const gridCase = fc
  .record({ rows: fc.integer({ min: 2, max: 5 }), columns: fc.integer({ min: 2, max: 4 }) })
  .chain(({ rows, columns }) =>
    fc.record({
      values: fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
      knownRow: fc.option(fc.integer({ min: 0, max: rows - 1 }), { nil: undefined }),
      missing: fc.option(fc.integer({ min: 0, max: rows * columns - 1 }), { nil: undefined, freq: 4 }),
      minCount: fc.constantFrom(1, 2, 3, 4),
      forcedCells: fc.array(fc.integer({ min: 0, max: rows * columns - 1 }), { maxLength: 2 }),
    }),
  )
  .map(({ values, knownRow, missing, minCount, forcedCells }) => {
    const withMissing = values.map((row, i) =>
      row.map((v, j): number | null => (missing === i * row.length + j ? null : v)),
    );
    const table = grid(withMissing);
    const known = new Set(
      knownRow === undefined ? [] : table.cells.filter((c) => c.id.startsWith(`r${knownRow}`)).map((c) => c.id),
    );
    const columns = values[0]?.length ?? 1;
    const forced = new Set(forcedCells.map((i) => `r${Math.floor(i / columns)}c${i % columns}`));
    return { table, known, minCount, forced };
  });

type Tree = number | Tree[];
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'tree' },
    count,
    fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
  ),
}));

const hierarchyCase = fc
  .record({
    children: fc.array(tree, { minLength: 2, maxLength: 3 }),
    known: fc.array(fc.nat(), { maxLength: 3 }),
    minCount: fc.constantFrom(2, 3),
  })
  .map(({ children, known, minCount }) => {
    const cells: SuppressionCell[] = [];
    const groups: SuppressionGroup[] = [];
    const walk = (node: Tree, id: string): number => {
      if (typeof node === 'number') {
        cells.push({ id, value: node });
        return node;
      }
      const parts = node.map((_, i) => `${id}.${i}`);
      const value = node.reduce<number>((sum, child, i) => sum + walk(child, parts[i] as string), 0);
      cells.push({ id, value });
      groups.push({ total: id, parts });
      return value;
    };
    walk(children, 'n');
    const knownIds = new Set(known.map((i) => (cells[i % cells.length] as SuppressionCell).id));
    return { table: { cells, groups }, known: knownIds, minCount };
  });

/** Rows whose headcount is split two ways (age bands and sex), with region totals: headcounts sit in three groups. */
const twoWayCase = fc
  .record({
    ages: fc.array(fc.array(count, { minLength: 2, maxLength: 3 }), { minLength: 2, maxLength: 3 }),
    split: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    knownRow: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined, freq: 3 }),
  })
  .map(({ ages, split, knownRow }) => {
    const bands = Math.min(...ages.map((a) => a.length));
    const rows = ages.map((a, i) => {
      const bandValues = a.slice(0, bands);
      const head = bandValues.reduce((s, v) => s + v, 0);
      const women = Math.round(head * (split[i] ?? 0));
      return [head, ...bandValues, women, head - women];
    });
    const columns = ['H', ...Array.from({ length: bands }, (_, b) => `a${b}`), 'w', 'm'];
    const cells: SuppressionCell[] = [];
    const groups: SuppressionGroup[] = [];
    const bandIds = (row: string) => columns.slice(1, 1 + bands).map((c) => `${row}${c}`);
    for (const row of [...rows.map((_, i) => `r${i}`), 'R']) {
      groups.push({ total: `${row}H`, parts: bandIds(row) });
      groups.push({ total: `${row}H`, parts: [`${row}w`, `${row}m`] });
    }
    columns.forEach((c, j) => {
      rows.forEach((values, i) => {
        cells.push({ id: `r${i}${c}`, value: values[j] as number });
      });
      cells.push({ id: `R${c}`, value: rows.reduce((s, values) => s + (values[j] as number), 0) });
      groups.push({ total: `R${c}`, parts: rows.map((_, i) => `r${i}${c}`) });
    });
    const known = new Set(
      knownRow === undefined || knownRow >= rows.length
        ? []
        : cells.filter((c) => c.id.startsWith(`r${knownRow}`)).map((c) => c.id),
    );
    return { table: { cells, groups }, known, minCount: DEFAULT_MIN_COUNT };
  });

/** A 3-D table (say municipality × profession × age band) with totals along every axis: cells sit in three groups. */
const cubeCase = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
  .chain((sizes) => fc.record({ sizes: fc.constant(sizes), values: fc.array(count, { minLength: 27, maxLength: 27 }) }))
  .map(({ sizes, values }) => {
    // Coordinates 0..n−1 are inner cells, n is the total along that axis.
    const value = (at: number[]): number => {
      const ranges = at.map((i, axis) => (i === sizes[axis] ? [...Array(sizes[axis]).keys()] : [i]));
      let sum = 0;
      for (const a of ranges[0] ?? [])
        for (const b of ranges[1] ?? [])
          for (const c of ranges[2] ?? []) {
            sum += values[a * 9 + b * 3 + c] as number;
          }
      return sum;
    };
    const id = (at: number[]) => at.join('.');
    const cells: SuppressionCell[] = [];
    const groups: SuppressionGroup[] = [];
    const [A, B, C] = sizes;
    for (let a = 0; a <= A; a++) {
      for (let b = 0; b <= B; b++) {
        for (let c = 0; c <= C; c++) {
          const at = [a, b, c];
          cells.push({ id: id(at), value: value(at) });
          at.forEach((i, axis) => {
            if (i !== sizes[axis]) return;
            const parts = [...Array(sizes[axis]).keys()].map((j) => id(at.map((k, x) => (x === axis ? j : k))));
            groups.push({ total: id(at), parts });
          });
        }
      }
    }
    return { table: { cells, groups }, known: new Set<string>(), minCount: DEFAULT_MIN_COUNT };
  });

type Case = { table: Table; known: Set<string>; minCount: number; forced?: Set<string> };

function checkCase({ table, known, minCount, forced = new Set() }: Case): void {
  const before = JSON.stringify(table);
  const hidden = suppress(table.cells, table.groups, { minCount, known, forced });
  expect(JSON.stringify(table)).toBe(before);
  for (const { id, value } of table.cells) {
    const primary = value !== null && value >= 1 && (value < minCount || forced.has(id)) && !known.has(id);
    if (primary) expect(hidden).toContain(id);
    if (value === null || value === 0 || known.has(id)) expect(hidden).not.toContain(id);
  }
  expectSafe(table, hidden, known);
  expect(suppress(table.cells, table.groups, { minCount, known, forced })).toEqual(hidden);
}

describe('suppress (properties)', () => {
  it('leaves no hidden count derivable in 2-D tables with margins', () => {
    fc.assert(fc.property(gridCase, checkCase), { numRuns: 200 });
  });

  it('leaves no hidden count derivable in nested hierarchies', () => {
    fc.assert(fc.property(hierarchyCase, checkCase), { numRuns: 200 });
  });

  it('leaves no hidden count derivable when a total is split two ways', () => {
    fc.assert(fc.property(twoWayCase, checkCase), { numRuns: 100 });
  });

  it('leaves no hidden count derivable in 3-D tables with totals along every axis', () => {
    fc.assert(fc.property(cubeCase, checkCase), { numRuns: 60 });
  });

  it('hides nothing when there are no small counts', () => {
    const large = fc.oneof(fc.constant(0), fc.integer({ min: 3, max: 50 }));
    fc.assert(
      fc.property(
        fc.array(fc.array(large, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 }),
        (values) => {
          const table = grid(values);
          expect(suppress(table.cells, table.groups)).toEqual(new Set());
        },
      ),
    );
  });
});
