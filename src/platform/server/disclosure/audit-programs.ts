// The audit's linear programs (audit.ts): a neighbourhood of unknowns around some cells, the attacker's program over
// it (every other unknown at its true value), and a solution read back as a table of changes.

import { type Attack, MOVED, type Row } from './audit-attack.ts';
import { type LinearProgram, LpModel } from './lp.ts';

/** A table as changes from the true values, over unknowns. */
export type Table = { cols: number[]; changes: number[] };

/** The changes a solution over `vars` makes to the true values. */
export function tableOf(attack: Attack, vars: number[], x: Float64Array): Table {
  const table: Table = { cols: [], changes: [] };
  vars.forEach((v, i) => {
    const delta = (x[i] as number) - (attack.values[v] as number);
    if (Math.abs(delta) > MOVED) {
      table.cols.push(v);
      table.changes.push(delta);
    }
  });
  return table;
}

/** Owners whose cells are constants in a program (the attacker knows them). */
export type Exclusion = { readonly size: number; has(owner: number): boolean };
export const NOBODY: Exclusion = new Set<number>();

/**
 * Up to `cap` unknowns around the sources, nearest first through the rules, leaving out the cells of the owners in
 * `exclude` (they are constants to those owners). `complete` when everything connected to them was reached.
 */
export function neighbourhood(
  attack: Attack,
  sources: readonly number[],
  cap: number,
  exclude: Exclusion,
  fanout = Infinity,
): { vars: number[]; complete: boolean } {
  const { mark } = attack;
  const stamp = ++attack.stamp;
  const vars = [...sources];
  for (const u of sources) mark[u] = stamp;
  let truncated = false;
  for (let head = 0; head < vars.length; head++) {
    const v = vars[head] as number;
    for (const r of attack.rowsOf[v] as number[]) {
      const row = attack.rows[r] as Row;
      let taken = 0;
      for (let i = 0; i < row.cols.length; i++) {
        const w = row.cols[i] as number;
        if (mark[w] === stamp || (exclude.size > 0 && exclude.has(attack.owner[w] as number))) continue;
        // Past the fanout, only the row's other side (a sum's total): a part can always be compensated there.
        if (taken >= fanout && Math.sign(row.coefs[i] as number) !== rareSign(row)) {
          truncated = true;
          continue;
        }
        if (vars.length >= cap) return { vars, complete: false };
        mark[w] = stamp;
        vars.push(w);
        taken++;
      }
    }
  }
  return { vars, complete: !truncated };
}

/** The rarer coefficient sign of a row (0 when both are as common); cached on the row. */
function rareSign(row: Row): number {
  if (row.rare === undefined) {
    let positive = 0;
    for (const coef of row.coefs) if (coef > 0) positive++;
    const negative = row.coefs.length - positive;
    row.rare = positive === negative ? 0 : positive < negative ? 1 : -1;
  }
  return row.rare;
}

/** The attacker's program over `vars`, every other unknown at its true value. Column i is vars[i]. */
export function localProgram(attack: Attack, vars: number[]): LinearProgram {
  const { mark, col, rowMark } = attack;
  const stamp = ++attack.stamp;
  for (let i = 0; i < vars.length; i++) {
    const v = vars[i] as number;
    mark[v] = stamp;
    col[v] = i;
  }
  const colUpper = new Float64Array(vars.length);
  for (let i = 0; i < vars.length; i++) colUpper[i] = attack.upper[vars[i] as number] as number;
  const lp: LinearProgram = { numCols: vars.length, colLower: new Float64Array(vars.length), colUpper, rows: [] };
  for (const v of vars) {
    for (const r of attack.rowsOf[v] as number[]) {
      if (rowMark[r] === stamp) continue;
      rowMark[r] = stamp;
      const row = attack.rows[r] as Row;
      const cols: number[] = [];
      const coefs: number[] = [];
      let outside = row.truth;
      for (let i = 0; i < row.cols.length; i++) {
        const w = row.cols[i] as number;
        if (mark[w] !== stamp) continue;
        const coef = row.coefs[i] as number;
        cols.push(col[w] as number);
        coefs.push(coef);
        outside -= coef * (attack.values[w] as number);
      }
      lp.rows.push({ cols, coefs, lower: row.lower - outside, upper: row.upper - outside });
    }
  }
  return lp;
}

export function solveOnce(
  attack: Attack,
  lp: LinearProgram,
  sense: 'min' | 'max',
  cost: Float64Array,
): ReturnType<LpModel['optimise']> {
  const model = new LpModel(attack.highs, lp, attack.lpSeconds);
  try {
    return model.optimise(sense, cost);
  } finally {
    model.dispose();
    attack.lps++;
  }
}
