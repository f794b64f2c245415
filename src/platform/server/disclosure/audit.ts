// The attacker audit (decision 014): written apart from the protector on purpose, sharing only the LP wrapper and
// the input checks. It takes what a viewer would hold — every published cell, the rules, every earlier publication —
// and for each hidden sensitive cell asks whether some table consistent with all of it puts the cell at 0, and some
// at k. A sensitive count for which either is missing refuses the publication; a limit hit refuses it too (nothing
// unproven is published). The attack is made by the outsider and by each owner of cells, who knows its own
// (decision 014, "Owners").
//
// A table that proves a direction is found in one of two ways, and both end in the same check here:
// - a certificate handed in (the protector's second tables): checked against every rule, every bound, and that it
//   moves nothing the attacker holds, before it counts;
// - a linear program over a neighbourhood of the cell, every other hidden cell fixed at its true value (a smaller
//   feasible set: a table found there is a table of the whole publication), then a larger one, then the whole
//   connected piece, whose answer is exact. Only the whole piece can refuse a cell.
// Every table found, whatever it was looking for, counts for every cell it moves (a witness).
import { type LinearProgram, LpModel, solver } from './lp.ts';
import { runInWorkers, splitEvenly, threadCount } from './parallel.ts';
import {
  type AuditResult,
  type Certificate,
  DEFAULT_K,
  type DisclosureInput,
  holds,
  isSensitive,
  type SolverLimits,
  TOLERANCE,
  type Violation,
  validateInput,
} from './types.ts';

export type AuditInput = DisclosureInput & {
  hidden: ReadonlySet<string>;
  /** Cells hidden whatever their value (ProtectInput's `forced`): hidden like `hidden`, sensitive or not. */
  forced?: ReadonlySet<string>;
  /**
   * Second tables to check before solving (the protector's). Each is verified here against every rule — the
   * earlier publications' copies too — the bounds, and that it moves no published or known cell; one that fails is
   * ignored. A direction of a cell no valid certificate proves is solved as without certificates.
   */
  certificates?: readonly Certificate[];
  /**
   * Default true. False skips the `pinned` report (returned empty): proving a hidden cell pinned takes programs over
   * its whole connected piece, which on a national publication can cost more than the rest of the audit.
   */
  reportPinned?: boolean;
  limits?: SolverLimits;
};

/**
 * Neighbourhoods tried in turn before the whole connected piece: [hidden cells at most, cells taken from each rule
 * it grows through]. A unit's second tables often reach five rules away (a region's cell compensated in another
 * region through the national sums), where a full breadth-first neighbourhood holds thousands of cells; taking a few
 * cells from each rule reaches that far in a few hundred.
 */
const TIERS: [number, number][] = [
  [100, 3],
  [600, 3],
  [2_500, 3],
];
/** At most this many hidden cells in one program for several units (see batch). */
const BATCH_CAP = 4_000;
/** Units without an owner taken together in one batch (consecutive in input order). */
const BATCH_UNITS = 4;
/** Below this many sensitive unknowns the audit stays in this thread (a worker thread costs its start-up). */
const PARALLEL_MIN_SENSITIVE = 3_000;
/** A value this close to the true one is unchanged (solver noise). */
const MOVED = 1e-7;

type Row = {
  cols: number[];
  coefs: number[];
  lower: number;
  upper: number;
  truth: number;
  scale: number;
  /** See rareSign. */
  rare?: number;
};

type Attack = {
  k: number;
  n: number;
  values: Float64Array;
  upper: Float64Array;
  sensitive: Uint8Array;
  /** Owner index or −1. */
  owner: Int32Array;
  owners: string[];
  rows: Row[];
  rowsOf: number[][];
  /**
   * Per direction (0: up to k, 1: down to 0) and sensitive unknown: undefined while no table is known; else the
   * owners every table found so far moves a cell of (a table proves nothing to an owner whose cells it changes).
   * Empty: proven against everyone. A refused direction is empty too (its violation is recorded).
   */
  open: [(Set<number> | undefined)[], (Set<number> | undefined)[]];
  /** Moved by some table (for the pinned report). */
  moved: Uint8Array;
  highs: Awaited<ReturnType<typeof solver>>;
  lpSeconds: number;
  deadline: number;
  lps: number;
  // Scratch space: marks with stamps instead of fresh sets.
  mark: Int32Array;
  col: Int32Array;
  rowMark: Int32Array;
  stamp: number;
};

/** The attacker's view of the publication, numbered the same in every thread. */
type Prepared = { attack: Attack; keys: string[]; index: Map<string, number>; fixed: Map<string, number> };

async function prepare(input: AuditInput, deadline: number): Promise<Prepared & { shown: Violation[] }> {
  const k = input.k ?? DEFAULT_K;
  const byId = validateInput(input);
  for (const id of input.forced ?? []) if (!byId.has(id)) throw new Error(`forced: unknown cell ${id}`);
  const earlier = input.earlier ?? [];
  const isHidden = (id: string) => input.hidden.has(id) || (input.forced?.has(id) ?? false);

  // 1. Who is known to the attacker and who is unknown. An unchanged cell is one unknown across publications.
  const fixed = new Map<string, number>();
  const index = new Map<string, number>();
  const keys: string[] = [];
  const values: number[] = [];
  const upper: number[] = [];
  const sensitive: number[] = [];
  const ownerOf: number[] = [];
  const owners: string[] = [];
  const ownerIndex = new Map<string, number>();
  const ownerId = (name: string | undefined): number => {
    if (name === undefined) return -1;
    let o = ownerIndex.get(name);
    if (o === undefined) {
      o = owners.length;
      owners.push(name);
      ownerIndex.set(name, o);
    }
    return o;
  };
  const addUnknown = (key: string, value: number, up: number, sens: boolean, owner: string | undefined) => {
    index.set(key, keys.length);
    keys.push(key);
    values.push(value);
    upper.push(up);
    sensitive.push(sens ? 1 : 0);
    ownerOf.push(ownerId(owner));
  };
  const shown: Violation[] = [];
  for (const cell of input.cells) {
    const shownEarlier = earlier.some((e) => e.values.get(cell.id) === cell.value && !e.hidden.has(cell.id));
    const sens = isSensitive(cell.value, cell.count ?? true, cell.known ?? false, k);
    if (cell.known || !isHidden(cell.id) || shownEarlier) {
      fixed.set(cell.id, cell.value);
      if (sens) shown.push({ id: cell.id, value: cell.value, kind: 'shown', interval: [cell.value, cell.value] });
    } else addUnknown(cell.id, cell.value, cell.upper ?? Infinity, sens, cell.owner);
  }
  const keyOf = (e: number, id: string): string | undefined => {
    const then = earlier[e]?.values.get(id);
    if (then === undefined) return undefined;
    return then === byId.get(id)?.value ? id : `${id}@earlier[${e}]`;
  };
  earlier.forEach((publication, e) => {
    for (const [id, then] of publication.values) {
      const key = keyOf(e, id) as string;
      if (key === id) continue;
      const cell = byId.get(id);
      if (cell?.known || !publication.hidden.has(id)) fixed.set(key, then);
      else
        addUnknown(key, then, cell?.upper ?? Infinity, isSensitive(then, cell?.count ?? true, false, k), cell?.owner);
    }
  });
  const n = keys.length;

  // 2. The rules as the attacker writes them: fixed cells moved to the constant side.
  const rows: Row[] = [];
  const addRow = (relation: DisclosureInput['relations'][number], termKeys: string[]) => {
    const cols: number[] = [];
    const coefs: number[] = [];
    let constant = relation.constant ?? 0;
    let truth = 0;
    let scale = Math.abs(constant);
    relation.terms.forEach(([, coef], i) => {
      const key = termKeys[i] as string;
      const known = fixed.get(key);
      if (known !== undefined) {
        constant -= coef * known;
        scale += Math.abs(coef * known);
      } else {
        const u = index.get(key) as number;
        cols.push(u);
        coefs.push(coef);
        truth += coef * (values[u] as number);
        scale += Math.abs(coef * (values[u] as number));
      }
    });
    if (cols.length === 0) return;
    const op = relation.op ?? '=';
    rows.push({
      cols,
      coefs,
      lower: op === '<=' ? -Infinity : constant,
      upper: op === '>=' ? Infinity : constant,
      truth,
      scale,
    });
  };
  for (const relation of input.relations) {
    addRow(
      relation,
      relation.terms.map(([id]) => id),
    );
    earlier.forEach((_, e) => {
      const termKeys = relation.terms.map(([id]) => keyOf(e, id));
      if (termKeys.some((key) => key === undefined)) return;
      if (termKeys.every((key, i) => key === relation.terms[i]?.[0])) return;
      addRow(relation, termKeys as string[]);
    });
  }
  const rowsOf: number[][] = keys.map(() => []);
  rows.forEach((row, r) => {
    for (const u of row.cols) (rowsOf[u] as number[]).push(r);
  });

  const attack: Attack = {
    k,
    n,
    values: Float64Array.from(values),
    upper: Float64Array.from(upper),
    sensitive: Uint8Array.from(sensitive),
    owner: Int32Array.from(ownerOf),
    owners,
    rows,
    rowsOf,
    open: [new Array(n), new Array(n)],
    moved: new Uint8Array(n),
    highs: await solver(),
    lpSeconds: input.limits?.lpSeconds ?? 10,
    deadline,
    lps: 0,
    mark: new Int32Array(n),
    col: new Int32Array(n),
    rowMark: new Int32Array(rows.length),
    stamp: 0,
  };

  return { attack, keys, index, fixed, shown };
}

export async function auditPublication(input: AuditInput): Promise<AuditResult> {
  const started = performance.now();
  const { attack, keys, index, fixed, shown } = await prepare(
    input,
    started + (input.limits?.totalSeconds ?? 300) * 1000,
  );
  const violations = [...shown];
  // The certificates first (here: checking them is cheap); what they leave open is proven by programs.
  checkCertificates(attack, input.certificates, index, fixed);
  const units: number[] = [];
  for (let u = 0; u < attack.n; u++) {
    if (attack.sensitive[u] && !(attack.open[0][u]?.size === 0 && attack.open[1][u]?.size === 0)) units.push(u);
  }

  // Each thread proves its share of the open cells with its own programs; a cell's proof does not depend on the
  // other cells', so the shares' answers are simply put together.
  const wanted = threadCount(input.limits?.threads);
  const parallel = wanted > 1 && (input.limits?.threads !== undefined || units.length >= PARALLEL_MIN_SENSITIVE);
  const parts = parallel ? splitEvenly(units, wanted) : [units];
  if (parts.length > 1) {
    const seconds = Math.max(0, (attack.deadline - performance.now()) / 1000);
    const { certificates: _, ...uncertified } = input;
    const results = await runInWorkers<AuditPartResult>(
      parts.map((part) => ({ kind: 'audit', input: uncertified, part, seconds })),
      parts.length,
    );
    for (const result of results) {
      violations.push(...result.violations);
      for (const u of result.moved) attack.moved[u] = 1;
      attack.lps += result.lps;
    }
  } else {
    violations.push(...proveAll(attack, units, keys));
  }

  // Hidden cells that are not sensitive: pinned when no table moves them (reported, not refused).
  const candidates: number[] = [];
  if (input.reportPinned ?? true) {
    for (let u = 0; u < attack.n; u++) if (!attack.sensitive[u] && !attack.moved[u]) candidates.push(u);
  }
  const pinned = findPinned(attack, candidates).map((u) => ({
    id: keys[u] as string,
    value: attack.values[u] as number,
  }));

  violations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ok: violations.length === 0, violations, pinned, lps: attack.lps };
}

export type AuditPartResult = { violations: Violation[]; moved: number[]; lps: number };

/**
 * One worker thread's share: prove the sensitive unknowns `part` (numbered as auditPublication numbers them, which
 * the same input gives in every thread), within `seconds`, with the input's certificates if it has any.
 */
export async function auditPart(input: AuditInput, part: number[], seconds: number): Promise<AuditPartResult> {
  const { attack, keys, index, fixed } = await prepare(input, performance.now() + seconds * 1000);
  checkCertificates(attack, input.certificates, index, fixed);
  const violations = proveAll(attack, part, keys);
  const moved: number[] = [];
  for (let u = 0; u < attack.n; u++) if (attack.moved[u]) moved.push(u);
  return { violations, moved, lps: attack.lps };
}

/** Certificates: each one that holds is a table for every cell it moves. */
function checkCertificates(
  attack: Attack,
  certificates: readonly Certificate[] | undefined,
  index: ReadonlyMap<string, number>,
  fixed: ReadonlyMap<string, number>,
): void {
  for (const certificate of certificates ?? []) {
    const table = checkCertificate(attack, certificate, index, fixed);
    if (table) witness(attack, table);
  }
}

/**
 * Every unit (a sensitive unknown), each direction: first, owner by owner, one program for all of an owner's units
 * that moves no other owner's cells (a table like that proves a unit to everyone); then each unit on its own against
 * the outsider; then against the owners still open.
 */
function proveAll(attack: Attack, units: readonly number[], keys: readonly string[]): Violation[] {
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

/** A table as changes from the true values, over unknowns. */
type Table = { cols: number[]; changes: number[] };

/** The certificate as a table over the attacker's unknowns, or undefined when it does not hold. */
function checkCertificate(
  attack: Attack,
  certificate: Certificate,
  index: ReadonlyMap<string, number>,
  fixed: ReadonlyMap<string, number>,
): Table | undefined {
  const cols: number[] = [];
  const changes: number[] = [];
  const change = new Map<number, number>();
  for (const [key, delta] of certificate) {
    if (!Number.isFinite(delta)) return undefined;
    const u = index.get(key);
    if (u === undefined) {
      // A published, known or unknown id: it may not move.
      if (Math.abs(delta) > MOVED || !fixed.has(key)) return undefined;
      continue;
    }
    if (change.has(u)) return undefined;
    const value = (attack.values[u] as number) + delta;
    if (value < -TOLERANCE || value > (attack.upper[u] as number) + TOLERANCE) return undefined;
    change.set(u, delta);
    if (Math.abs(delta) > MOVED) {
      cols.push(u);
      changes.push(delta);
    }
  }
  const checked = new Set<number>();
  for (const u of cols) {
    for (const r of attack.rowsOf[u] as number[]) {
      if (checked.has(r)) continue;
      checked.add(r);
      const row = attack.rows[r] as Row;
      let lhs = row.truth;
      row.cols.forEach((w, i) => {
        lhs += (row.coefs[i] as number) * (change.get(w) ?? 0);
      });
      const scale = row.scale + Math.abs(lhs - row.truth);
      if (row.lower === row.upper) {
        if (!holds(lhs, '=', row.lower, scale)) return undefined;
      } else {
        if (row.lower > -Infinity && !holds(lhs, '>=', row.lower, scale)) return undefined;
        if (row.upper < Infinity && !holds(lhs, '<=', row.upper, scale)) return undefined;
      }
    }
  }
  return { cols, changes };
}

/** Record a table: for every sensitive cell it takes to 0 or to k, the owners it leaves alone are answered. */
function witness(attack: Attack, table: Table): void {
  const touched = new Set<number>();
  for (const u of table.cols) {
    attack.moved[u] = 1;
    const o = attack.owner[u] as number;
    if (o >= 0) touched.add(o);
  }
  let scaled: ((t: number) => boolean) | undefined;
  table.cols.forEach((u, i) => {
    if (!attack.sensitive[u]) return;
    const change = table.changes[i] as number;
    const own = attack.owner[u] as number;
    for (const direction of [0, 1] as const) {
      const open = attack.open[direction][u];
      if (open !== undefined && open.size === 0) continue;
      // The table scaled by t moves u to its target: for 0 < t ≤ 1 it lies between the true table and this one;
      // otherwise the bounds and inequalities are checked for t (t keeps every equality).
      const t = ((direction === 0 ? attack.k : 0) - (attack.values[u] as number)) / change;
      if (!(t > 0 && t <= 1 + TOLERANCE)) {
        scaled ??= scaledTable(attack, table);
        if (!scaled(t)) continue;
      }
      // A cell without an owner (an aggregate) is protected against the outsider only (decision 014, "Owners").
      const against = own < 0 ? new Set<number>() : new Set([...touched].filter((o) => o !== own));
      attack.open[direction][u] = open === undefined ? against : new Set([...open].filter((o) => against.has(o)));
    }
  });
}

/** Whether the true table plus t times `table`'s changes keeps every bound and every inequality. */
function scaledTable(attack: Attack, table: Table): (t: number) => boolean {
  const rows: [Row, number][] = [];
  const seen = new Set<number>();
  const change = new Map(table.cols.map((u, i) => [u, table.changes[i] as number]));
  for (const u of table.cols) {
    for (const r of attack.rowsOf[u] as number[]) {
      const row = attack.rows[r] as Row;
      if (seen.has(r) || row.lower === row.upper) continue;
      seen.add(r);
      let delta = 0;
      row.cols.forEach((w, i) => {
        delta += (row.coefs[i] as number) * (change.get(w) ?? 0);
      });
      rows.push([row, delta]);
    }
  }
  return (t) => {
    for (let i = 0; i < table.cols.length; i++) {
      const u = table.cols[i] as number;
      const value = (attack.values[u] as number) + t * (table.changes[i] as number);
      if (value < -TOLERANCE || value > (attack.upper[u] as number) + TOLERANCE) return false;
    }
    for (const [row, delta] of rows) {
      const lhs = row.truth + t * delta;
      const scale = row.scale + Math.abs(t * delta);
      if (row.lower > -Infinity && !holds(lhs, '>=', row.lower, scale)) return false;
      if (row.upper < Infinity && !holds(lhs, '<=', row.upper, scale)) return false;
    }
    return true;
  };
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

/** The changes a solution over `vars` makes to the true values. */
function tableOf(attack: Attack, vars: number[], x: Float64Array): Table {
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
type Exclusion = { readonly size: number; has(owner: number): boolean };
const NOBODY: Exclusion = new Set<number>();

/**
 * Up to `cap` unknowns around the sources, nearest first through the rules, leaving out the cells of the owners in
 * `exclude` (they are constants to those owners). `complete` when everything connected to them was reached.
 */
function neighbourhood(
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
function localProgram(attack: Attack, vars: number[]): LinearProgram {
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

function solveOnce(
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

/**
 * The candidates (hidden, not sensitive, moved by no table so far) that no table moves: neighbourhoods first, then
 * one program per connected piece re-solved for each candidate left in it (up, capped one above its value, then
 * down). Every table found marks what it moves. A candidate left unproven by a limit is not reported.
 */
function findPinned(attack: Attack, candidates: number[]): number[] {
  const free = (u: number, x: number) => Math.abs(x - (attack.values[u] as number)) > MOVED;
  const left: number[] = [];
  for (const u of candidates) {
    if (attack.moved[u]) continue;
    for (const [cap, fanout] of TIERS) {
      if (performance.now() > attack.deadline || attack.moved[u]) break;
      const hood = neighbourhood(attack, [u], cap, NOBODY, fanout);
      const lp = localProgram(attack, hood.vars);
      lp.colUpper[0] = Math.min(attack.upper[u] as number, (attack.values[u] as number) + 1);
      const model = new LpModel(attack.highs, lp, attack.lpSeconds);
      const cost = new Float64Array(hood.vars.length);
      cost[0] = 1;
      try {
        for (const sense of ['max', 'min'] as const) {
          const outcome = model.optimise(sense, cost);
          attack.lps++;
          if (outcome.status !== 'optimal') break;
          witness(attack, tableOf(attack, hood.vars, outcome.x));
          if (free(u, outcome.x[0] as number)) break;
        }
      } finally {
        model.dispose();
      }
      if (hood.complete) break;
    }
    if (!attack.moved[u]) left.push(u);
  }
  const pinned: number[] = [];
  const done = new Set<number>();
  for (const first of left) {
    if (done.has(first) || attack.moved[first]) continue;
    const hood = neighbourhood(attack, [first], Infinity, NOBODY);
    const col = new Map(hood.vars.map((v, i) => [v, i]));
    const lp = localProgram(attack, hood.vars);
    const model = new LpModel(attack.highs, lp, attack.lpSeconds);
    try {
      for (const u of left) {
        const c = col.get(u);
        if (c === undefined || done.has(u)) continue;
        done.add(u);
        if (attack.moved[u] || performance.now() > attack.deadline) continue;
        const cost = new Float64Array(hood.vars.length);
        cost[c] = 1;
        const value = attack.values[u] as number;
        let proven = true;
        for (const sense of ['max', 'min'] as const) {
          if (sense === 'max') model.setColBounds(c, 0, Math.min(attack.upper[u] as number, value + 1));
          const outcome = model.optimise(sense, cost);
          if (sense === 'max') model.setColBounds(c, 0, attack.upper[u] as number);
          attack.lps++;
          if (outcome.status !== 'optimal') {
            proven = false;
            break;
          }
          witness(attack, tableOf(attack, hood.vars, outcome.x));
          if (attack.moved[u]) break;
        }
        if (proven && !attack.moved[u]) pinned.push(u);
      }
    } finally {
      model.dispose();
    }
  }
  return pinned;
}
