// The protector's working state over one publication (protect.ts, decision 014): the system of rules with the
// sensitive and forced cells hidden, what is still open per cell and attacker, and the scratch space every program
// reuses. One per thread, built the same from the same input.
import { solver } from './lp.ts';
import { buildSystem, CANDIDATE, FIXED, HIDDEN, type System } from './system.ts';
import { type Certificate, DEFAULT_K, type DisclosureInput, type SolverLimits } from './types.ts';

export type ProtectInput = DisclosureInput & {
  /** Cells to hide whatever their value (for example FTE of a hidden head count). They need no protection. */
  forced?: ReadonlySet<string>;
  /** Cost per unit of change of a published cell, default 1 + value (fewer cells first, then smaller ones). */
  cost?: (value: number) => number;
  limits?: SolverLimits;
};

/** The protector's working state over one publication (one per thread). */
export type Protector = {
  sys: System;
  highs: Awaited<ReturnType<typeof solver>>;
  k: number;
  /**
   * Per direction (0: up to k, 1: down to 0) and sensitive variable, the attackers not yet shown a second table:
   * undefined while no table is known (the outsider is open), else the owners every table found so far moves a cell
   * of (an owner knows its cells, so a table that changes them proves nothing to it). Empty: protected.
   */
  open: [(Set<number> | undefined)[], (Set<number> | undefined)[]];
  /** The second tables found, as changes from the true values, for the audit to check. */
  certificates: Certificate[];
  lpSeconds: number;
  deadline: number;
  stats: { lps: number; fallbacks: number };
  /** Σ coef·x of each row at the true values. */
  activity: Float64Array;
  /** Per row, its terms of the rarer sign (a sum's total), which a neighbourhood always takes with the row. */
  minority: number[][];
  // Scratch space, reused by every program: marks with stamps instead of fresh sets.
  dist: Int32Array;
  mark: Int32Array;
  /** solveDeviation's marks (apart from mark, which a neighbourhood keeps while it may still grow). */
  alive: Int32Array;
  col: Int32Array;
  /** twin[v] === the program's stamp: v has two columns (y⁺, y⁻). */
  twin: Int32Array;
  rowMark: Int32Array;
  stamp: number;
};

/** The system with the sensitive and forced cells hidden, and the scratch space. */
export async function createProtector(input: ProtectInput, deadline: number): Promise<Protector> {
  const k = input.k ?? DEFAULT_K;
  const sys = buildSystem(input, k, input.cost ?? ((value) => 1 + value));
  const n = sys.labels.length;
  for (let v = 0; v < n; v++) if (sys.sensitive[v] && sys.state[v] !== FIXED) sys.state[v] = HIDDEN;
  for (let v = 0; v < n; v++) {
    if (sys.state[v] === CANDIDATE && input.forced?.has(sys.labels[v] as string)) sys.state[v] = HIDDEN;
  }
  const activity = new Float64Array(sys.rows.length);
  sys.rows.forEach((row, r) => {
    let sum = 0;
    for (let i = 0; i < row.vars.length; i++)
      sum += (row.coefs[i] as number) * (sys.values[row.vars[i] as number] as number);
    activity[r] = sum;
  });
  return {
    sys,
    minority: sys.rows.map((row) => minoritySide(row.vars, row.coefs)),
    highs: await solver(),
    k,
    open: [new Array(n), new Array(n)],
    certificates: [],
    lpSeconds: input.limits?.lpSeconds ?? 10,
    deadline,
    stats: { lps: 0, fallbacks: 0 },
    activity,
    dist: new Int32Array(n),
    mark: new Int32Array(n),
    alive: new Int32Array(n),
    col: new Int32Array(n),
    twin: new Int32Array(n),
    rowMark: new Int32Array(sys.rows.length),
    stamp: 0,
  };
}

/** The terms of the rarer coefficient sign (none when both signs are as common). */
function minoritySide(vars: readonly number[], coefs: readonly number[]): number[] {
  let positive = 0;
  for (const coef of coefs) if (coef > 0) positive++;
  const negative = coefs.length - positive;
  if (positive === negative) return [];
  const sign = positive < negative ? 1 : -1;
  return vars.filter((_, i) => Math.sign(coefs[i] as number) === sign);
}

/** Seconds left before the call's deadline (a worker thread's clock has another origin). */
export function remaining(ctx: Protector): number {
  return Math.max(0, (ctx.deadline - performance.now()) / 1000);
}

/** Owners whose cells a table must leave alone. */
export type Exclusion = { readonly size: number; has(owner: number): boolean };
export const NOBODY: Exclusion = new Set<number>();
