// The attacker's view of a publication for the audit (audit.ts, decision 014): every cell the viewer holds is a
// constant, every hidden cell (and every earlier value of a cell that changed) an unknown, and the rules are written
// over the unknowns. Built the same from the same input in every thread, so unknowns are numbered alike everywhere.
import { solver } from './lp.ts';
import {
  type Certificate,
  DEFAULT_K,
  type DisclosureInput,
  isSensitive,
  type SolverLimits,
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
export const TIERS: [number, number][] = [
  [100, 3],
  [600, 3],
  [2_500, 3],
];
/** A value this close to the true one is unchanged (solver noise). */
export const MOVED = 1e-7;

export type Row = {
  cols: number[];
  coefs: number[];
  lower: number;
  upper: number;
  truth: number;
  scale: number;
  /** See rareSign. */
  rare?: number;
};

export type Attack = {
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
export type Prepared = { attack: Attack; keys: string[]; index: Map<string, number>; fixed: Map<string, number> };

export async function prepare(input: AuditInput, deadline: number): Promise<Prepared & { shown: Violation[] }> {
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
