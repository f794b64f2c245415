// The suppression's working model: every cell and equation (group) as flat typed arrays, and the search limits.

/** A count of a table (null: not reported) and a group of cells whose parts add up to its total. */
export type SuppressionCell = { id: string; value: number | null };
export type SuppressionGroup = { total: string; parts: string[] };

export const NOT_REPORTED = 0;
/** Zeros and the viewer's own figures: shown and never hidden. */
export const FIXED = 1;
/** Shown now, but may be hidden to protect another cell. */
export const OPEN = 2;
export const HIDDEN = 3;

/**
 * Steps of the depth-first fallback, per cell and per call of suppress: it is exponential in the worst case and only
 * needed for cells in three or more equations, so it is capped to keep a request's time bounded.
 */
export const GENERAL_SEARCH_BUDGET = 2_000;
export const GENERAL_SEARCH_TOTAL = 200_000;
/** Certificate sizes tried in turn by the fallback search (a 3-D table's smallest is a 2×2×2 cube). */
export const SIZE_LIMITS = [8, 16, 32];
/**
 * Hidden and shown cells the fallback search tries per equation, besides those that settle another open equation
 * too: in a long column the alternatives are much alike, and trying them all is what would eat the budget.
 */
export const BRANCHES = 3;
/** Counts as "many ways" when the fallback weighs which open equation to settle next. */
export const PLENTY = 1_000;

export type Model = {
  ids: string[];
  values: Float64Array;
  status: Uint8Array;
  eqCount: number;
  eqStart: Int32Array;
  eqCell: Int32Array;
  /** −1 for the total, +1 for a part. */
  eqCoef: Int8Array;
  /** For each equation member: the member's other equation, or TO_FREE / TO_MANY. */
  memberNext: Int32Array;
  memberNextCoef: Int8Array;
  cellStart: Int32Array;
  cellEq: Int32Array;
  cellCoef: Int8Array;
  /** For each (cell, equation) entry: where the cell sits among that equation's members. */
  cellMember: Int32Array;
};

export const TO_FREE = -1;
export const TO_MANY = -2;

export type Certificate = Map<number, number>;

export function buildModel(cells: SuppressionCell[], groups: SuppressionGroup[], known: ReadonlySet<string>): Model {
  const n = cells.length;
  const ids: string[] = new Array(n);
  const values = new Float64Array(n);
  const status = new Uint8Array(n);
  const index = new Map<string, number>();
  for (let c = 0; c < n; c++) {
    const cell = cells[c] as SuppressionCell;
    index.set(cell.id, c);
    if (index.size !== c + 1) throw new Error(`Duplicate cell id: ${cell.id}`);
    ids[c] = cell.id;
    if (cell.value === null) {
      status[c] = NOT_REPORTED;
      continue;
    }
    if (!Number.isSafeInteger(cell.value) || cell.value < 0) {
      throw new RangeError(`Cell ${cell.id} must hold a count (integer ≥ 0) or null, got ${cell.value}`);
    }
    values[c] = cell.value;
    status[c] = cell.value === 0 || (known.size > 0 && known.has(cell.id)) ? FIXED : OPEN;
  }

  const eqList: { total: number; parts: number[] }[] = [];
  // The same equation listed twice would make its cells look like they sit in more equations than they do, so
  // duplicates are dropped: equal member sets give equal order-free hashes, and the marks confirm a match.
  const byHash = new Map<number, number[]>();
  const mark = new Int32Array(n);
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as SuppressionGroup;
    const members = [group.total, ...group.parts];
    const cellsOf = new Array<number>(members.length);
    let usable = true;
    let sum = 0;
    let hash = 0;
    for (let i = 0; i < members.length; i++) {
      const id = members[i] as string;
      const c = index.get(id);
      if (c === undefined) throw new Error(`Group with total ${group.total} refers to an unknown cell: ${id}`);
      if (mark[c] === g + 1) throw new Error(`Group with total ${group.total} lists a cell twice: ${id}`);
      mark[c] = g + 1;
      cellsOf[i] = c;
      if (status[c] === NOT_REPORTED) usable = false;
      if (i > 0) sum += values[c] as number;
      hash = (hash + Math.imul(c + 1, 0x9e3779b1) + (i === 0 ? 0x632be5ab : 0)) | 0;
    }
    // A group with a missing figure tells the attacker nothing exact, so it is not an equation.
    if (!usable) continue;
    const total = cellsOf[0] as number;
    // Certificates assume the shown table satisfies its own equations; a mismatch is a bug upstream.
    if (sum !== values[total]) {
      throw new Error(`Group with total ${group.total} does not add up: parts ${sum}, total ${values[total]}`);
    }
    const parts = cellsOf.slice(1);
    const sameHash = byHash.get(hash);
    const duplicate = sameHash?.some((e) => {
      const other = eqList[e] as { total: number; parts: number[] };
      return (
        other.total === total && other.parts.length === parts.length && other.parts.every((c) => mark[c] === g + 1)
      );
    });
    if (duplicate) continue;
    if (sameHash) sameHash.push(eqList.length);
    else byHash.set(hash, [eqList.length]);
    eqList.push({ total, parts });
  }

  const eqCount = eqList.length;
  const eqStart = new Int32Array(eqCount + 1);
  for (let e = 0; e < eqCount; e++) eqStart[e + 1] = (eqStart[e] as number) + (eqList[e]?.parts.length ?? 0) + 1;
  const size = eqStart[eqCount] as number;
  const eqCell = new Int32Array(size);
  const eqCoef = new Int8Array(size);
  const cellStart = new Int32Array(n + 1);
  for (let e = 0; e < eqCount; e++) {
    const { total, parts } = eqList[e] as { total: number; parts: number[] };
    let k = eqStart[e] as number;
    for (const c of [...parts, total]) {
      eqCell[k] = c;
      eqCoef[k++] = c === total ? -1 : 1;
      cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
    }
  }
  for (let c = 0; c < n; c++) cellStart[c + 1] = (cellStart[c] as number) + (cellStart[c + 1] as number);
  const fill = cellStart.slice(0, n);
  const cellEq = new Int32Array(size);
  const cellCoef = new Int8Array(size);
  const cellMember = new Int32Array(size);
  for (let e = 0; e < eqCount; e++) {
    for (let k = eqStart[e] as number; k < (eqStart[e + 1] as number); k++) {
      const c = eqCell[k] as number;
      const at = fill[c] as number;
      cellEq[at] = e;
      cellCoef[at] = eqCoef[k] as number;
      cellMember[at] = k;
      fill[c] = at + 1;
    }
  }
  const memberNext = new Int32Array(size);
  const memberNextCoef = new Int8Array(size);
  for (let e = 0; e < eqCount; e++) {
    for (let k = eqStart[e] as number; k < (eqStart[e + 1] as number); k++) {
      const c = eqCell[k] as number;
      const first = cellStart[c] as number;
      const degree = (cellStart[c + 1] as number) - first;
      if (degree === 1) memberNext[k] = TO_FREE;
      else if (degree > 2) memberNext[k] = TO_MANY;
      else {
        const other = cellEq[first] === e ? first + 1 : first;
        memberNext[k] = cellEq[other] as number;
        memberNextCoef[k] = cellCoef[other] as number;
      }
    }
  }
  return {
    ids,
    values,
    status,
    eqCount,
    eqStart,
    eqCell,
    eqCoef,
    memberNext,
    memberNextCoef,
    cellStart,
    cellEq,
    cellCoef,
    cellMember,
  };
}
