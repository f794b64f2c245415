// Certificates as closed walks over the graph of equations, for cells in at most two equations (suppress.ts).
import { type Certificate, HIDDEN, type Model, OPEN, TO_FREE, TO_MANY } from './model.ts';
import { compare, SearchSide } from './search-structures.ts';

export type MemberIndex = ReturnType<typeof createMemberIndex>;

/**
 * Each equation's members split by what a search pays for them: hidden ones cost nothing and are kept in their own
 * list; shown ones cost their value and are ranked cheapest first (smallest value, then smallest id), so a search
 * can take them one at a time instead of looking at every member of a 300-row column.
 */
export function createMemberIndex(model: Model) {
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
export function createWalkSearch(model: Model, members: MemberIndex) {
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
