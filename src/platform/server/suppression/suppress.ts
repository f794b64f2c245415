// Small-count suppression for published statistics tables (reliability guide, item 19): counts 1..k−1 are shown as
// "..", and further cells are hidden until no hidden count can be worked out from the totals and figures still shown.

import { createGeneralSearch } from './general-search.ts';
import {
  buildModel,
  type Certificate,
  HIDDEN,
  type Model,
  OPEN,
  type SuppressionCell,
  type SuppressionGroup,
} from './model.ts';
import { createMemberIndex, createWalkSearch } from './walk-search.ts';

export type { SuppressionCell, SuppressionGroup } from './model.ts';

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
