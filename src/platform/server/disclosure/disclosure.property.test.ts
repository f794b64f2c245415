// Property tests for the disclosure engine: on random tables with margins and random small counts, after protect,
// independent attackers — the LP audit with and without the protector's certificates, and (small tables) an
// exhaustive integer search written here without any of the engine's code — find every sensitive cell's range
// containing 0 and k, also for each row's owner as the attacker. And the attacker notices when the protector is not
// told a rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPublication } from './audit.ts';
import { protect } from './protect.ts';
import { tableRelations } from './relations.ts';
import type { DisclosureCell, Relation } from './types.ts';

const K = 3;

/** A table with margins from interior values; ids `r{i}|c{j}`, totals in row/column `T`. */
function table(values: number[][]) {
  const rows = values.map((_, i) => `r${i}`);
  const cols = (values[0] ?? []).map((_, j) => `c${j}`);
  const cells: DisclosureCell[] = [];
  let grand = 0;
  values.forEach((row, i) => {
    row.forEach((v, j) => {
      cells.push({ id: `r${i}|c${j}`, value: v });
    });
    const sum = row.reduce((a, b) => a + b, 0);
    cells.push({ id: `r${i}|T`, value: sum });
    grand += sum;
  });
  cols.forEach((_, j) => {
    cells.push({ id: `T|c${j}`, value: values.reduce((a, row) => a + (row[j] as number), 0) });
  });
  cells.push({ id: 'T|T', value: grand });
  return { cells, relations: tableRelations(rows, cols, { row: 'T', col: 'T' }) };
}

/**
 * The exhaustive attacker: is there an integer table, equal to the published cells where shown, keeping every
 * relation, with `target` equal to `want`? Depth-first over the hidden cells in [0, cap], completing a relation as
 * soon as one cell of it is open.
 */
function integerTableExists(
  cells: DisclosureCell[],
  relations: Relation[],
  hidden: ReadonlySet<string>,
  target: string,
  want: number,
  cap: number,
): boolean {
  const value = new Map<string, number>();
  for (const c of cells) if (!hidden.has(c.id)) value.set(c.id, c.value);
  value.set(target, want);
  const open = cells.map((c) => c.id).filter((id) => !value.has(id));
  /** Completes forced cells, then branches on the next open one; undoes its own assignments before returning. */
  const search = (): boolean => {
    const forced: string[] = [];
    const undo = (found: boolean) => {
      for (const id of forced) value.delete(id);
      return found;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const r of relations) {
        const missing = r.terms.filter(([id]) => !value.has(id));
        const sum = r.terms.reduce((s, [id, coef]) => s + (value.has(id) ? coef * (value.get(id) as number) : 0), 0);
        if (missing.length === 0 && Math.abs(sum - (r.constant ?? 0)) > 1e-9) return undo(false);
        if (missing.length === 1) {
          const [id, coef] = missing[0] as readonly [string, number];
          const v = ((r.constant ?? 0) - sum) / coef;
          if (v < 0 || v > cap || !Number.isInteger(v)) return undo(false);
          value.set(id, v);
          forced.push(id);
          changed = true;
        }
      }
    }
    const next = open.find((id) => !value.has(id));
    if (next === undefined) return undo(true);
    for (let v = 0; v <= cap; v++) {
      value.set(next, v);
      const found = search();
      value.delete(next);
      if (found) return undo(true);
    }
    return undo(false);
  };
  return search();
}

/** Small counts are common, larger ones sometimes. */
const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) }, fc.integer({ min: 4, max: 9 }));
const grid = (maxRows: number, maxCols: number) =>
  fc
    .tuple(fc.integer({ min: 2, max: maxRows }), fc.integer({ min: 2, max: maxCols }))
    .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe('protect on random tables with margins', () => {
  it('leaves every sensitive cell compatible with 0 and with k, by LP audit', async () => {
    await fc.assert(
      fc.asyncProperty(grid(5, 5), async (values) => {
        const { cells, relations } = table(values);
        const result = await protect({ cells, relations, k: K });
        expect(result.audit.ok).toBe(true);
        for (const id of result.primary) expect(result.hidden.has(id)).toBe(true);
        // protect's audit took its certificates; the operator's audit, without them, solves for itself and agrees.
        const own = await auditPublication({ cells, relations, hidden: result.hidden, k: K });
        expect(own.violations).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('leaves every sensitive cell compatible with 0 and with k, by exhaustive integer search', async () => {
    await fc.assert(
      fc.asyncProperty(grid(2, 3), async (values) => {
        const { cells, relations } = table(values);
        const { hidden, primary } = await protect({ cells, relations, k: K });
        const grand = cells.find((c) => c.id === 'T|T')?.value ?? 0;
        const cap = grand + K;
        for (const id of primary) {
          expect(integerTableExists(cells, relations, hidden, id, 0, cap), `${id} can be 0`).toBe(true);
          const reachesK = [K, K + 1, K + 2].some((v) => integerTableExists(cells, relations, hidden, id, v, cap));
          expect(reachesK, `${id} can be ≥ ${K}`).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('with rows as owners, leaves no single row able to narrow another row’s small count (exhaustive search)', async () => {
    await fc.assert(
      fc.asyncProperty(grid(3, 3), async (values) => {
        const { cells: plain, relations } = table(values);
        const owner = (id: string) => (id.startsWith('T|') ? undefined : id.slice(0, id.indexOf('|')));
        const cells = plain.map((c) => ({ ...c, owner: owner(c.id) }));
        const { hidden, primary, audit, stats } = await protect({ cells, relations, k: K });
        expect(audit.ok).toBe(true);
        expect(stats.fallbacks, 'protected by second tables, not by the fallback after the audit').toBe(0);
        const cap = (cells.find((c) => c.id === 'T|T')?.value ?? 0) + K;
        const rows = values.map((_, i) => `r${i}`);
        // Margins (no owner) are protected against the outsider, checked by the tests above.
        for (const id of [...primary].filter((p) => owner(p) !== undefined)) {
          for (const attacker of rows.filter((r) => r !== owner(id))) {
            // The attacker's own cells are as good as published to it.
            const seen = new Set([...hidden].filter((h) => owner(h) !== attacker));
            expect(integerTableExists(cells, relations, seen, id, 0, cap), `${attacker}: ${id} can be 0`).toBe(true);
            const reachesK = [K, K + 1, K + 2].some((v) => integerTableExists(cells, relations, seen, id, v, cap));
            expect(reachesK, `${attacker}: ${id} can be ≥ ${K}`).toBe(true);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('is refused by the attacker when a rule is left out of the protector’s equations', async () => {
    // The protector is not told the column sums; the attacker is. Wherever that lets the attacker pin a sensitive
    // cell, the audit and the exhaustive search must both see it.
    let caught = 0;
    await fc.assert(
      fc.asyncProperty(grid(3, 3), async (values) => {
        const { cells, relations } = table(values);
        const rowRules = relations.filter((r) => !r.terms.some(([id]) => id.startsWith('T|c')));
        const weak = await protect({ cells, relations: rowRules, k: K });
        const attack = await auditPublication({ cells, relations, hidden: weak.hidden, k: K });
        const cap = (cells.find((c) => c.id === 'T|T')?.value ?? 0) + K;
        for (const id of weak.primary) {
          const exhaustive =
            integerTableExists(cells, relations, weak.hidden, id, 0, cap) &&
            [K, K + 1, K + 2].some((v) => integerTableExists(cells, relations, weak.hidden, id, v, cap));
          const refused = attack.violations.some((v) => v.id === id);
          expect(refused).toBe(!exhaustive);
          if (refused) caught++;
        }
      }),
      { numRuns: 25, seed: 13 },
    );
    expect(caught).toBeGreaterThan(0);
  });
});
