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
//
// The parts: audit-attack.ts (the attacker's view), audit-programs.ts (neighbourhoods and programs), audit-tables.ts
// (certificates and witnesses), audit-prove.ts (proving the sensitive cells); this file puts them together.
import { type Attack, type AuditInput, MOVED, prepare, TIERS } from './audit-attack.ts';
import { localProgram, NOBODY, neighbourhood, tableOf } from './audit-programs.ts';
import { proveAll } from './audit-prove.ts';
import { checkCertificates, witness } from './audit-tables.ts';
import { LpModel } from './lp.ts';
import { runInWorkers, splitEvenly, threadCount } from './parallel.ts';
import type { AuditResult, Violation } from './types.ts';

export type { AuditInput } from './audit-attack.ts';

/** Below this many sensitive unknowns the audit stays in this thread (a worker thread costs its start-up). */
const PARALLEL_MIN_SENSITIVE = 3_000;

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
