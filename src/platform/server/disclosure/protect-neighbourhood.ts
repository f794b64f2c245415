// The neighbourhoods the protector solves in (protect.ts): the variables around a sensitive cell, nearest first.
import type { Exclusion, Protector } from './protect-state.ts';
import { FIXED, HIDDEN, type SystemRow } from './system.ts';

/** A neighbourhood this large takes every cell of each rule it grows through (the whole connected piece). */
export const WHOLE_PIECE = 25_000;
/**
 * From each rule a neighbourhood grows through, only this many of its cells (hidden ones first, then the cheapest):
 * a region's sum over its municipalities need not bring all of them in to offer a compensating one.
 */
const FANOUT = 3;

/**
 * The variables around s, nearest first, grown on demand (`grow(cap)` extends the same search to `cap` variables,
 * so the tiers of one cell share it): a step to a hidden cell counts 1, to a published one 2 (it would have to be
 * hidden). From each rule only the FANOUT nearest-to-free cells are taken (hidden first, then the cheapest) and the
 * row's other side (a sum's total), except for the whole piece. Fixed cells are constants, never variables; so are
 * the cells of the owners in `exclude`, when the table must be one those owners cannot rule out. `complete`:
 * everything connected is in. Uses ctx.mark and ctx.dist until the next search starts.
 */
export class Neighbourhood {
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
