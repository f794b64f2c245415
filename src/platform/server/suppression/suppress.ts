// Small-count suppression for published statistics tables (reliability guide, item 19): counts 1..k−1 are shown as
// "..", and further cells are hidden until no hidden count can be worked out from the totals and figures still shown.

export type SuppressionCell = { id: string; value: number | null };
export type SuppressionGroup = { total: string; parts: string[] };

export const DEFAULT_MIN_COUNT = 3;

/*
 * How it works. Every group is an equation Σ parts − total = 0. A hidden cell is safe when we can exhibit a
 * *certificate*: an integer change d of hidden cells with d ≠ 0 on that cell, every equation still balanced and every
 * hidden cell still ≥ 1 after the change. Then the true table and the changed table are both consistent with what is
 * shown, so the attacker cannot tell the cell's value. Hiding more cells never breaks a certificate (the new unknowns
 * just keep d = 0), so each cell needs one certificate once and the whole run is a single monotone pass.
 *
 * Cells in at most two equations (2-D tables with margins, hierarchies) are edges of a graph whose nodes are the
 * equations; a certificate is then a closed walk (a cycle, or two cycles joined by a path counted twice). It is found
 * by a bidirectional search over (equation, sign of the change arriving) states: first through hidden cells only,
 * then, if none exists, the cheapest one through shown cells (cost = their value, so small counts are preferred and
 * totals avoided), whose shown cells are then hidden too. Cells in three or more equations, or walks that would need
 * them, fall back to a bounded depth-first search over sign assignments.
 *
 * Limits. A cell that the viewer's own figures and the zeros pin down cannot be protected by anything we hide; it
 * stays hidden without a certificate. Where cells sit in three or more groups (3-D tables, a total split two ways),
 * the fallback is slow on large tables and gives up when its budget runs out; such cells also stay hidden without a
 * certificate. Property tests cover both kinds of structure on small tables.
 */

const NOT_REPORTED = 0;
/** Zeros and the viewer's own figures: shown and never hidden. */
const FIXED = 1;
/** Shown now, but may be hidden to protect another cell. */
const OPEN = 2;
const HIDDEN = 3;

/**
 * Steps of the depth-first fallback, per cell and per call of suppress: it is exponential in the worst case and only
 * needed for cells in three or more equations, so it is capped to keep a request's time bounded.
 */
const GENERAL_SEARCH_BUDGET = 2_000;
const GENERAL_SEARCH_TOTAL = 200_000;
/** Certificate sizes tried in turn by the fallback search (a 3-D table's smallest is a 2×2×2 cube). */
const SIZE_LIMITS = [8, 16, 32];
/**
 * Hidden and shown cells the fallback search tries per equation, besides those that settle another open equation
 * too: in a long column the alternatives are much alike, and trying them all is what would eat the budget.
 */
const BRANCHES = 3;
/** Counts as "many ways" when the fallback weighs which open equation to settle next. */
const PLENTY = 1_000;

type Model = {
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

const TO_FREE = -1;
const TO_MANY = -2;

type Certificate = Map<number, number>;

/**
 * Returns the ids of the cells to show as "..". Pure and deterministic: the same cells and groups in the same order
 * give the same answer. Throws on malformed input (unknown or duplicate ids, counts that are not integers ≥ 0, a
 * group whose parts do not add up to its total), since the guarantee rests on the table being consistent.
 */
export function suppress(
  cells: SuppressionCell[],
  groups: SuppressionGroup[],
  opts: {
    minCount?: number;
    known?: ReadonlySet<string>;
    /**
     * Cells to hide whatever their value, such as a sum of FTE whose count of persons is hidden. Zeros, known and
     * not-reported cells stay shown all the same: the guarantee rests on every hidden cell being at least 1.
     */
    forced?: ReadonlySet<string>;
  } = {},
): Set<string> {
  const minCount = opts.minCount ?? DEFAULT_MIN_COUNT;
  const forced = opts.forced ?? new Set<string>();
  if (!Number.isInteger(minCount) || minCount < 1) {
    throw new RangeError(`minCount must be an integer ≥ 1, got ${minCount}`);
  }
  const model = buildModel(cells, groups, opts.known ?? new Set());
  const { values, status } = model;

  const queue: number[] = [];
  for (let c = 0; c < values.length; c++) {
    if (
      status[c] === OPEN &&
      ((values[c] as number) < minCount || (forced.size > 0 && forced.has(model.ids[c] as string)))
    ) {
      status[c] = HIDDEN;
      queue.push(c);
    }
  }
  protect(model, queue);

  const hidden = new Set<string>();
  for (let c = 0; c < values.length; c++) if (status[c] === HIDDEN) hidden.add(model.ids[c] as string);
  return hidden;
}

/** Helper for ratios: a ratio is suppressed when any of its count inputs is suppressed. */
export function ratioSuppressed(inputs: string[], suppressed: ReadonlySet<string>): boolean {
  return inputs.some((id) => suppressed.has(id));
}

/**
 * The median of the given values where the middle element(s) must not be suppressed: returns null if the median would
 * equal/derive from a suppressed entry. Equal values are interchangeable, so a middle position is fine when enough
 * shown entries carry its value. Not-reported entries (null) are left out. What remains is rank information: a shown
 * median still tells on which side of it a hidden entry lies.
 */
export function safeMedian(entries: { value: number | null; suppressed: boolean }[]): number | null {
  const reported = entries.filter((e): e is { value: number; suppressed: boolean } => e.value !== null);
  if (reported.length === 0) return null;
  const sorted = reported.map((e) => e.value).sort((a, b) => a - b);
  const upper = Math.floor(sorted.length / 2);
  const middle =
    sorted.length % 2 === 1 ? [sorted[upper] as number] : [sorted[upper - 1] as number, sorted[upper] as number];
  const needed = new Map<number, number>();
  for (const v of middle) needed.set(v, (needed.get(v) ?? 0) + 1);
  for (const [v, count] of needed) {
    const shown = reported.filter((e) => !e.suppressed && e.value === v).length;
    if (shown < count) return null;
  }
  return middle.reduce((sum, v) => sum + v, 0) / middle.length;
}

function buildModel(cells: SuppressionCell[], groups: SuppressionGroup[], known: ReadonlySet<string>): Model {
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

/** Hides cells until every hidden cell has a certificate, working through `queue` (which grows as cells are hidden). */
function protect(model: Model, queue: number[]): void {
  const { values, status, cellStart } = model;
  const members = createMemberIndex(model);
  const walks = createWalkSearch(model, members);
  const general = createGeneralSearch(model, members);
  const isProtected = new Uint8Array(values.length);
  // Cheap necessary conditions that spare the searches most of their hopeless runs: the primaries that could move
  // together at all, and the cells that could move even with every shown cell hidden.
  const mobileHidden = mobile(model, false);
  const mobileAny = mobile(model, true);
  let manyEquationCells = false;
  for (let c = 0; c < values.length; c++) {
    if (mobileAny[c] && (cellStart[c + 1] as number) - (cellStart[c] as number) > 2) manyEquationCells = true;
  }

  for (let i = 0; i < queue.length; i++) {
    const x = queue[i] as number;
    if (isProtected[x]) continue;
    const degree = (cellStart[x + 1] as number) - (cellStart[x] as number);
    if (degree === 0) {
      // In no usable equation: nothing shown constrains it beyond "≥ 1".
      isProtected[x] = 1;
      continue;
    }
    // Pinned down even if everything else were hidden: the viewer's own figures and the zeros give it away, and
    // nothing we hide could help. It stays hidden, without a certificate.
    if (!mobileAny[x]) continue;
    let certificate: Certificate | null = null;
    walks.rejected = false;
    if (degree <= 2) {
      if (mobileHidden[x]) certificate = walks.find(x, false);
      certificate ??= walks.find(x, true);
    }
    // Walks see every certificate made of cells in at most two equations, so the slower search only earns its keep
    // when other cells exist or a walk was turned down for driving a cell below 1. It tries hidden cells first.
    if (!certificate && (degree > 2 || manyEquationCells || walks.rejected)) certificate = general.find(x);
    // Still nothing: the bounded search gave up. The cell stays hidden, without a certificate.
    if (!certificate) continue;
    for (const [c, d] of certificate) {
      if (status[c] === OPEN) {
        status[c] = HIDDEN;
        members.hide(c);
        queue.push(c);
      }
      if (d !== 0) isProtected[c] = 1;
    }
  }
}

/**
 * The cells that could change in some balanced change of the hidden cells (and, with `withOpen`, of the shown ones
 * that may be hidden): a cell that is the only movable member of one of its equations cannot move, and removing it
 * may strand others, so they are peeled off until none is left alone. Signs and bounds are ignored, so this only
 * ever rules out; it is the hypergraph version of "a bridge lies on no cycle".
 */
function mobile(model: Model, withOpen: boolean): Uint8Array {
  const { status, eqCount, eqStart, eqCell, cellStart, cellEq } = model;
  const movable = (c: number) => status[c] === HIDDEN || (withOpen && status[c] === OPEN);
  const live = new Uint8Array(status.length);
  const count = new Int32Array(eqCount);
  for (let c = 0; c < status.length; c++) {
    if (!movable(c)) continue;
    live[c] = 1;
    for (let j = cellStart[c] as number; j < (cellStart[c + 1] as number); j++) {
      const e = cellEq[j] as number;
      count[e] = (count[e] as number) + 1;
    }
  }
  const stranded: number[] = [];
  for (let e = 0; e < eqCount; e++) if (count[e] === 1) stranded.push(e);
  while (stranded.length > 0) {
    const e = stranded.pop() as number;
    if (count[e] !== 1) continue;
    let c = -1;
    for (let k = eqStart[e] as number; k < (eqStart[e + 1] as number) && c < 0; k++) {
      if (live[eqCell[k] as number]) c = eqCell[k] as number;
    }
    if (c < 0) continue;
    live[c] = 0;
    for (let j = cellStart[c] as number; j < (cellStart[c + 1] as number); j++) {
      const other = cellEq[j] as number;
      count[other] = (count[other] as number) - 1;
      if (count[other] === 1) stranded.push(other);
    }
  }
  return live;
}

type MemberIndex = ReturnType<typeof createMemberIndex>;

/**
 * Each equation's members split by what a search pays for them: hidden ones cost nothing and are kept in their own
 * list; shown ones cost their value and are ranked cheapest first (smallest value, then smallest id), so a search
 * can take them one at a time instead of looking at every member of a 300-row column.
 */
function createMemberIndex(model: Model) {
  const { ids, values, status, eqStart, eqCell, cellStart, cellEq, cellMember } = model;
  const eqCount = model.eqCount;
  const single = (c: number) => (cellStart[c + 1] as number) - (cellStart[c] as number) === 1;
  const byCost = (a: number, b: number) =>
    (values[a] as number) - (values[b] as number) || compare(ids[a] as string, ids[b] as string);

  const openStart = new Int32Array(eqCount + 1);
  const openMembers = new Int32Array(eqStart[eqCount] as number);
  for (let e = 0; e < eqCount; e++) {
    let at = openStart[e] as number;
    for (let k = eqStart[e] as number; k < (eqStart[e + 1] as number); k++) {
      if (status[eqCell[k] as number] === OPEN) openMembers[at++] = k;
    }
    openStart[e + 1] = at;
  }
  const openSorted = new Uint8Array(eqCount);
  const openFirst = openStart.slice(0, eqCount);
  const openFree: number[] = [];
  for (let c = 0; c < values.length; c++) if (status[c] === OPEN && single(c)) openFree.push(c);
  openFree.sort(byCost);

  const index = {
    /** Per equation, the positions of its hidden members. */
    hidden: Array.from({ length: eqCount }, (): number[] => []),
    /** Hidden cells in a single equation: the ways in and out of the FREE state. */
    hiddenFree: [] as number[],
    /** Cells shown at the start that sit in a single equation, cheapest first; those hidden since are to be skipped. */
    openFree,
    openMembers,
    openEnd: (e: number): number => openStart[e + 1] as number,
    /**
     * Where equation e's shown members start in openMembers, cheapest first. Cells only ever go from shown to hidden,
     * so the start moves past the cheap ones as they get hidden; later entries hidden since are to be skipped.
     */
    openBegin(e: number): number {
      // Most equations never need ranking, so each is sorted the first time a search asks.
      if (!openSorted[e]) {
        openSorted[e] = 1;
        openMembers
          .subarray(openStart[e] as number, openStart[e + 1] as number)
          .sort((p, q) => byCost(eqCell[p] as number, eqCell[q] as number));
      }
      let at = openFirst[e] as number;
      while (at < (openStart[e + 1] as number) && status[eqCell[openMembers[at] as number] as number] !== OPEN) at++;
      openFirst[e] = at;
      return at;
    },
    hide(c: number): void {
      for (let j = cellStart[c] as number; j < (cellStart[c + 1] as number); j++) {
        (index.hidden[cellEq[j] as number] as number[]).push(cellMember[j] as number);
      }
      if (single(c)) index.hiddenFree.push(c);
    },
  };
  for (let c = 0; c < status.length; c++) if (status[c] === HIDDEN) index.hide(c);
  return index;
}

/**
 * Closed walks over the graph of equations. A state is (equation, sign of the change that arrived there); the next
 * cell must cancel it. The state FREE stands for "no equation": a cell in only one equation leads there, and walks
 * may leave and re-enter it freely because nothing has to balance there.
 */
function createWalkSearch(model: Model, members: MemberIndex) {
  const { values, status, eqCell, eqCoef, memberNext, memberNextCoef, cellStart, cellEq, cellCoef } = model;
  const { hidden: hiddenMembers, hiddenFree, openFree, openMembers } = members;
  const stateCount = 2 * model.eqCount + 1;
  const FREE = stateCount - 1;
  const stateOf = (e: number, charge: number) => 2 * e + (charge > 0 ? 0 : 1);
  const degreeOf = (c: number) => (cellStart[c + 1] as number) - (cellStart[c] as number);

  /** The state a walk run backwards is in: same equation, opposite sign. */
  const mirror = (state: number) => (state === FREE ? FREE : state ^ 1);
  let stamp = 0;
  const forward = new SearchSide(stateCount);
  const backward = new SearchSide(stateCount);

  /** The state reached by changing member k of the equation in `state` so it cancels the arriving change, or −1. */
  let stepSign = 0;
  const step = (k: number, state: number, x: number): number => {
    const c = eqCell[k] as number;
    const next = memberNext[k] as number;
    if (c === x || next === TO_MANY) return -1;
    const d = (state & 1 ? 1 : -1) * (eqCoef[k] as number);
    if (d < 0 && (values[c] as number) < 2) return -1;
    stepSign = d;
    return next === TO_FREE ? FREE : stateOf(next, (memberNextCoef[k] as number) * d);
  };
  /** Entering an equation from FREE through cell c: raising c always works, lowering it needs c ≥ 2. */
  const lowerable = (c: number): boolean => (values[c] as number) >= 2;
  const enter = (c: number, d: number): number =>
    stateOf(cellEq[cellStart[c] as number] as number, (cellCoef[cellStart[c] as number] as number) * d);

  /** Start and goal of a walk that closes the loop opened by changing x by s. */
  const ends = (x: number, s: number): [number, number] => {
    const first = cellStart[x] as number;
    const e1 = cellEq[first] as number;
    const a1 = cellCoef[first] as number;
    if (degreeOf(x) === 1) return [stateOf(e1, a1 * s), FREE];
    return [stateOf(cellEq[first + 1] as number, (cellCoef[first + 1] as number) * s), stateOf(e1, -a1 * s)];
  };

  /**
   * Bidirectional Dijkstra from both ends of x; the backward side walks the mirrored states, so a walk run backwards
   * changes the same cells by the same amounts. Hidden cells cost nothing; shown ones (if allowed) cost their value
   * and are taken lazily, cheapest first. Searching from both ends makes a dead end on either side cheap to detect.
   */
  const search = (x: number, s: number, allowOpen: boolean): Certificate | null => {
    const [start, goal] = ends(x, s);
    stamp++;
    forward.reset(start, stamp, allowOpen);
    backward.reset(mirror(goal), stamp, allowOpen);
    let best = Number.POSITIVE_INFINITY;
    let meetSide = forward;
    let meetState = -1;

    const relax = (
      side: SearchSide,
      other: SearchSide,
      from: number,
      next: number,
      c: number,
      d: number,
      cost: number,
    ) => {
      if (side.done[next] === stamp || (side.seen[next] === stamp && cost >= (side.dist[next] as number))) return;
      side.seen[next] = stamp;
      side.dist[next] = cost;
      side.parent[next] = from;
      side.parentCell[next] = c;
      side.parentSign[next] = d;
      side.push(cost, next);
      const there = mirror(next);
      if (other.seen[there] === stamp && cost + (other.dist[there] as number) < best) {
        best = cost + (other.dist[there] as number);
        meetSide = side;
        meetState = next;
      }
    };
    const cellAt = (state: number, at: number): number =>
      state === FREE ? (openFree[at] as number) : (eqCell[openMembers[at] as number] as number);
    /** Queues the next shown cell of `state` at or after `at`, keyed by what the walk would cost through it. */
    const queueCursor = (side: SearchSide, id: number, state: number, at: number): void => {
      const end = state === FREE ? openFree.length : members.openEnd(state >> 1);
      let i = at;
      while (i < end && (status[cellAt(state, i)] !== OPEN || cellAt(state, i) === x)) i++;
      if (i === end) return;
      side.cursorFrom[id] = state;
      side.cursorAt[id] = i;
      side.push((side.dist[state] as number) + (values[cellAt(state, i)] as number), -1 - id);
    };

    // Growing the smaller side first is what makes a dead end cheap; at a tie, the side whose end has fewer hidden
    // cells to try, since a cell without a hidden partner in its own equation is the commonest dead end.
    const fanOut = (state: number) =>
      state === FREE ? hiddenFree.length : (hiddenMembers[state >> 1] as number[]).length;
    const preferred = fanOut(backward.root) < fanOut(forward.root) ? backward : forward;
    while (forward.size > 0 && backward.size > 0) {
      if (forward.topPriority() + backward.topPriority() >= best) break;
      const side = forward.size === backward.size ? preferred : forward.size < backward.size ? forward : backward;
      const other = side === forward ? backward : forward;
      const key = side.topPriority();
      const item = side.pop();
      if (item < 0) {
        const id = -1 - item;
        const state = side.cursorFrom[id] as number;
        const at = side.cursorAt[id] as number;
        const c = cellAt(state, at);
        if (state === FREE) {
          relax(side, other, state, enter(c, 1), c, 1, key);
          if (lowerable(c)) relax(side, other, state, enter(c, -1), c, -1, key);
        } else {
          const next = step(openMembers[at] as number, state, x);
          if (next >= 0) relax(side, other, state, next, c, stepSign, key);
        }
        queueCursor(side, id, state, at + 1);
        continue;
      }
      const state = item;
      if (side.done[state] === stamp || key > (side.dist[state] as number)) continue;
      side.done[state] = stamp;
      // A free meeting cannot be beaten, so the expansion stops there.
      if (state === FREE) {
        for (const c of hiddenFree) {
          if (best === 0) break;
          if (c === x) continue;
          relax(side, other, state, enter(c, 1), c, 1, key);
          if (lowerable(c)) relax(side, other, state, enter(c, -1), c, -1, key);
        }
      } else {
        for (const k of hiddenMembers[state >> 1] as number[]) {
          if (best === 0) break;
          const next = step(k, state, x);
          if (next >= 0) relax(side, other, state, next, eqCell[k] as number, stepSign, key);
        }
      }
      if (allowOpen) queueCursor(side, side.cursors++, state, state === FREE ? 0 : members.openBegin(state >> 1));
    }
    if (meetState < 0) return null;

    const d: Certificate = new Map([[x, s]]);
    const collect = (side: SearchSide, from: number) => {
      for (let state = from; state !== side.root; state = side.parent[state] as number) {
        const c = side.parentCell[state] as number;
        d.set(c, (d.get(c) ?? 0) + (side.parentSign[state] as number));
      }
    };
    collect(meetSide, meetState);
    collect(meetSide === forward ? backward : forward, mirror(meetState));
    // A walk may use a cell twice; the summed change must still leave every hidden cell ≥ 1.
    for (const [c, change] of d) {
      if ((values[c] as number) + change < 1) {
        api.rejected = true;
        return null;
      }
    }
    return d;
  };

  const api = {
    /** Set when a walk was found but its summed change would push a cell below 1. */
    rejected: false,
    /** A certificate for hidden cell x using hidden cells only, or (allowOpen) the cheapest one through shown cells. */
    find(x: number, allowOpen: boolean): Certificate | null {
      // Raising x is always allowed; lowering it needs x ≥ 2.
      return search(x, 1, allowOpen) ?? (lowerable(x) ? search(x, -1, allowOpen) : null);
    },
  };
  return api;
}

/**
 * Depth-first search over sign assignments, for cells in three or more equations, where a change no longer travels
 * along a single path. Each step settles the open equation with the fewest ways left to settle it (failing at once
 * when one has none), trying hidden cells first, then shown cells that settle another open equation too, then the
 * cheapest shown ones. Certificates of up to 8, 16 and 32 cells are sought in turn, since a depth-first search left
 * to itself sprawls and hides far more than needed. Bounded, so it may miss a certificate that exists.
 */
function createGeneralSearch(model: Model, members: MemberIndex) {
  const { values, status, eqStart, eqCell, eqCoef, cellStart, cellEq, cellCoef } = model;
  const eqSize = (e: number) => (eqStart[e + 1] as number) - (eqStart[e] as number);
  const change = new Int32Array(values.length);
  const imbalance = new Int32Array(model.eqCount);
  const pendingMark = new Int32Array(model.eqCount);
  let step = 0;
  let spent = 0;
  let maxDegree = 1;
  for (let c = 0; c < values.length; c++)
    maxDegree = Math.max(maxDegree, (cellStart[c + 1] as number) - (cellStart[c] as number));

  return {
    find(x: number): Certificate | null {
      const assigned: number[] = [];
      let open = 0;
      const allowance = Math.min(GENERAL_SEARCH_BUDGET, GENERAL_SEARCH_TOTAL - spent);
      let budget = allowance;
      const apply = (c: number, d: number) => {
        change[c] = (change[c] as number) + d;
        for (let k = cellStart[c] as number; k < (cellStart[c + 1] as number); k++) {
          const e = cellEq[k] as number;
          const before = imbalance[e] as number;
          const after = before + (cellCoef[k] as number) * d;
          imbalance[e] = after;
          if (before === 0 && after !== 0) open++;
          else if (before !== 0 && after === 0) open--;
        }
      };
      /** The open equations, each once; they are marked with the step number to be recognised cheaply. */
      const openEquations = (): number[] => {
        const found: number[] = [];
        step++;
        for (const c of assigned) {
          for (let k = cellStart[c] as number; k < (cellStart[c + 1] as number); k++) {
            const e = cellEq[k] as number;
            if (imbalance[e] !== 0 && pendingMark[e] !== step) {
              pendingMark[e] = step;
              found.push(e);
            }
          }
        }
        return found;
      };
      /** The change of member k that reduces the imbalance of its equation, or 0 if k cannot take it. */
      const moveOf = (k: number, direction: number): number => {
        const c = eqCell[k] as number;
        if (change[c] !== 0 || c === x) return 0;
        const d = direction * (eqCoef[k] as number);
        return d < 0 && (values[c] as number) < 2 ? 0 : d;
      };
      const directionOf = (e: number) => ((imbalance[e] as number) > 0 ? -1 : 1);
      /** How many ways are left to settle e, counted up to `cap`; any usable shown cell counts as plenty. */
      const ways = (e: number, cap: number): number => {
        const direction = directionOf(e);
        let n = 0;
        for (const k of members.hidden[e] as number[]) {
          if (moveOf(k, direction) !== 0 && ++n >= cap) return n;
        }
        for (let at = members.openBegin(e); at < members.openEnd(e); at++) {
          const k = members.openMembers[at] as number;
          if (status[eqCell[k] as number] === OPEN && moveOf(k, direction) !== 0) return n + PLENTY;
        }
        return n;
      };
      const tries = (c: number, d: number): boolean => {
        apply(c, d);
        assigned.push(c);
        if (search()) return true;
        assigned.pop();
        apply(c, -d);
        return false;
      };
      const search = (): boolean => {
        if (open === 0) return true;
        // Each further cell settles at most maxDegree equations; past the size limit, a smaller certificate is sought.
        if (assigned.length + Math.ceil(open / maxDegree) > limit) return false;
        if (--budget < 0) return false;
        // Small equations first: they tend to have the fewest ways, which caps the counting in the large ones.
        const pending = openEquations().sort((p, q) => eqSize(p) - eqSize(q) || p - q);
        let e = -1;
        let fewest = Number.POSITIVE_INFINITY;
        for (const candidate of pending) {
          const n = ways(candidate, fewest);
          if (n === 0) return false;
          if (n < fewest) {
            fewest = n;
            e = candidate;
          }
        }
        const direction = directionOf(e);
        const hidden: { c: number; d: number; score: number }[] = [];
        for (const k of members.hidden[e] as number[]) {
          const d = moveOf(k, direction);
          if (d === 0) continue;
          const c = eqCell[k] as number;
          // Prefer moves that settle other open equations and open few new ones.
          let score = 0;
          for (let j = cellStart[c] as number; j < (cellStart[c + 1] as number); j++) {
            const other = cellEq[j] as number;
            const now = imbalance[other] as number;
            if (other !== e) score += Math.abs(now + (cellCoef[j] as number) * d) - Math.abs(now);
          }
          hidden.push({ c, d, score });
        }
        hidden.sort((p, q) => p.score - q.score || p.c - q.c);
        for (const { c, d } of hidden.slice(0, Math.max(BRANCHES, hidden.filter((h) => h.score < 0).length))) {
          if (tries(c, d)) return true;
          if (budget < 0) return false;
        }
        // Shown cells of e that settle another open equation too (e is the most constrained, so usually small).
        const closers: { c: number; d: number }[] = [];
        const mark = step;
        for (let k = eqStart[e] as number; k < (eqStart[e + 1] as number); k++) {
          const c = eqCell[k] as number;
          if (status[c] !== OPEN) continue;
          const d = moveOf(k, direction);
          if (d === 0) continue;
          for (let j = cellStart[c] as number; j < (cellStart[c + 1] as number); j++) {
            const other = cellEq[j] as number;
            if (
              other !== e &&
              pendingMark[other] === mark &&
              (imbalance[other] as number) * (cellCoef[j] as number) * d < 0
            ) {
              closers.push({ c, d });
              break;
            }
          }
        }
        closers.sort((p, q) => (values[p.c] as number) - (values[q.c] as number) || p.c - q.c);
        for (const { c, d } of closers) {
          if (change[c] === 0 && tries(c, d)) return true;
          if (budget < 0) return false;
        }
        let tried = 0;
        for (let at = members.openBegin(e); at < members.openEnd(e) && tried < BRANCHES; at++) {
          const k = members.openMembers[at] as number;
          if (status[eqCell[k] as number] !== OPEN) continue;
          const d = moveOf(k, direction);
          if (d === 0) continue;
          tried++;
          if (tries(eqCell[k] as number, d)) return true;
          if (budget < 0) return false;
        }
        return false;
      };

      let result: Certificate | null = null;
      let limit = 0;
      // Iterative deepening on the number of cells keeps certificates compact, which is what keeps the number of
      // extra cells hidden down; a depth-first search left to itself sprawls.
      for (limit of SIZE_LIMITS) {
        for (const s of (values[x] as number) >= 2 ? [1, -1] : [1]) {
          apply(x, s);
          assigned.push(x);
          if (search()) result = new Map(assigned.map((c) => [c, change[c] as number]));
          // Undo everything so the scratch arrays are clean for the next call.
          while (assigned.length > 0) {
            const c = assigned.pop() as number;
            apply(c, -(change[c] as number));
          }
          if (result || budget < 0) break;
        }
        if (result || budget < 0) break;
      }
      spent += allowance - Math.max(budget, 0);
      return result;
    },
  };
}

/** One direction of the bidirectional search: per-state marks (valid when equal to the search's stamp) and links. */
class SearchSide {
  readonly seen: Int32Array;
  readonly done: Int32Array;
  readonly dist: Float64Array;
  readonly parent: Int32Array;
  readonly parentCell: Int32Array;
  readonly parentSign: Int8Array;
  /** Lazy cursors over an equation's shown cells: the state they leave from and the next position to try. */
  readonly cursorFrom: Int32Array;
  readonly cursorAt: Int32Array;
  cursors = 0;
  root = 0;
  /** With hidden cells only every cost is 0, so a plain queue does what the heap would, faster. */
  private readonly heap = new MinHeap();
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  private costly = false;

  constructor(states: number) {
    this.seen = new Int32Array(states);
    this.done = new Int32Array(states);
    this.dist = new Float64Array(states);
    this.parent = new Int32Array(states);
    this.parentCell = new Int32Array(states);
    this.parentSign = new Int8Array(states);
    this.cursorFrom = new Int32Array(states);
    this.cursorAt = new Int32Array(states);
    this.queue = new Int32Array(states);
  }

  get size(): number {
    return this.costly ? this.heap.size : this.tail - this.head;
  }

  reset(root: number, stamp: number, costly: boolean): void {
    this.costly = costly;
    this.heap.clear();
    this.head = 0;
    this.tail = 0;
    this.cursors = 0;
    this.root = root;
    this.seen[root] = stamp;
    this.dist[root] = 0;
    this.push(0, root);
  }

  push(priority: number, item: number): void {
    if (this.costly) this.heap.push(priority, item);
    else this.queue[this.tail++] = item;
  }

  topPriority(): number {
    return this.costly ? this.heap.topPriority() : 0;
  }

  pop(): number {
    return this.costly ? this.heap.pop() : (this.queue[this.head++] as number);
  }
}

/** Binary min-heap of (priority, item); ties pop in insertion order, which keeps results deterministic. */
class MinHeap {
  private priority: number[] = [];
  private order: number[] = [];
  private state: number[] = [];
  private counter = 0;

  get size(): number {
    return this.state.length;
  }

  clear(): void {
    this.priority.length = 0;
    this.order.length = 0;
    this.state.length = 0;
    this.counter = 0;
  }

  push(priority: number, state: number): void {
    this.priority.push(priority);
    this.order.push(this.counter++);
    this.state.push(state);
    let i = this.state.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.less(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }

  topPriority(): number {
    return this.priority[0] as number;
  }

  pop(): number {
    const top = this.state[0] as number;
    const last = this.state.length - 1;
    this.swap(0, last);
    this.priority.pop();
    this.order.pop();
    this.state.pop();
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < last && this.less(left, best)) best = left;
      if (right < last && this.less(right, best)) best = right;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    const pi = this.priority[i] as number;
    const pj = this.priority[j] as number;
    return pi < pj || (pi === pj && (this.order[i] as number) < (this.order[j] as number));
  }

  private swap(i: number, j: number): void {
    swapAt(this.priority, i, j);
    swapAt(this.order, i, j);
    swapAt(this.state, i, j);
  }
}

function swapAt(a: number[], i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
