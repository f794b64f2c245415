// Protecting one sensitive cell (protect.ts): each direction, first against everyone at once (a cell with an owner),
// then the outsider, then the owners still open, in growing neighbourhoods; the fallbacks when none of them serves.
import { solveDeviation } from './protect-deviation.ts';
import { Neighbourhood } from './protect-neighbourhood.ts';
import { type Exclusion, NOBODY, type Protector } from './protect-state.ts';
import { CANDIDATE, FIXED, HIDDEN, type System, type SystemRow } from './system.ts';

export function ensureProtected(ctx: Protector, s: number, tiers: number[]): void {
  const { sys, k } = ctx;
  const value = sys.values[s] as number;
  for (const direction of [0, 1] as const) {
    const level = direction === 0 ? k - value : -value;
    // A cell with an owner: first a table that moves no other owner's cells (it proves the cell to everyone at
    // once; usually it hides region totals, which then serve the region's other cells for free).
    const own = sys.owner[s] as number;
    if (own >= 0 && sys.owners.length > 1 && ctx.open[direction][s] === undefined) {
      const foreign: Exclusion = { size: 1, has: (o) => o >= 0 && o !== own };
      const around = new Neighbourhood(ctx, s, foreign);
      for (const cap of tiers.slice(0, 2)) {
        if (performance.now() > ctx.deadline) break;
        const hood = around.grow(cap);
        if (solveDeviation(ctx, s, direction, level, hood.vars) !== 'infeasible' || hood.complete) break;
      }
    }
    // Then against the outsider. Then, while some owners are moved by every table found, against them: a table
    // that leaves their cells alone (their cells are constants in the program) — all of them at once in the
    // smaller neighbourhoods, else one at a time through every neighbourhood.
    let together = true;
    for (;;) {
      const open = ctx.open[direction][s];
      if (open !== undefined && open.size === 0) break;
      const all = together && open !== undefined && open.size > 1;
      const exclude: Exclusion =
        open === undefined ? NOBODY : all ? open : new Set([open.values().next().value as number]);
      let solved = false;
      let complete = false;
      const around = new Neighbourhood(ctx, s, exclude);
      for (const cap of all ? tiers.slice(0, 2) : tiers) {
        if (performance.now() > ctx.deadline) break;
        const hood = around.grow(cap);
        complete = hood.complete;
        const outcome = solveDeviation(ctx, s, direction, level, hood.vars);
        if (outcome === 'limit') break;
        if (outcome === 'solved') {
          solved = true;
          break;
        }
        if (complete) break;
      }
      if (solved) continue;
      if (all) {
        together = false;
        continue;
      }
      // Infeasible over everything connected: no pattern protects it (the audit reports it). Otherwise fall back.
      if (!complete) hideRules(ctx, s);
      break;
    }
  }
}

/** Fallback: hide every cell of every rule the cell is in. The audit then decides. */
export function hideRules(ctx: Protector, s: number): void {
  ctx.stats.fallbacks++;
  for (const r of ctx.sys.rowsOf[s] as number[]) {
    for (const w of (ctx.sys.rows[r] as SystemRow).vars) {
      if (ctx.sys.state[w] === CANDIDATE) ctx.sys.state[w] = HIDDEN;
    }
  }
}

/** Last fallback: hide everything connected to the cell through rules (the most an attacker can be denied). */
export function hideComponent(sys: System, s: number): void {
  const seen = new Set([s]);
  const stack = [s];
  while (stack.length > 0) {
    const u = stack.pop() as number;
    if (sys.state[u] === CANDIDATE) sys.state[u] = HIDDEN;
    for (const r of sys.rowsOf[u] as number[]) {
      for (const w of (sys.rows[r] as SystemRow).vars) {
        if (!seen.has(w) && sys.state[w] !== FIXED) {
          seen.add(w);
          stack.push(w);
        }
      }
    }
  }
}
