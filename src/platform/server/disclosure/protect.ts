// Secondary suppression chosen by a solver (decision 014): the LP heuristic of Kelly, Golden and Assad (1992) and
// Fischetti and Salazar-González (1999/2000), as τ-ARGUS and sdcTable use it. For each sensitive cell and each
// direction, a linear program finds the cheapest change of the table that keeps every rule, moves the sensitive cell
// by its protection level and changes published cells as little as possible (cost per unit: 1 + value, hidden cells
// free); every cell it changes is hidden. The changed table is then a second table consistent with what is shown,
// which is what protection means. The audit (audit.ts) checks the outcome independently before anything is returned.
import { auditPublication } from './audit.ts';
import { type LinearProgram, LpModel, solver } from './lp.ts';
import { buildSystem, CANDIDATE, FIXED, HIDDEN, rowActivity, type System } from './system.ts';
import {
  type AuditResult,
  type Certificate,
  DEFAULT_K,
  type DisclosureInput,
  type SolverLimits,
  TOLERANCE,
  validateInput,
} from './types.ts';

export type ProtectInput = DisclosureInput & {
  /** Cells to hide whatever their value (for example FTE of a hidden head count). They need no protection. */
  forced?: ReadonlySet<string>;
  /** Cost per unit of change of a published cell, default 1 + value (fewer cells first, then smaller ones). */
  cost?: (value: number) => number;
  limits?: SolverLimits;
};

export type ProtectResult = {
  /** Every cell to show as "..": primary, secondary and forced. */
  hidden: Set<string>;
  /** The sensitive cells (1..k−1 counts not known to the viewer). */
  primary: Set<string>;
  /** The independent audit of `hidden`. Publish only when `audit.ok`. */
  audit: AuditResult;
  /** The second tables the protector found (what `auditPublication` may be given to check them instead of solving). */
  certificates: Certificate[];
  stats: { lps: number; fallbacks: number; seconds: number };
};

/**
 * Neighbourhood sizes tried in turn for one cell's linear program: most protections are found among the cheapest
 * few hundred cells around the cell; a larger one is tried only when the small one has no solution.
 */
const TIERS = [400, 3_000, 25_000];

type Context = {
  sys: System;
  highs: Awaited<ReturnType<typeof solver>>;
  k: number;
  /**
   * Per sensitive variable and direction (0: up to k, 1: down to 0), the attackers not yet shown a second table:
   * undefined while no table is known (the outsider is open), else the owners every table found so far moves a cell
   * of (an owner knows its cells, so a table that changes them proves nothing to it). Empty: protected.
   */
  open: [(Set<number> | undefined)[], (Set<number> | undefined)[]];
  /** The second tables found, as changes from the true values, for the audit to check. */
  certificates: Certificate[];
  lpSeconds: number;
  deadline: number;
  stats: { lps: number; fallbacks: number };
  /** Scratch space for neighbourhood(). */
  dist: Float64Array;
  mark: Int32Array;
  stamp: number;
};

export async function protect(input: ProtectInput): Promise<ProtectResult> {
  const started = performance.now();
  const k = input.k ?? DEFAULT_K;
  const byId = validateInput(input);
  for (const id of input.forced ?? []) if (!byId.has(id)) throw new Error(`forced: unknown cell ${id}`);
  const sys = buildSystem(input, k, input.cost ?? ((value) => 1 + value));
  const ctx: Context = {
    sys,
    highs: await solver(),
    k,
    open: [new Array(sys.labels.length), new Array(sys.labels.length)],
    certificates: [],
    lpSeconds: input.limits?.lpSeconds ?? 10,
    deadline: started + (input.limits?.totalSeconds ?? 300) * 1000,
    stats: { lps: 0, fallbacks: 0 },
    dist: new Float64Array(sys.labels.length),
    mark: new Int32Array(sys.labels.length),
    stamp: 0,
  };
  const primary = new Set<string>();
  const n = sys.labels.length;
  for (let v = 0; v < n; v++) {
    if (!sys.sensitive[v] || sys.state[v] === FIXED) continue;
    if ((sys.cellIndex[v] as number) >= 0) primary.add(sys.labels[v] as string);
    sys.state[v] = HIDDEN;
  }
  for (let v = 0; v < n; v++) {
    if (sys.state[v] === CANDIDATE && input.forced?.has(sys.labels[v] as string)) sys.state[v] = HIDDEN;
  }
  // Sensitive cells pinned by what the viewer knows cannot be protected; the audit reports them.
  for (let v = 0; v < n; v++) if (sys.sensitive[v] && sys.state[v] !== FIXED) ensureProtected(ctx, v, TIERS);

  // The independent audit decides. What it refuses gets the whole connected piece as its neighbourhood, then the
  // fallbacks: hide the rules around the cell, then every cell connected to it.
  const index = new Map(sys.labels.map((label, v) => [label, v]));
  const auditInput = { ...input, limits: { ...input.limits, totalSeconds: input.limits?.totalSeconds ?? 300 } };
  let audit = await auditPublication({ ...auditInput, hidden: hiddenIds(sys, input) });
  for (let round = 0; round < 3 && !audit.ok; round++) {
    for (const violation of audit.violations) {
      const v = index.get(violation.id);
      if (v === undefined || violation.kind === 'shown') continue;
      if (round === 0) {
        ctx.open[0][v] = undefined;
        ctx.open[1][v] = undefined;
        ensureProtected(ctx, v, [TIERS[TIERS.length - 1] as number]);
      } else if (round === 1) hideRules(ctx, v);
      else hideComponent(sys, v);
    }
    audit = await auditPublication({ ...auditInput, hidden: hiddenIds(sys, input) });
  }
  return {
    hidden: hiddenIds(sys, input),
    primary,
    audit,
    certificates: ctx.certificates,
    stats: { ...ctx.stats, lps: ctx.stats.lps + audit.lps, seconds: (performance.now() - started) / 1000 },
  };
}

function hiddenIds(sys: System, input: ProtectInput): Set<string> {
  const hidden = new Set<string>();
  for (let v = 0; v < sys.labels.length; v++) {
    const c = sys.cellIndex[v] as number;
    if (c >= 0 && sys.state[v] === HIDDEN) hidden.add(input.cells[c]?.id as string);
  }
  return hidden;
}

function ensureProtected(ctx: Context, s: number, tiers: number[]): void {
  const { sys, k } = ctx;
  const value = sys.values[s] as number;
  for (const direction of [0, 1] as const) {
    const level = direction === 0 ? k - value : -value;
    // First against the outsider; then, while some owner is moved by every table found, against that owner: a
    // table that leaves its cells alone (its cells are constants in the program).
    for (;;) {
      const open = ctx.open[direction][s];
      if (open !== undefined && open.size === 0) break;
      const exclude = open === undefined ? -1 : (open.values().next().value as number);
      let solved = false;
      let complete = false;
      for (const cap of tiers) {
        if (performance.now() > ctx.deadline) break;
        const hood = neighbourhood(ctx, s, cap, exclude);
        complete = hood.complete;
        const outcome = solveDeviation(ctx, s, direction, level, hood.vars);
        if (outcome === 'limit') break;
        if (outcome === 'solved') {
          solved = true;
          break;
        }
        if (complete) break;
      }
      if (solved) continue;
      // Infeasible over everything connected: no pattern protects it (the audit reports it). Otherwise fall back.
      if (!complete) hideRules(ctx, s);
      break;
    }
  }
}

/** Fallback: hide every cell of every rule the cell is in. The audit then decides. */
function hideRules(ctx: Context, s: number): void {
  ctx.stats.fallbacks++;
  for (const r of ctx.sys.rowsOf[s] as number[]) {
    for (const w of (ctx.sys.rows[r] as System['rows'][number]).vars) {
      if (ctx.sys.state[w] === CANDIDATE) ctx.sys.state[w] = HIDDEN;
    }
  }
}

/** Last fallback: hide everything connected to the cell through rules (the most an attacker can be denied). */
function hideComponent(sys: System, s: number): void {
  const seen = new Set([s]);
  const stack = [s];
  while (stack.length > 0) {
    const u = stack.pop() as number;
    if (sys.state[u] === CANDIDATE) sys.state[u] = HIDDEN;
    for (const r of sys.rowsOf[u] as number[]) {
      for (const w of (sys.rows[r] as System['rows'][number]).vars) {
        if (!seen.has(w) && sys.state[w] !== FIXED) {
          seen.add(w);
          stack.push(w);
        }
      }
    }
  }
}

/**
 * The `cap` cheapest variables around s (best first: a hidden cell costs nothing to pass, a published one its cost,
 * and each step one more so that the search stays near s). Fixed cells are constants, never variables; so are the
 * cells of owner `exclude` (≥ 0) when the table must be one that owner cannot rule out.
 */
function neighbourhood(ctx: Context, s: number, cap: number, exclude: number): { vars: number[]; complete: boolean } {
  const { sys, dist, mark } = ctx;
  const stamp = ++ctx.stamp;
  // mark[v] === stamp: reached; mark[v] === −stamp: taken.
  const heap = new MinHeap();
  heap.push(s, 0);
  mark[s] = stamp;
  dist[s] = 0;
  const vars: number[] = [];
  let open = 1;
  while (heap.size > 0 && vars.length < cap) {
    const [u, d] = heap.pop();
    if (mark[u] === -stamp || d > (dist[u] as number)) continue;
    mark[u] = -stamp;
    open--;
    vars.push(u);
    for (const r of sys.rowsOf[u] as number[]) {
      for (const w of (sys.rows[r] as System['rows'][number]).vars) {
        if (sys.state[w] === FIXED || mark[w] === -stamp || (exclude >= 0 && sys.owner[w] === exclude)) continue;
        const next = d + 1 + (sys.state[w] === HIDDEN ? 0 : (sys.cost[w] as number));
        if (mark[w] !== stamp) {
          mark[w] = stamp;
          open++;
        } else if (next >= (dist[w] as number)) continue;
        dist[w] = next;
        heap.push(w, next);
      }
    }
  }
  return { vars, complete: open === 0 };
}

/**
 * min Σ cost·|y| over the neighbourhood, s's change fixed to `level`, every rule kept (cells outside the
 * neighbourhood and fixed cells unchanged), 0 ≤ x + y ≤ upper. Hides what changes; records the witnesses.
 */
function solveDeviation(
  ctx: Context,
  s: number,
  direction: 0 | 1,
  level: number,
  vars: number[],
): 'solved' | 'infeasible' | 'limit' {
  const { sys } = ctx;
  const sValue = sys.values[s] as number;
  if (sValue + level > (sys.upper[s] as number) + TOLERANCE) return 'infeasible';
  const alive = new Set(vars.filter((v) => v !== s));
  // The rules restricted to the neighbourhood (cells outside it and s itself are constants here).
  const local: { vars: number[]; coefs: number[]; lower: number; upper: number }[] = [];
  const rowSeen = new Set<number>();
  for (const v of vars) {
    for (const r of sys.rowsOf[v] as number[]) {
      if (rowSeen.has(r)) continue;
      rowSeen.add(r);
      const row = sys.rows[r] as System['rows'][number];
      const entry = { vars: [] as number[], coefs: [] as number[], lower: 0, upper: 0 };
      let shift = 0;
      row.vars.forEach((w, i) => {
        const coef = row.coefs[i] as number;
        if (w === s) shift += coef * level;
        else if (alive.has(w)) {
          entry.vars.push(w);
          entry.coefs.push(coef);
        }
      });
      const slack = row.op === '=' ? 0 : row.constant - rowActivity(sys, row);
      entry.lower = row.op === '<=' ? -Infinity : slack - shift;
      entry.upper = row.op === '>=' ? Infinity : slack - shift;
      local.push(entry);
    }
  }
  // A balanced rule left with one variable pins it: drop such variables before the solver sees them (the programs
  // run without HiGHS's presolve, and a rule cut by the neighbourhood's edge often ends like this).
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of local) {
      if (row.lower !== row.upper || Math.abs(row.lower) > TOLERANCE) continue;
      const left = row.vars.filter((w) => alive.has(w));
      if (left.length === 1) {
        alive.delete(left[0] as number);
        changed = true;
      }
    }
  }
  const others = [...alive];
  const col = new Map<number, number>();
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const costs: number[] = [];
  /** Column of y⁻ for a published cell (y = y⁺ − y⁻, both costed); a hidden cell has one free column y. */
  const minus = new Map<number, number>();
  for (const v of others) {
    const x = sys.values[v] as number;
    col.set(v, colLower.length);
    if (sys.state[v] === HIDDEN) {
      colLower.push(-x);
      colUpper.push((sys.upper[v] as number) - x);
      costs.push(0);
    } else {
      colLower.push(0, 0);
      colUpper.push((sys.upper[v] as number) - x, x);
      costs.push(sys.cost[v] as number, sys.cost[v] as number);
      minus.set(v, colLower.length - 1);
    }
  }
  const lp: LinearProgram = {
    numCols: colLower.length,
    colLower: Float64Array.from(colLower),
    colUpper: Float64Array.from(colUpper),
    rows: [],
  };
  const cost = Float64Array.from(costs);
  for (const row of local) {
    const cols: number[] = [];
    const coefs: number[] = [];
    row.vars.forEach((w, i) => {
      const c = col.get(w);
      if (c === undefined) return;
      const coef = row.coefs[i] as number;
      cols.push(c);
      coefs.push(coef);
      const neg = minus.get(w);
      if (neg !== undefined) {
        cols.push(neg);
        coefs.push(-coef);
      }
    });
    const eps = TOLERANCE * Math.max(1, Math.abs(level));
    if (cols.length === 0) {
      if (row.lower > eps || row.upper < -eps) return 'infeasible';
      continue;
    }
    lp.rows.push({ cols, coefs, lower: row.lower, upper: row.upper });
  }
  const model = new LpModel(ctx.highs, lp, ctx.lpSeconds);
  ctx.stats.lps++;
  let outcome: ReturnType<LpModel['optimise']>;
  try {
    outcome = model.optimise('min', cost);
  } finally {
    model.dispose();
  }
  if (outcome.status === 'infeasible' || outcome.status === 'unboundedOrInfeasible') return 'infeasible';
  if (outcome.status !== 'optimal') return 'limit';
  const y = new Float64Array(sys.labels.length);
  const moved: number[] = [s];
  y[s] = level;
  others.forEach((v) => {
    const c = col.get(v) as number;
    const neg = minus.get(v);
    const d = (outcome.x[c] as number) - (neg === undefined ? 0 : (outcome.x[neg] as number));
    if (Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(level))) return;
    y[v] = d;
    moved.push(v);
    if (sys.state[v] === CANDIDATE) sys.state[v] = HIDDEN;
  });
  offer(ctx, s, direction, moved, y, 1);
  // The same change scaled is often a table too: then it may protect s the other way, and the other sensitive cells
  // it moves, without another LP (0 < t < 1 lies between two tables; otherwise bounds and inequalities are checked,
  // t·y keeps every equality).
  for (const v of moved) {
    if (!sys.sensitive[v]) continue;
    const value = sys.values[v] as number;
    for (const d of [0, 1] as const) {
      const open = ctx.open[d][v];
      if ((open !== undefined && open.size === 0) || (v === s && d === direction)) continue;
      const t = ((d === 0 ? ctx.k : 0) - value) / (y[v] as number);
      if ((t <= 0 || t > 1) && !feasibleScaled(sys, moved, y, t)) continue;
      offer(ctx, v, d, moved, y, t);
    }
  }
  return 'solved';
}

/**
 * A table x + t·y (known feasible) that moves v to its target in `direction`: it protects v against the outsider
 * and against every owner whose cells it leaves alone. Kept (as a certificate) when it closes an attacker still open.
 */
function offer(ctx: Context, v: number, direction: 0 | 1, moved: number[], y: Float64Array, t: number): void {
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
    if (next.size === open.size) return;
  }
  ctx.open[direction][v] = next;
  ctx.certificates.push(moved.map((w) => [sys.labels[w] as string, t * (y[w] as number)] as const));
}

function feasibleScaled(sys: System, moved: number[], y: Float64Array, t: number): boolean {
  for (const v of moved) {
    const p = (sys.values[v] as number) + t * (y[v] as number);
    if (p < -TOLERANCE || p > (sys.upper[v] as number) + TOLERANCE) return false;
  }
  const rows = new Set<number>();
  for (const v of moved) for (const r of sys.rowsOf[v] as number[]) rows.add(r);
  for (const r of rows) {
    const row = sys.rows[r] as System['rows'][number];
    if (row.op === '=') continue;
    let delta = 0;
    row.vars.forEach((w, i) => {
      delta += (row.coefs[i] as number) * t * (y[w] as number);
    });
    const after = rowActivity(sys, row) + delta;
    if (row.op === '<=' ? after > row.constant + TOLERANCE : after < row.constant - TOLERANCE) return false;
  }
  return true;
}

class MinHeap {
  #items: number[] = [];
  #keys: number[] = [];
  get size(): number {
    return this.#items.length;
  }
  push(item: number, key: number): void {
    const items = this.#items;
    const keys = this.#keys;
    let i = items.length;
    items.push(item);
    keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((keys[p] as number) <= key) break;
      items[i] = items[p] as number;
      keys[i] = keys[p] as number;
      i = p;
    }
    items[i] = item;
    keys[i] = key;
  }
  pop(): [number, number] {
    const items = this.#items;
    const keys = this.#keys;
    const top: [number, number] = [items[0] as number, keys[0] as number];
    const lastItem = items.pop() as number;
    const lastKey = keys.pop() as number;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const r = l + 1;
        const c = r < items.length && (keys[r] as number) < (keys[l] as number) ? r : l;
        if ((keys[c] as number) >= lastKey) break;
        items[i] = items[c] as number;
        keys[i] = keys[c] as number;
        i = c;
      }
      items[i] = lastItem;
      keys[i] = lastKey;
    }
    return top;
  }
}
