// Secondary suppression chosen by a solver (decision 014): the LP heuristic of Kelly, Golden and Assad (1992) and
// Fischetti and Salazar-González (1999/2000), as τ-ARGUS and sdcTable use it. For each sensitive cell and each
// direction, a linear program finds the cheapest change of the table that keeps every rule, moves the sensitive cell
// by its protection level and changes published cells as little as possible (cost per unit: 1 + value, hidden cells
// free); every cell it changes is hidden. The changed table is then a second table consistent with what is shown,
// which is what protection means, and it is handed to the audit as a certificate. The audit (audit.ts) checks the
// outcome independently before anything is returned.
import { auditPublication } from './audit.ts';
import { type LinearProgram, LpModel, solver } from './lp.ts';
import { runInWorkers, splitEvenly, threadCount } from './parallel.ts';
import { buildSystem, CANDIDATE, FIXED, HIDDEN, type System, type SystemRow } from './system.ts';
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
  /**
   * The independent audit of `hidden`. Publish only when `audit.ok`. Its `pinned` is not computed here (it is
   * empty): call auditPublication for that report.
   */
  audit: AuditResult;
  /**
   * The second tables the protector found, each checked by the audit before it counted. Pass them to
   * `auditPublication` to re-check a stored pattern quickly; the audit solves for whatever they do not prove.
   */
  certificates: Certificate[];
  stats: {
    lps: number;
    fallbacks: number;
    seconds: number;
    /** Of `seconds`, the audit (and its re-runs after repairs). */
    auditSeconds?: number;
    /** Worker threads used (1: this thread only). */
    threads?: number;
  };
};

/**
 * Neighbourhood sizes tried in turn for one cell's linear program. Most protections are found among the nearest
 * hundred cells; a larger neighbourhood is tried only when the smaller one has no solution, and when the last has
 * none the cell falls back (decision 014, "Fallback"). The whole connected piece is tried only for a cell the audit
 * refused.
 */
const TIERS = [100, 400, 1_600, 6_400];
const WHOLE_PIECE = 25_000;
/**
 * From each rule a neighbourhood grows through, only this many of its cells (hidden ones first, then the cheapest):
 * a region's sum over its municipalities need not bring all of them in to offer a compensating one.
 */
const FANOUT = 3;
/** Cost per unit of moving a hidden cell of an owner other than the sensitive cell's (published cells cost ≥ 1). */
const FOREIGN_COST = 0.05;
/** Below this many sensitive cells the work stays in this thread (a worker thread costs its start-up). */
const PARALLEL_MIN_SENSITIVE = 3_000;

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

export async function protect(input: ProtectInput): Promise<ProtectResult> {
  const started = performance.now();
  const byId = validateInput(input);
  for (const id of input.forced ?? []) if (!byId.has(id)) throw new Error(`forced: unknown cell ${id}`);
  const ctx = await createProtector(input, started + (input.limits?.totalSeconds ?? 300) * 1000);
  const { sys } = ctx;
  const primary = new Set<string>();
  for (let v = 0; v < sys.labels.length; v++) {
    if (sys.sensitive[v] && sys.state[v] !== FIXED && (sys.cellIndex[v] as number) >= 0) {
      primary.add(sys.labels[v] as string);
    }
  }
  const targets = sensitiveTargets(sys);

  // Both cores for a large publication: each thread protects a run of the sensitive cells in input order (callers
  // list cells place by place, so a run is mostly a set of neighbouring places). The union of the threads' patterns
  // keeps every thread's certificates valid: hiding more never removes a second table. Where two threads protect
  // neighbouring cells, both may hide something for it: a little more suppression than one thread would choose.
  const wanted = threadCount(input.limits?.threads);
  const parallel =
    input.cost === undefined &&
    wanted > 1 &&
    (input.limits?.threads !== undefined || targets.length >= PARALLEL_MIN_SENSITIVE);
  const parts = parallel ? splitEvenly(targets, wanted) : [targets];
  if (parts.length > 1) {
    const { cost: _cost, ...cloneable } = input;
    const seconds = remaining(ctx);
    const results = await runInWorkers<ProtectPartResult>(
      parts.map((part) => ({ kind: 'protect', input: cloneable, part, seconds })),
      parts.length,
    );
    for (const result of results) {
      for (const v of result.hidden) if (sys.state[v] === CANDIDATE) sys.state[v] = HIDDEN;
      ctx.certificates.push(...result.certificates);
      ctx.stats.lps += result.lps;
      ctx.stats.fallbacks += result.fallbacks;
    }
  } else {
    for (const v of targets) ensureProtected(ctx, v, TIERS);
  }

  // The independent audit decides. What it refuses gets the whole connected piece as its neighbourhood, then the
  // fallbacks: hide the rules around the cell, then every cell connected to it.
  const index = new Map(sys.labels.map((label, v) => [label, v]));
  const auditInput = { ...input, limits: { ...input.limits, totalSeconds: input.limits?.totalSeconds ?? 300 } };
  let auditSeconds = 0;
  const runAudit = async () => {
    const at = performance.now();
    const result = await auditPublication({
      ...auditInput,
      hidden: hiddenIds(sys, input),
      certificates: ctx.certificates,
      reportPinned: false,
    });
    auditSeconds += (performance.now() - at) / 1000;
    return result;
  };
  let audit = await runAudit();
  for (let round = 0; round < 3 && !audit.ok; round++) {
    for (const violation of audit.violations) {
      const v = index.get(violation.id);
      if (v === undefined || violation.kind === 'shown') continue;
      if (round === 0) {
        ctx.open[0][v] = undefined;
        ctx.open[1][v] = undefined;
        ensureProtected(ctx, v, [WHOLE_PIECE]);
      } else if (round === 1) hideRules(ctx, v);
      else hideComponent(sys, v);
    }
    audit = await runAudit();
  }
  return {
    hidden: hiddenIds(sys, input),
    primary,
    audit,
    certificates: ctx.certificates,
    stats: {
      ...ctx.stats,
      lps: ctx.stats.lps + audit.lps,
      seconds: (performance.now() - started) / 1000,
      auditSeconds,
      threads: parts.length,
    },
  };
}

export type ProtectPartResult = { hidden: number[]; certificates: Certificate[]; lps: number; fallbacks: number };

/**
 * One worker thread's share: protect the sensitive variables `part` of the publication (see protect), within
 * `seconds`. The thread builds the same system from the same input, so variable numbers agree with the caller's.
 */
export async function protectPart(input: ProtectInput, part: number[], seconds: number): Promise<ProtectPartResult> {
  const ctx = await createProtector(input, performance.now() + seconds * 1000);
  for (const v of part) ensureProtected(ctx, v, TIERS);
  const hidden: number[] = [];
  for (let v = 0; v < ctx.sys.labels.length; v++) if (ctx.sys.state[v] === HIDDEN) hidden.push(v);
  return { hidden, certificates: ctx.certificates, lps: ctx.stats.lps, fallbacks: ctx.stats.fallbacks };
}

/** The system with the sensitive and forced cells hidden, and the scratch space. */
async function createProtector(input: ProtectInput, deadline: number): Promise<Protector> {
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
function remaining(ctx: Protector): number {
  return Math.max(0, (ctx.deadline - performance.now()) / 1000);
}

/** Sensitive variables that can be protected (not pinned by what the viewer knows: the audit reports those). */
function sensitiveTargets(sys: System): number[] {
  const targets: number[] = [];
  for (let v = 0; v < sys.labels.length; v++) if (sys.sensitive[v] && sys.state[v] !== FIXED) targets.push(v);
  return targets;
}

function hiddenIds(sys: System, input: ProtectInput): Set<string> {
  const hidden = new Set<string>();
  for (let v = 0; v < sys.labels.length; v++) {
    const c = sys.cellIndex[v] as number;
    if (c >= 0 && sys.state[v] === HIDDEN) hidden.add(input.cells[c]?.id as string);
  }
  return hidden;
}

function ensureProtected(ctx: Protector, s: number, tiers: number[]): void {
  const { sys, k } = ctx;
  const value = sys.values[s] as number;
  for (const direction of [0, 1] as const) {
    const level = direction === 0 ? k - value : -value;
    // A cell with an owner: first a table that moves no other owner's cells (it proves the cell to everyone at
    // once; usually it hides region totals, which then serve the region's other cells for free).
    const own = sys.owner[s] as number;
    if (own >= 0 && sys.owners.length > 1 && ctx.open[direction][s] === undefined) {
      const foreign: Exclusion = { size: 1, has: (o) => o >= 0 && o !== own };
      const around = new Neighbourhood(ctx, s, foreign);
      for (const cap of tiers.slice(0, 2)) {
        if (performance.now() > ctx.deadline) break;
        const hood = around.grow(cap);
        if (solveDeviation(ctx, s, direction, level, hood.vars) !== 'infeasible' || hood.complete) break;
      }
    }
    // Then against the outsider. Then, while some owners are moved by every table found, against them: a table
    // that leaves their cells alone (their cells are constants in the program) — all of them at once in the
    // smaller neighbourhoods, else one at a time through every neighbourhood.
    let together = true;
    for (;;) {
      const open = ctx.open[direction][s];
      if (open !== undefined && open.size === 0) break;
      const all = together && open !== undefined && open.size > 1;
      const exclude: Exclusion =
        open === undefined ? NOBODY : all ? open : new Set([open.values().next().value as number]);
      let solved = false;
      let complete = false;
      const around = new Neighbourhood(ctx, s, exclude);
      for (const cap of all ? tiers.slice(0, 2) : tiers) {
        if (performance.now() > ctx.deadline) break;
        const hood = around.grow(cap);
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
      if (all) {
        together = false;
        continue;
      }
      // Infeasible over everything connected: no pattern protects it (the audit reports it). Otherwise fall back.
      if (!complete) hideRules(ctx, s);
      break;
    }
  }
}

/** Owners whose cells a table must leave alone. */
type Exclusion = { readonly size: number; has(owner: number): boolean };
const NOBODY: Exclusion = new Set<number>();

/** Fallback: hide every cell of every rule the cell is in. The audit then decides. */
function hideRules(ctx: Protector, s: number): void {
  ctx.stats.fallbacks++;
  for (const r of ctx.sys.rowsOf[s] as number[]) {
    for (const w of (ctx.sys.rows[r] as SystemRow).vars) {
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
      for (const w of (sys.rows[r] as SystemRow).vars) {
        if (!seen.has(w) && sys.state[w] !== FIXED) {
          seen.add(w);
          stack.push(w);
        }
      }
    }
  }
}

/**
 * The variables around s, nearest first, grown on demand (`grow(cap)` extends the same search to `cap` variables,
 * so the tiers of one cell share it): a step to a hidden cell counts 1, to a published one 2 (it would have to be
 * hidden). From each rule only the FANOUT nearest-to-free cells are taken (hidden first, then the cheapest) and the
 * row's other side (a sum's total), except for the whole piece. Fixed cells are constants, never variables; so are
 * the cells of the owners in `exclude`, when the table must be one those owners cannot rule out. `complete`:
 * everything connected is in. Uses ctx.mark and ctx.dist until the next search starts.
 */
class Neighbourhood {
  readonly vars: number[] = [];
  #ctx: Protector;
  #exclude: Exclusion;
  #stamp: number;
  #buckets: number[][];
  #d = 0;
  #b = 0;
  #pending = 1;
  #truncated = false;
  #fanout = FANOUT;

  constructor(ctx: Protector, s: number, exclude: Exclusion) {
    this.#ctx = ctx;
    this.#exclude = exclude;
    this.#stamp = ++ctx.stamp;
    this.#buckets = [[s]];
    ctx.mark[s] = this.#stamp;
    ctx.dist[s] = 0;
  }

  grow(cap: number): { vars: number[]; complete: boolean } {
    if (cap >= WHOLE_PIECE) this.#fanout = Infinity;
    const { sys, dist, mark } = this.#ctx;
    const stamp = this.#stamp;
    const vars = this.vars;
    const buckets = this.#buckets;
    const exclude = this.#exclude;
    const fan: number[] = [];
    const keys: number[] = [];
    const fanout = this.#fanout;
    const minority = this.#ctx.minority;
    for (; this.#d < buckets.length && vars.length < cap; this.#d++, this.#b = 0) {
      const d = this.#d;
      const bucket = buckets[d] as number[];
      for (; this.#b < bucket.length && vars.length < cap; this.#b++) {
        const u = bucket[this.#b] as number;
        if (mark[u] === -stamp || (dist[u] as number) !== d) continue;
        mark[u] = -stamp;
        this.#pending--;
        vars.push(u);
        for (const r of sys.rowsOf[u] as number[]) {
          const members = (sys.rows[r] as SystemRow).vars;
          fan.length = 0;
          keys.length = 0;
          let worst = 0;
          let cut = false;
          // Keep the FANOUT lowest keys (hidden first, then the cheapest) in one pass: rows are short.
          for (const w of members) {
            const state = sys.state[w];
            if (state === FIXED || mark[w] === -stamp) continue;
            if (exclude.size > 0 && exclude.has(sys.owner[w] as number)) continue;
            const key = state === HIDDEN ? -1 : (sys.cost[w] as number);
            if (fan.length < fanout) {
              fan.push(w);
              keys.push(key);
              if (key > (keys[worst] as number)) worst = fan.length - 1;
              continue;
            }
            cut = true;
            if (key >= (keys[worst] as number)) continue;
            fan[worst] = w;
            keys[worst] = key;
            worst = 0;
            for (let i = 1; i < keys.length; i++) if ((keys[i] as number) > (keys[worst] as number)) worst = i;
          }
          if (cut) {
            this.#truncated = true;
            // The row's other side too (a sum's total): a part can always be compensated there.
            for (const w of minority[r] as number[]) {
              if (sys.state[w] === FIXED || mark[w] === -stamp || fan.includes(w)) continue;
              if (exclude.size > 0 && exclude.has(sys.owner[w] as number)) continue;
              fan.push(w);
            }
          }
          for (const w of fan) {
            const next = d + (sys.state[w] === HIDDEN ? 1 : 2);
            if (mark[w] === stamp) {
              if (next >= (dist[w] as number)) continue;
            } else {
              mark[w] = stamp;
              this.#pending++;
            }
            dist[w] = next;
            while (buckets.length <= next) buckets.push([]);
            (buckets[next] as number[]).push(w);
          }
        }
      }
      if (vars.length >= cap) break;
    }
    return { vars, complete: this.#pending === 0 && !this.#truncated };
  }
}

/**
 * min Σ cost·|y| over the neighbourhood, s's change fixed to `level`, every rule kept (cells outside the
 * neighbourhood and fixed cells unchanged), 0 ≤ x + y ≤ upper. Hides what changes; records the certificates.
 */
function solveDeviation(
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
