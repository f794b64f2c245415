// Proving the sensitive unknowns (audit.ts): owner by owner and a few ownerless units at a time in one program,
// then each unit in growing neighbourhoods, against the outsider and then every owner still open; what no
// neighbourhood settles waits for its whole connected piece, whose answer is exact (only it can refuse a cell).

import { type Attack, TIERS } from './audit-attack.ts';
import { type Exclusion, localProgram, NOBODY, neighbourhood, solveOnce, tableOf } from './audit-programs.ts';
import { witness } from './audit-tables.ts';
import { LpModel } from './lp.ts';
import { TOLERANCE, type Violation } from './types.ts';

/** At most this many hidden cells in one program for several units (see batch). */
const BATCH_CAP = 4_000;
/** Units without an owner taken together in one batch (consecutive in input order). */
const BATCH_UNITS = 4;

/**
 * Every unit (a sensitive unknown), each direction: first, owner by owner, one program for all of an owner's units
 * that moves no other owner's cells (a table like that proves a unit to everyone); then each unit on its own against
 * the outsider; then against the owners still open.
 */
export function proveAll(attack: Attack, units: readonly number[], keys: readonly string[]): Violation[] {
  const violations: Violation[] = [];
  const refuse = (u: number, violation: Omit<Violation, 'id'>) => {
    violations.push({ ...violation, id: keys[u] as string });
    // One violation per cell is enough to refuse; the other direction needs no proof.
    attack.open[0][u] = new Set();
    attack.open[1][u] = new Set();
  };
  // A table that moves only the unit's own owner's cells and cells of no owner proves the unit to everyone at once.
  const byOwner = new Map<number, number[]>();
  for (const u of units) {
    const o = attack.owner[u] as number;
    if (o < 0) continue;
    const list = byOwner.get(o);
    if (list) list.push(u);
    else byOwner.set(o, [u]);
  }
  const both = (list: number[]) => list.flatMap((u) => [[u, 0] as [number, 0 | 1], [u, 1] as [number, 0 | 1]]);
  for (const [owner, list] of byOwner) {
    if (performance.now() > attack.deadline) break;
    const foreign: Exclusion = { size: 1, has: (o) => o >= 0 && o !== owner };
    batch(attack, both(list), foreign, 3);
  }
  // Units without an owner (aggregates, or a publication without owners): a few neighbours at a time, the same way.
  const ownerless = units.filter((u) => (attack.owner[u] as number) < 0);
  for (let at = 0; at < ownerless.length && performance.now() <= attack.deadline; at += BATCH_UNITS) {
    batch(attack, both(ownerless.slice(at, at + BATCH_UNITS)), NOBODY, 3);
  }
  // Then each unit in neighbourhoods: the outsider, then the owners still open. What no neighbourhood settles
  // waits for its whole piece, solved once per piece and attacker for all that wait in it; an owner settled there
  // may leave the next owner of the unit open, hence the rounds.
  for (const outsiderOnly of [true, false]) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const waiting: Waiting[] = [];
      for (const u of units) {
        for (const direction of [0, 1] as const) {
          const outcome = prove(attack, u, direction, outsiderOnly);
          if (outcome === undefined) continue;
          if ('wait' in outcome) waiting.push({ u, direction, attacker: outcome.wait });
          else refuse(u, outcome);
        }
      }
      if (waiting.length === 0) break;
      for (const [u, violation] of wholePieces(attack, waiting))
        if (violations.every((v) => v.id !== keys[u])) refuse(u, violation);
      if (outsiderOnly) break;
    }
  }
  return violations;
}

/** Rounds of owners per unit settled by whole pieces (each round settles at least one owner per waiting unit). */
const MAX_ROUNDS = 50;

/** A unit's direction that no neighbourhood settled for `attacker` (−1: the outsider). */
type Waiting = { u: number; direction: 0 | 1; attacker: number };

/**
 * The whole connected piece, as `attacker` sees it, for every unit waiting on it: one program per piece, all its
 * waiting units pushed to their targets at once (up capped at k), then each one left on its own; the solver starts
 * each from the previous answer. A unit that cannot reach its target there is refused, with its exact interval.
 */
function wholePieces(attack: Attack, waiting: Waiting[]): [number, Omit<Violation, 'id'>][] {
  const refused: [number, Omit<Violation, 'id'>][] = [];
  const isOpen = (w: Waiting) => {
    const open = attack.open[w.direction][w.u];
    return w.attacker < 0 ? open === undefined : (open?.has(w.attacker) ?? false);
  };
  const handled = new Set<Waiting>();
  for (const first of waiting) {
    if (handled.has(first)) continue;
    const exclude: Exclusion = first.attacker < 0 ? NOBODY : new Set([first.attacker]);
    const hood = neighbourhood(attack, [first.u], Infinity, exclude);
    const col = new Map(hood.vars.map((v, i) => [v, i]));
    const here = waiting.filter((w) => !handled.has(w) && w.attacker === first.attacker && col.has(w.u));
    for (const w of here) handled.add(w);
    const attacker = first.attacker < 0 ? {} : { attacker: attack.owners[first.attacker] as string };
    if (performance.now() > attack.deadline) {
      for (const w of here) {
        const value = attack.values[w.u] as number;
        refused.push([w.u, { value, kind: 'unverified', interval: [-Infinity, Infinity], ...attacker }]);
      }
      continue;
    }
    const model = new LpModel(attack.highs, localProgram(attack, hood.vars), attack.lpSeconds);
    const solve = (sense: 'min' | 'max', cost: Float64Array) => {
      const outcome = model.optimise(sense, cost);
      attack.lps++;
      if (outcome.status === 'optimal') witness(attack, tableOf(attack, hood.vars, outcome.x));
      return outcome;
    };
    const cap = (u: number, on: boolean) =>
      model.setColBounds(
        col.get(u) as number,
        0,
        on ? Math.min(attack.upper[u] as number, attack.k) : (attack.upper[u] as number),
      );
    try {
      for (const direction of [0, 1] as const) {
        const list = here.filter((w) => w.direction === direction && isOpen(w));
        if (list.length < 2) continue;
        const cost = new Float64Array(hood.vars.length);
        for (const w of list) {
          cost[col.get(w.u) as number] = 1;
          if (direction === 0) cap(w.u, true);
        }
        solve(direction === 0 ? 'max' : 'min', cost);
        if (direction === 0) for (const w of list) cap(w.u, false);
      }
      for (const w of here) {
        if (!isOpen(w)) continue;
        const cost = new Float64Array(hood.vars.length);
        cost[col.get(w.u) as number] = 1;
        if (w.direction === 0) cap(w.u, true);
        const outcome = solve(w.direction === 0 ? 'max' : 'min', cost);
        if (w.direction === 0) cap(w.u, false);
        const value = attack.values[w.u] as number;
        if (outcome.status !== 'optimal') {
          refused.push([w.u, { value, kind: 'unverified', interval: [-Infinity, Infinity], ...attacker }]);
          continue;
        }
        if (!isOpen(w)) continue;
        // Refused: the exact interval for the report.
        const lo = solve('min', cost);
        const hi = solve('max', cost);
        const upper =
          hi.status === 'optimal'
            ? (hi.x[col.get(w.u) as number] as number)
            : hi.status === 'unbounded' || hi.status === 'unboundedOrInfeasible'
              ? Infinity
              : undefined;
        if (lo.status !== 'optimal' || upper === undefined) {
          refused.push([w.u, { value, kind: 'unverified', interval: [-Infinity, Infinity], ...attacker }]);
        } else {
          const interval: [number, number] = [lo.x[col.get(w.u) as number] as number, upper];
          refused.push([w.u, { value, kind: 'narrowed', interval, ...attacker }]);
        }
      }
    } finally {
      model.dispose();
    }
  }
  return refused;
}

/**
 * Proves one direction of one sensitive unknown in neighbourhoods against the outsider (only, when `outsiderOnly`)
 * and every owner. Returns undefined when proven, `wait`: the attacker (−1: the outsider) for which only the whole
 * piece can decide, or a violation when a solver limit left it unproven.
 */
function prove(
  attack: Attack,
  u: number,
  direction: 0 | 1,
  outsiderOnly: boolean,
): { wait: number } | Omit<Violation, 'id'> | undefined {
  // A unit with an owner, nothing known yet: first a table that moves no other owner's cells (it proves the unit to
  // everyone at once), in the smaller neighbourhoods.
  const own = attack.owner[u] as number;
  if (own >= 0 && attack.owners.length > 1 && attack.open[direction][u] === undefined) {
    const foreign: Exclusion = { size: 1, has: (o) => o >= 0 && o !== own };
    for (const [cap, fanout] of TIERS.slice(0, 2)) {
      if (performance.now() > attack.deadline) break;
      const hood = neighbourhood(attack, [u], cap, foreign, fanout);
      if (solveAround(attack, u, direction, hood.vars) !== 'short' || hood.complete) break;
    }
  }
  let together = true;
  for (;;) {
    const open = attack.open[direction][u];
    if (open !== undefined && (open.size === 0 || outsiderOnly)) return undefined;
    // The outsider first; then the owners still open all at once; then one at a time.
    const all = together && open !== undefined && open.size > 1;
    const first = open === undefined ? -1 : (open.values().next().value as number);
    const exclude: Exclusion = open === undefined ? NOBODY : all ? open : new Set([first]);
    let result: 'reached' | 'short' | 'limit' = 'short';
    let complete = false;
    for (const [cap, fanout] of TIERS) {
      if (performance.now() > attack.deadline) {
        result = 'limit';
        break;
      }
      const hood = neighbourhood(attack, [u], cap, exclude, fanout);
      complete = hood.complete;
      result = solveAround(attack, u, direction, hood.vars);
      if (result !== 'short' || complete) break;
    }
    if (result === 'reached') continue;
    if (all) {
      together = false;
      continue;
    }
    if (result === 'limit') {
      const attacker = first < 0 ? {} : { attacker: attack.owners[first] as string };
      return { value: attack.values[u] as number, kind: 'unverified', interval: [-Infinity, Infinity], ...attacker };
    }
    return { wait: first };
  }
}

/**
 * Several units at once, the cells of the owners in `exclude` fixed (they are the attacker's, or must be left alone):
 * one program over the units' neighbourhoods pushes every unit listed upwards to k (capped there, so that no unit's
 * gain is another's loss), and one pulls every unit listed downwards to 0. What reaches its target is proven to
 * every owner the table leaves alone; the rest is proven one by one.
 */
function batch(attack: Attack, list: [number, 0 | 1][], exclude: Exclusion, fanout = Infinity): void {
  const pending = list.filter(([u, direction]) => {
    const open = attack.open[direction][u];
    return open === undefined || open.size > 0;
  });
  if (pending.length === 0) return;
  const sources = [...new Set(pending.map(([u]) => u))];
  const cap = Math.min(BATCH_CAP, 600 * sources.length);
  const hood = neighbourhood(attack, sources, cap, exclude, fanout);
  const lp = localProgram(attack, hood.vars);
  const col = new Map(hood.vars.map((v, i) => [v, i]));
  for (const [u, direction] of pending) {
    if (direction === 0) lp.colUpper[col.get(u) as number] = Math.min(attack.upper[u] as number, attack.k);
  }
  const model = new LpModel(attack.highs, lp, attack.lpSeconds);
  try {
    for (const direction of [0, 1] as const) {
      const cost = new Float64Array(hood.vars.length);
      let any = false;
      for (const [u, d] of pending) {
        if (d !== direction) continue;
        cost[col.get(u) as number] = 1;
        any = true;
      }
      if (!any) continue;
      const outcome = model.optimise(direction === 0 ? 'max' : 'min', cost);
      attack.lps++;
      if (outcome.status !== 'optimal') return;
      witness(attack, tableOf(attack, hood.vars, outcome.x));
    }
  } finally {
    model.dispose();
  }
}

/**
 * Push u to its target over `vars`; record the table found. For a unit with an owner, the program asks for the
 * target outright and moves other owners' cells as little as it can (each as x = value + up − down, both costed):
 * a table that moves fewer owners' cells proves the unit to more owners at once.
 */
function solveAround(attack: Attack, u: number, direction: 0 | 1, vars: number[]): 'reached' | 'short' | 'limit' {
  const own = attack.owner[u] as number;
  const target = direction === 0 ? attack.k : 0;
  if (own < 0 || attack.owners.length < 2) {
    const lp = localProgram(attack, vars);
    // Capped at k going up: any table reaching k will do, and a small change moves fewer cells.
    if (direction === 0) lp.colUpper[0] = Math.min(attack.upper[u] as number, attack.k);
    const cost = new Float64Array(vars.length);
    cost[0] = 1;
    const outcome = solveOnce(attack, lp, direction === 0 ? 'max' : 'min', cost);
    if (outcome.status !== 'optimal') return 'limit';
    witness(attack, tableOf(attack, vars, outcome.x));
    const x = outcome.x[0] as number;
    return (direction === 0 ? x >= attack.k - TOLERANCE : x <= TOLERANCE) ? 'reached' : 'short';
  }
  if (target > (attack.upper[u] as number) + TOLERANCE) return 'short';
  const lp = localProgram(attack, vars);
  lp.colLower[0] = target;
  lp.colUpper[0] = target;
  // Another owner's cell v (column c) becomes value + column c (up) − its twin column (down).
  const twin = new Map<number, number>();
  const colLower = Array.from(lp.colLower);
  const colUpper = Array.from(lp.colUpper);
  vars.forEach((v, c) => {
    const o = attack.owner[v] as number;
    if (c === 0 || o < 0 || o === own) return;
    const value = attack.values[v] as number;
    colLower[c] = 0;
    colUpper[c] = (attack.upper[v] as number) - value;
    twin.set(c, colLower.length);
    colLower.push(0);
    colUpper.push(value);
  });
  const trueValue = (c: number) => attack.values[vars[c] as number] as number;
  for (const row of lp.rows) {
    const n = row.cols.length;
    for (let i = 0; i < n; i++) {
      const c = row.cols[i] as number;
      const t = twin.get(c);
      if (t === undefined) continue;
      const coef = row.coefs[i] as number;
      row.lower -= coef * trueValue(c);
      row.upper -= coef * trueValue(c);
      row.cols.push(t);
      row.coefs.push(-coef);
    }
  }
  lp.numCols = colLower.length;
  lp.colLower = Float64Array.from(colLower);
  lp.colUpper = Float64Array.from(colUpper);
  const cost = new Float64Array(lp.numCols);
  for (const [c, t] of twin) {
    cost[c] = 1;
    cost[t] = 1;
  }
  const outcome = solveOnce(attack, lp, 'min', cost);
  if (outcome.status === 'infeasible' || outcome.status === 'unboundedOrInfeasible') return 'short';
  if (outcome.status !== 'optimal') return 'limit';
  const x = Float64Array.from(vars, (_, c) => {
    const t = twin.get(c);
    return t === undefined
      ? (outcome.x[c] as number)
      : trueValue(c) + (outcome.x[c] as number) - (outcome.x[t] as number);
  });
  witness(attack, tableOf(attack, vars, x));
  return 'reached';
}
