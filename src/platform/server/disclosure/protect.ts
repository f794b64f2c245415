// Secondary suppression chosen by a solver (decision 014): the LP heuristic of Kelly, Golden and Assad (1992) and
// Fischetti and Salazar-González (1999/2000), as τ-ARGUS and sdcTable use it. For each sensitive cell and each
// direction, a linear program finds the cheapest change of the table that keeps every rule, moves the sensitive cell
// by its protection level and changes published cells as little as possible (cost per unit: 1 + value, hidden cells
// free); every cell it changes is hidden. The changed table is then a second table consistent with what is shown,
// which is what protection means, and it is handed to the audit as a certificate. The audit (audit.ts) checks the
// outcome independently before anything is returned.
//
// The parts: protect-state.ts (the working state), protect-neighbourhood.ts (where a cell's program looks),
// protect-deviation.ts (one cell's program), protect-cell.ts (protecting one cell, and the fallbacks); this file
// spreads the cells over threads and has the audit decide.
import { auditPublication } from './audit.ts';
import { runInWorkers, splitEvenly, threadCount } from './parallel.ts';
import { ensureProtected, hideComponent, hideRules } from './protect-cell.ts';
import { WHOLE_PIECE } from './protect-neighbourhood.ts';
import { createProtector, type ProtectInput, remaining } from './protect-state.ts';
import { CANDIDATE, FIXED, HIDDEN, type System } from './system.ts';
import { type AuditResult, type Certificate, validateInput } from './types.ts';

export type { ProtectInput, Protector } from './protect-state.ts';

export type ProtectResult = {
  /** Every cell to show as "..": primary, secondary and forced. */
  hidden: Set<string>;
  /** The sensitive cells (1..k−1 counts not known to the viewer). */
  primary: Set<string>;
  /**
   * The independent audit of `hidden`. Publish only when `audit.ok`. Its `pinned` is not computed here (it is
   * empty): call auditPublication for that report.
   */
  audit: AuditResult;
  /**
   * The second tables the protector found, each checked by the audit before it counted. Pass them to
   * `auditPublication` to re-check a stored pattern quickly; the audit solves for whatever they do not prove.
   */
  certificates: Certificate[];
  stats: {
    lps: number;
    fallbacks: number;
    seconds: number;
    /** Of `seconds`, the audit (and its re-runs after repairs). */
    auditSeconds?: number;
    /** Worker threads used (1: this thread only). */
    threads?: number;
  };
};

/**
 * Neighbourhood sizes tried in turn for one cell's linear program. Most protections are found among the nearest
 * hundred cells; a larger neighbourhood is tried only when the smaller one has no solution, and when the last has
 * none the cell falls back (decision 014, "Fallback"). The whole connected piece is tried only for a cell the audit
 * refused.
 */
const TIERS = [100, 400, 1_600, 6_400];
/** Below this many sensitive cells the work stays in this thread (a worker thread costs its start-up). */
const PARALLEL_MIN_SENSITIVE = 3_000;

export async function protect(input: ProtectInput): Promise<ProtectResult> {
  const started = performance.now();
  const byId = validateInput(input);
  for (const id of input.forced ?? []) if (!byId.has(id)) throw new Error(`forced: unknown cell ${id}`);
  const ctx = await createProtector(input, started + (input.limits?.totalSeconds ?? 300) * 1000);
  const { sys } = ctx;
  const primary = new Set<string>();
  for (let v = 0; v < sys.labels.length; v++) {
    if (sys.sensitive[v] && sys.state[v] !== FIXED && (sys.cellIndex[v] as number) >= 0) {
      primary.add(sys.labels[v] as string);
    }
  }
  const targets = sensitiveTargets(sys);

  // Both cores for a large publication: each thread protects a run of the sensitive cells in input order (callers
  // list cells place by place, so a run is mostly a set of neighbouring places). The union of the threads' patterns
  // keeps every thread's certificates valid: hiding more never removes a second table. Where two threads protect
  // neighbouring cells, both may hide something for it: a little more suppression than one thread would choose.
  const wanted = threadCount(input.limits?.threads);
  const parallel =
    input.cost === undefined &&
    wanted > 1 &&
    (input.limits?.threads !== undefined || targets.length >= PARALLEL_MIN_SENSITIVE);
  const parts = parallel ? splitEvenly(targets, wanted) : [targets];
  if (parts.length > 1) {
    const { cost: _cost, ...cloneable } = input;
    const seconds = remaining(ctx);
    const results = await runInWorkers<ProtectPartResult>(
      parts.map((part) => ({ kind: 'protect', input: cloneable, part, seconds })),
      parts.length,
    );
    for (const result of results) {
      for (const v of result.hidden) if (sys.state[v] === CANDIDATE) sys.state[v] = HIDDEN;
      ctx.certificates.push(...result.certificates);
      ctx.stats.lps += result.lps;
      ctx.stats.fallbacks += result.fallbacks;
    }
  } else {
    for (const v of targets) ensureProtected(ctx, v, TIERS);
  }

  // The independent audit decides. What it refuses gets the whole connected piece as its neighbourhood, then the
  // fallbacks: hide the rules around the cell, then every cell connected to it.
  const index = new Map(sys.labels.map((label, v) => [label, v]));
  const auditInput = { ...input, limits: { ...input.limits, totalSeconds: input.limits?.totalSeconds ?? 300 } };
  let auditSeconds = 0;
  const runAudit = async () => {
    const at = performance.now();
    const result = await auditPublication({
      ...auditInput,
      hidden: hiddenIds(sys, input),
      certificates: ctx.certificates,
      reportPinned: false,
    });
    auditSeconds += (performance.now() - at) / 1000;
    return result;
  };
  let audit = await runAudit();
  for (let round = 0; round < 3 && !audit.ok; round++) {
    for (const violation of audit.violations) {
      const v = index.get(violation.id);
      if (v === undefined || violation.kind === 'shown') continue;
      if (round === 0) {
        ctx.open[0][v] = undefined;
        ctx.open[1][v] = undefined;
        ensureProtected(ctx, v, [WHOLE_PIECE]);
      } else if (round === 1) hideRules(ctx, v);
      else hideComponent(sys, v);
    }
    audit = await runAudit();
  }
  return {
    hidden: hiddenIds(sys, input),
    primary,
    audit,
    certificates: ctx.certificates,
    stats: {
      ...ctx.stats,
      lps: ctx.stats.lps + audit.lps,
      seconds: (performance.now() - started) / 1000,
      auditSeconds,
      threads: parts.length,
    },
  };
}

export type ProtectPartResult = { hidden: number[]; certificates: Certificate[]; lps: number; fallbacks: number };

/**
 * One worker thread's share: protect the sensitive variables `part` of the publication (see protect), within
 * `seconds`. The thread builds the same system from the same input, so variable numbers agree with the caller's.
 */
export async function protectPart(input: ProtectInput, part: number[], seconds: number): Promise<ProtectPartResult> {
  const ctx = await createProtector(input, performance.now() + seconds * 1000);
  for (const v of part) ensureProtected(ctx, v, TIERS);
  const hidden: number[] = [];
  for (let v = 0; v < ctx.sys.labels.length; v++) if (ctx.sys.state[v] === HIDDEN) hidden.push(v);
  return { hidden, certificates: ctx.certificates, lps: ctx.stats.lps, fallbacks: ctx.stats.fallbacks };
}

/** Sensitive variables that can be protected (not pinned by what the viewer knows: the audit reports those). */
function sensitiveTargets(sys: System): number[] {
  const targets: number[] = [];
  for (let v = 0; v < sys.labels.length; v++) if (sys.sensitive[v] && sys.state[v] !== FIXED) targets.push(v);
  return targets;
}

function hiddenIds(sys: System, input: ProtectInput): Set<string> {
  const hidden = new Set<string>();
  for (let v = 0; v < sys.labels.length; v++) {
    const c = sys.cellIndex[v] as number;
    if (c >= 0 && sys.state[v] === HIDDEN) hidden.add(input.cells[c]?.id as string);
  }
  return hidden;
}
