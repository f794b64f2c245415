// Statistical disclosure control (decision 014): the shapes every caller and both halves of the engine — the
// protector (protect.ts) and the attacker audit (audit.ts) — agree on, and the input checks they share.

export const DEFAULT_K = 3;

/** One figure of a publication. */
export type DisclosureCell = {
  id: string;
  /** The true value, ≥ 0. */
  value: number;
  /** A count of persons (or other units): 1..k−1 is sensitive. Default true; set false for FTE, sums of money. */
  count?: boolean;
  /** The viewer knows it already (for example their own municipality's figures): never sensitive, never a variable. */
  known?: boolean;
  /** An upper bound the attacker knows (for example a budget cap). Lower bound is always 0. */
  upper?: number;
  /**
   * The respondent the figure belongs to (for example a municipality). A publication is seen by everyone, so each
   * owner is an attacker who knows all of its own cells (and their earlier values); a sensitive cell must be
   * protected against the outsider and against every owner but its own. Cells without an owner (region totals) are
   * known to nobody.
   */
  owner?: string;
};

/**
 * A linear rule between cells that the attacker knows: Σ coef·cell  (op)  constant.
 * `parts sum to total` is terms [[part, 1]…, [total, −1]], op '=', constant 0. Coefficients may be fractions; a
 * constant is a figure published elsewhere (for example a forecast = 0.2·band60_64 + band65plus).
 */
export type Relation = {
  terms: ReadonlyArray<readonly [id: string, coef: number]>;
  /** Default '='. */
  op?: '=' | '<=' | '>=';
  /** Default 0. */
  constant?: number;
  /** For messages only. */
  name?: string;
};

/**
 * An earlier publication of the same figures, as stored with it: the true values then (all of its cells, hidden or
 * not) and which were hidden. The attacker is assumed to hold what it showed and to know which cells have changed
 * since: an unchanged cell is the same unknown in both, a changed one is a separate unknown bound by the same rules.
 * A relation over a cell missing from `values` is left out of that publication's copy.
 */
export type EarlierPublication = {
  values: ReadonlyMap<string, number>;
  hidden: ReadonlySet<string>;
};

export type DisclosureInput = {
  cells: readonly DisclosureCell[];
  relations: readonly Relation[];
  /** Counts 1..k−1 are sensitive. Default 3. */
  k?: number;
  earlier?: readonly EarlierPublication[];
};

/** An interval an attacker can prove for a hidden cell (bounds may be ±Infinity when unbounded). */
export type Interval = readonly [lo: number, hi: number];

export type Violation = {
  /** The cell id; a cell of an earlier publication that has changed since is `id@earlier[i]`. */
  id: string;
  value: number;
  /**
   * `shown`: a sensitive cell is published (or was shown by an earlier publication and has not changed);
   * `narrowed`: the attacker's interval misses 0 or k; `unverified`: the solver hit its limit, so nothing is proven.
   */
  kind: 'shown' | 'narrowed' | 'unverified';
  /** The interval as `attacker` can prove it. */
  interval: Interval;
  /** The owner who can narrow the cell using its own figures; absent when the outsider can. */
  attacker?: string;
};

/**
 * A second table consistent with a publication, as changes from the true values: [cell id (or `id@earlier[i]`),
 * change]. Zero on every published cell, every known cell and every cell an attacker knows, so it proves to that
 * attacker that each hidden cell it moves can take its changed value. The protector hands these to the audit, which
 * checks them itself (every rule, every bound, that nothing published moves) before it trusts one.
 */
export type Certificate = ReadonlyArray<readonly [id: string, change: number]>;

export type AuditResult = {
  /** False when any sensitive cell is not protected: the publication must not be made. */
  ok: boolean;
  violations: Violation[];
  /**
   * Hidden cells that are not sensitive but that the attacker can compute exactly (reported, not refused). Empty when
   * not asked for (`reportPinned: false`, as in protect's own audit).
   */
  pinned: { id: string; value: number }[];
  /** Number of linear programs solved. */
  lps: number;
};

/** Solver limits. A limit that is hit never lets an unchecked pattern through: see decision 014, "Fallback". */
export type SolverLimits = {
  /** Seconds per linear program. Default 10. */
  lpSeconds?: number;
  /** Seconds for the whole call, after which protect falls back and the audit reports `unverified`. Default 300. */
  totalSeconds?: number;
  /**
   * Threads at most (worker threads share the sensitive cells out). Default: the machine's cores, used only for a
   * large publication (some thousands of sensitive cells); 1 keeps everything in the calling thread; a number given
   * here is used whatever the size.
   */
  threads?: number;
};

export const TOLERANCE = 1e-6;

/** Throws on malformed input: the guarantees rest on a consistent table. */
export function validateInput(input: DisclosureInput): Map<string, DisclosureCell> {
  const k = input.k ?? DEFAULT_K;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
  const byId = new Map<string, DisclosureCell>();
  for (const cell of input.cells) {
    if (byId.has(cell.id)) throw new Error(`duplicate cell id ${cell.id}`);
    if (!Number.isFinite(cell.value) || cell.value < 0) throw new RangeError(`cell ${cell.id}: value must be ≥ 0`);
    if ((cell.count ?? true) && !Number.isInteger(cell.value)) {
      throw new RangeError(`cell ${cell.id}: a count must be an integer`);
    }
    if (cell.upper !== undefined && !(cell.upper >= cell.value)) {
      throw new RangeError(`cell ${cell.id}: upper bound below its value`);
    }
    byId.set(cell.id, cell);
  }
  input.relations.forEach((relation, r) => {
    const label = relation.name ?? `relation ${r}`;
    let lhs = 0;
    let scale = Math.abs(relation.constant ?? 0);
    const seen = new Set<string>();
    for (const [id, coef] of relation.terms) {
      const cell = byId.get(id);
      if (!cell) throw new Error(`${label}: unknown cell ${id}`);
      if (seen.has(id)) throw new Error(`${label}: cell ${id} appears twice`);
      if (!Number.isFinite(coef)) throw new RangeError(`${label}: coefficient of ${id} is not finite`);
      seen.add(id);
      lhs += coef * cell.value;
      scale += Math.abs(coef * cell.value);
    }
    if (!holds(lhs, relation.op ?? '=', relation.constant ?? 0, scale)) {
      throw new Error(`${label} does not hold for the true values`);
    }
  });
  (input.earlier ?? []).forEach((publication, e) => {
    for (const [id, value] of publication.values) {
      if (!byId.has(id)) throw new Error(`earlier[${e}]: unknown cell ${id}`);
      if (!Number.isFinite(value) || value < 0) throw new RangeError(`earlier[${e}]: ${id} must be ≥ 0`);
    }
    for (const id of publication.hidden) {
      if (!publication.values.has(id)) throw new Error(`earlier[${e}]: hidden cell ${id} has no value`);
    }
  });
  return byId;
}

export function holds(lhs: number, op: '=' | '<=' | '>=', rhs: number, scale: number): boolean {
  const eps = TOLERANCE * Math.max(1, scale);
  if (op === '=') return Math.abs(lhs - rhs) <= eps;
  if (op === '<=') return lhs <= rhs + eps;
  return lhs >= rhs - eps;
}

/** A count the viewer does not know with value 1..k−1. */
export function isSensitive(value: number, count: boolean, known: boolean, k: number): boolean {
  return count && !known && value >= 1 && value <= k - 1;
}
