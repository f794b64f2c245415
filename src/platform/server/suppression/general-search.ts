// The bounded depth-first fallback for cells in three or more equations (suppress.ts).
import {
  BRANCHES,
  type Certificate,
  GENERAL_SEARCH_BUDGET,
  GENERAL_SEARCH_TOTAL,
  type Model,
  OPEN,
  PLENTY,
  SIZE_LIMITS,
} from './model.ts';
import type { MemberIndex } from './walk-search.ts';

/**
 * Depth-first search over sign assignments, for cells in three or more equations, where a change no longer travels
 * along a single path. Each step settles the open equation with the fewest ways left to settle it (failing at once
 * when one has none), trying hidden cells first, then shown cells that settle another open equation too, then the
 * cheapest shown ones. Certificates of up to 8, 16 and 32 cells are sought in turn, since a depth-first search left
 * to itself sprawls and hides far more than needed. Bounded, so it may miss a certificate that exists.
 */
export function createGeneralSearch(model: Model, members: MemberIndex) {
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
