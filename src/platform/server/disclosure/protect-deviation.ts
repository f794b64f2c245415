// One cell's linear program (protect.ts): the cheapest change of the table that keeps every rule and moves the
// sensitive cell by its protection level. What it changes is hidden, and the changed table is kept as a certificate
// for every attacker it proves wrong, scaled to serve other sensitive cells it moves where it can.
import { type LinearProgram, LpModel } from './lp.ts';
import type { Protector } from './protect-state.ts';
import { CANDIDATE, HIDDEN, type SystemRow } from './system.ts';
import { TOLERANCE } from './types.ts';

/** Cost per unit of moving a hidden cell of an owner other than the sensitive cell's (published cells cost ≥ 1). */
const FOREIGN_COST = 0.05;

/**
 * min Σ cost·|y| over the neighbourhood, s's change fixed to `level`, every rule kept (cells outside the
 * neighbourhood and fixed cells unchanged), 0 ≤ x + y ≤ upper. Hides what changes; records the certificates.
 */
export function solveDeviation(
  ctx: Protector,
  s: number,
  direction: 0 | 1,
  level: number,
  vars: number[],
): 'solved' | 'infeasible' | 'limit' {
  const { sys, alive: mark, col, rowMark, twin } = ctx;
  const sValue = sys.values[s] as number;
  if (sValue + level > (sys.upper[s] as number) + TOLERANCE) return 'infeasible';
  // mark[v] === alive: a variable of this program (s itself is a constant here).
  const alive = ++ctx.stamp;
  for (const v of vars) if (v !== s) mark[v] = alive;
  // The rules restricted to the neighbourhood (cells outside it and s itself are constants here).
  const local: { row: SystemRow; lower: number; upper: number }[] = [];
  const rowStamp = ctx.stamp;
  for (const v of vars) {
    for (const r of sys.rowsOf[v] as number[]) {
      if (rowMark[r] === rowStamp) continue;
      rowMark[r] = rowStamp;
      const row = sys.rows[r] as SystemRow;
      let shift = 0;
      for (let i = 0; i < row.vars.length; i++) if (row.vars[i] === s) shift += (row.coefs[i] as number) * level;
      const slack = row.op === '=' ? 0 : row.constant - (ctx.activity[r] as number);
      local.push({
        row,
        lower: row.op === '<=' ? -Infinity : slack - shift,
        upper: row.op === '>=' ? Infinity : slack - shift,
      });
    }
  }
  // A balanced rule left with one variable pins it: drop such variables before the solver sees them (the programs
  // run without HiGHS's presolve, and a rule cut by the neighbourhood's edge often ends like this).
  const eps = TOLERANCE * Math.max(1, Math.abs(level));
  for (let changed = true; changed; ) {
    changed = false;
    for (const entry of local) {
      if (entry.lower !== entry.upper || Math.abs(entry.lower) > eps) continue;
      let left = -1;
      let count = 0;
      for (const w of entry.row.vars) {
        if (mark[w] === alive) {
          left = w;
          if (++count > 1) break;
        }
      }
      if (count === 1) {
        mark[left] = 0;
        changed = true;
      }
    }
  }
  /**
   * Columns: y for a hidden cell (free); y⁺ then y⁻ (both costed) for a published one, and for a hidden cell of
   * another owner at a small cost: a table that moves fewer owners' cells proves more owners wrong (see offer).
   */
  const own = sys.owner[s] as number;
  const split = (v: number) =>
    sys.state[v] !== HIDDEN || (own >= 0 && (sys.owner[v] as number) >= 0 && sys.owner[v] !== own);
  const others: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const costs: number[] = [];
  for (const v of vars) {
    if (v === s || mark[v] !== alive) continue;
    const x = sys.values[v] as number;
    col[v] = colLower.length;
    others.push(v);
    if (!split(v)) {
      colLower.push(-x);
      colUpper.push((sys.upper[v] as number) - x);
      costs.push(0);
    } else {
      const cost = sys.state[v] === HIDDEN ? FOREIGN_COST : (sys.cost[v] as number);
      colLower.push(0, 0);
      colUpper.push((sys.upper[v] as number) - x, x);
      costs.push(cost, cost);
      twin[v] = alive;
    }
  }
  const lp: LinearProgram = {
    numCols: colLower.length,
    colLower: Float64Array.from(colLower),
    colUpper: Float64Array.from(colUpper),
    rows: [],
  };
  for (const entry of local) {
    const cols: number[] = [];
    const coefs: number[] = [];
    const { row } = entry;
    for (let i = 0; i < row.vars.length; i++) {
      const w = row.vars[i] as number;
      if (w === s || mark[w] !== alive) continue;
      const c = col[w] as number;
      const coef = row.coefs[i] as number;
      cols.push(c);
      coefs.push(coef);
      if (twin[w] === alive) {
        cols.push(c + 1);
        coefs.push(-coef);
      }
    }
    if (cols.length === 0) {
      if (entry.lower > eps || entry.upper < -eps) return 'infeasible';
      continue;
    }
    lp.rows.push({ cols, coefs, lower: entry.lower, upper: entry.upper });
  }
  const model = new LpModel(ctx.highs, lp, ctx.lpSeconds);
  ctx.stats.lps++;
  let outcome: ReturnType<LpModel['optimise']>;
  try {
    outcome = model.optimise('min', Float64Array.from(costs));
  } finally {
    model.dispose();
  }
  if (outcome.status === 'infeasible' || outcome.status === 'unboundedOrInfeasible') return 'infeasible';
  if (outcome.status !== 'optimal') return 'limit';
  const moved: number[] = [s];
  const change: number[] = [level];
  for (const v of others) {
    const c = col[v] as number;
    const d = (outcome.x[c] as number) - (twin[v] === alive ? (outcome.x[c + 1] as number) : 0);
    if (Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(level))) continue;
    moved.push(v);
    change.push(d);
    if (sys.state[v] === CANDIDATE) sys.state[v] = HIDDEN;
  }
  let useful = offer(ctx, s, direction, moved);
  // The same change scaled is often a table too: then it may protect s the other way, and the other sensitive cells
  // it moves, without another LP (0 < t < 1 lies between two tables; otherwise bounds and inequalities are checked,
  // t·y keeps every equality).
  moved.forEach((v, i) => {
    if (!sys.sensitive[v]) return;
    const value = sys.values[v] as number;
    for (const d of [0, 1] as const) {
      const open = ctx.open[d][v];
      if ((open !== undefined && open.size === 0) || (v === s && d === direction)) continue;
      const t = ((d === 0 ? ctx.k : 0) - value) / (change[i] as number);
      if ((t <= 0 || t > 1) && !feasibleScaled(ctx, moved, change, t)) continue;
      if (offer(ctx, v, d, moved)) useful = true;
    }
  });
  // One certificate per table: the audit finds the scaled tables for the cells it moves by itself.
  if (useful) {
    ctx.certificates.push(moved.map((w, i) => [sys.labels[w] as string, change[i] as number] as const));
  }
  return 'solved';
}

/**
 * A table x + t·y (known feasible) that moves v to its target in `direction`: it protects v against the outsider
 * and against every owner whose cells it leaves alone. True when it closes an attacker still open (the table is then
 * kept as a certificate).
 */
function offer(ctx: Protector, v: number, direction: 0 | 1, moved: number[]): boolean {
  const { sys } = ctx;
  const own = sys.owner[v] as number;
  // A cell without an owner (an aggregate) is protected against the outsider only (decision 014, "Owners").
  const touched = new Set<number>();
  if (own >= 0) {
    for (const w of moved) {
      const o = sys.owner[w] as number;
      if (o >= 0 && o !== own) touched.add(o);
    }
  }
  const open = ctx.open[direction][v];
  let next: Set<number>;
  if (open === undefined) next = touched;
  else {
    next = new Set([...open].filter((o) => touched.has(o)));
    if (next.size === open.size) return false;
  }
  ctx.open[direction][v] = next;
  return true;
}

function feasibleScaled(ctx: Protector, moved: number[], change: number[], t: number): boolean {
  const { sys, rowMark } = ctx;
  for (let i = 0; i < moved.length; i++) {
    const v = moved[i] as number;
    const p = (sys.values[v] as number) + t * (change[i] as number);
    if (p < -TOLERANCE || p > (sys.upper[v] as number) + TOLERANCE) return false;
  }
  const stamp = ++ctx.stamp;
  const delta = new Map<number, number>();
  moved.forEach((v, i) => {
    delta.set(v, t * (change[i] as number));
  });
  for (const v of moved) {
    for (const r of sys.rowsOf[v] as number[]) {
      if (rowMark[r] === stamp) continue;
      rowMark[r] = stamp;
      const row = sys.rows[r] as SystemRow;
      if (row.op === '=') continue;
      let after = ctx.activity[r] as number;
      for (let i = 0; i < row.vars.length; i++)
        after += (row.coefs[i] as number) * (delta.get(row.vars[i] as number) ?? 0);
      if (row.op === '<=' ? after > row.constant + TOLERANCE : after < row.constant - TOLERANCE) return false;
    }
  }
  return true;
}
