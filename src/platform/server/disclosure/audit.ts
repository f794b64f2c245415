// The attacker audit (decision 014): written apart from the protector on purpose, sharing only the LP wrapper and
// the input checks. It takes what a viewer would hold — every published cell, the rules, every earlier publication —
// and for each hidden cell asks the solver how small and how large it can be. A sensitive count whose interval does
// not reach 0 and k refuses the publication; a limit hit refuses it too (nothing unproven is published). The attack
// is made by the outsider and by each owner of cells, who knows its own (decision 014, "Owners").
import { type LinearProgram, LpModel, solver } from './lp.ts';
import {
  type AuditResult,
  DEFAULT_K,
  type DisclosureInput,
  isSensitive,
  type SolverLimits,
  TOLERANCE,
  type Violation,
  validateInput,
} from './types.ts';

export type AuditInput = DisclosureInput & {
  hidden: ReadonlySet<string>;
  /** Cells hidden whatever their value (ProtectInput's `forced`): hidden like `hidden`, sensitive or not. */
  forced?: ReadonlySet<string>;
  limits?: SolverLimits;
};

/** What the attacker is trying to learn, one entry per unknown. */
type Unknown = { key: string; value: number; upper: number; sensitive: boolean; owner: string | undefined };
type Row = { terms: Map<string, number>; lower: number; upper: number };

export async function auditPublication(input: AuditInput): Promise<AuditResult> {
  const started = performance.now();
  const k = input.k ?? DEFAULT_K;
  const lpSeconds = input.limits?.lpSeconds ?? 10;
  const deadline = started + (input.limits?.totalSeconds ?? 300) * 1000;
  const byId = validateInput(input);
  for (const id of input.forced ?? []) if (!byId.has(id)) throw new Error(`forced: unknown cell ${id}`);
  const earlier = input.earlier ?? [];
  const isHidden = (id: string) => input.hidden.has(id) || (input.forced?.has(id) ?? false);

  // 1. Who is known to the attacker and who is unknown. An unchanged cell is one unknown across publications.
  const fixed = new Map<string, number>();
  const unknowns = new Map<string, Unknown>();
  const violations: Violation[] = [];
  for (const cell of input.cells) {
    const shownEarlier = earlier.some((e) => e.values.get(cell.id) === cell.value && !e.hidden.has(cell.id));
    const sensitive = isSensitive(cell.value, cell.count ?? true, cell.known ?? false, k);
    if (cell.known || !isHidden(cell.id) || shownEarlier) {
      fixed.set(cell.id, cell.value);
      if (sensitive)
        violations.push({ id: cell.id, value: cell.value, kind: 'shown', interval: [cell.value, cell.value] });
    } else {
      unknowns.set(cell.id, {
        key: cell.id,
        value: cell.value,
        upper: cell.upper ?? Infinity,
        sensitive,
        owner: cell.owner,
      });
    }
  }
  const keyOf = (e: number, id: string): string | undefined => {
    const then = earlier[e]?.values.get(id);
    if (then === undefined) return undefined;
    return then === byId.get(id)?.value ? id : `${id}@earlier[${e}]`;
  };
  earlier.forEach((publication, e) => {
    for (const [id, then] of publication.values) {
      const key = keyOf(e, id) as string;
      if (key === id) continue;
      const cell = byId.get(id);
      if (cell?.known || !publication.hidden.has(id)) fixed.set(key, then);
      else {
        const sensitive = isSensitive(then, cell?.count ?? true, false, k);
        unknowns.set(key, { key, value: then, upper: cell?.upper ?? Infinity, sensitive, owner: cell?.owner });
      }
    }
  });

  // 2. The rules as the attacker writes them: fixed cells moved to the constant side.
  const rows: Row[] = [];
  const addRow = (relation: DisclosureInput['relations'][number], keys: string[]) => {
    const terms = new Map<string, number>();
    let constant = relation.constant ?? 0;
    relation.terms.forEach(([, coef], i) => {
      const key = keys[i] as string;
      const known = fixed.get(key);
      if (known !== undefined) constant -= coef * known;
      else terms.set(key, coef);
    });
    if (terms.size === 0) return;
    const op = relation.op ?? '=';
    rows.push({ terms, lower: op === '<=' ? -Infinity : constant, upper: op === '>=' ? Infinity : constant });
  };
  for (const relation of input.relations) {
    addRow(
      relation,
      relation.terms.map(([id]) => id),
    );
    earlier.forEach((_, e) => {
      const keys = relation.terms.map(([id]) => keyOf(e, id));
      if (keys.some((key) => key === undefined)) return;
      if (keys.every((key, i) => key === relation.terms[i]?.[0])) return;
      addRow(relation, keys as string[]);
    });
  }

  // 3. Independent pieces: unknowns linked by a rule belong together.
  const parent = new Map<string, string>([...unknowns.keys()].map((key) => [key, key]));
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  for (const row of rows) {
    const [first, ...rest] = [...row.terms.keys()];
    for (const key of rest) parent.set(find(key), find(first as string));
  }
  const components = new Map<string, string[]>();
  for (const key of unknowns.keys()) {
    const root = find(key);
    const list = components.get(root);
    if (list) list.push(key);
    else components.set(root, [key]);
  }
  const rowsOf = new Map<string, Row[]>();
  for (const row of rows) {
    const root = find(row.terms.keys().next().value as string);
    const list = rowsOf.get(root);
    if (list) list.push(row);
    else rowsOf.set(root, [row]);
  }

  // 4. Each piece: bound every unknown, as the outsider sees it.
  const highs = await solver();
  const pinned: AuditResult['pinned'] = [];
  let lps = 0;
  for (const [root, keys] of components) {
    const members = keys.map((key) => unknowns.get(key) as Unknown);
    const result = auditComponent(highs, members, rowsOf.get(root) ?? [], k, lpSeconds, deadline, true);
    lps += result.lps;
    violations.push(...result.violations);
    pinned.push(...result.pinned);
  }

  // 5. Each owner as the attacker: it knows its own cells, so in the pieces that hold some of them those are
  // constants too. The other pieces look to it as they look to the outsider. A cell the outsider already narrows is
  // reported once.
  const refused = new Set(violations.map((v) => v.id));
  const piecesOf = new Map<string, Set<string>>();
  for (const unknown of unknowns.values()) {
    if (unknown.owner === undefined) continue;
    const pieces = piecesOf.get(unknown.owner) ?? new Set<string>();
    pieces.add(find(unknown.key));
    piecesOf.set(unknown.owner, pieces);
  }
  for (const [owner, pieces] of piecesOf) {
    for (const root of pieces) {
      const keys = components.get(root) as string[];
      const members = keys
        .map((key) => unknowns.get(key) as Unknown)
        .filter((m) => m.owner !== owner)
        // An owner is an attacker of the other owners' cells; an aggregate (no owner) cannot be kept from an owner
        // who contributes to it (its own part is a floor), and what it could learn through one about the others
        // is in their own cells, checked here (decision 014, "Owners").
        .map((m) => ({ ...m, sensitive: m.sensitive && m.owner !== undefined && !refused.has(m.key) }));
      if (!members.some((m) => m.sensitive)) continue;
      const known = new Map<string, number>();
      for (const key of keys) {
        const m = unknowns.get(key) as Unknown;
        if (m.owner === owner) known.set(key, m.value);
      }
      const ownerRows: Row[] = [];
      for (const row of rowsOf.get(root) ?? []) {
        const terms = new Map<string, number>();
        let shift = 0;
        for (const [key, coef] of row.terms) {
          const value = known.get(key);
          if (value === undefined) terms.set(key, coef);
          else shift += coef * value;
        }
        if (terms.size > 0) ownerRows.push({ terms, lower: row.lower - shift, upper: row.upper - shift });
      }
      const result = auditComponent(highs, members, ownerRows, k, lpSeconds, deadline, false);
      lps += result.lps;
      for (const violation of result.violations) {
        refused.add(violation.id);
        violations.push({ ...violation, attacker: owner });
      }
    }
  }
  violations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ok: violations.length === 0, violations, pinned, lps };
}

function auditComponent(
  highs: Awaited<ReturnType<typeof solver>>,
  members: Unknown[],
  rows: Row[],
  k: number,
  lpSeconds: number,
  deadline: number,
  /** Also bound the cells that are not sensitive, to report the pinned ones (the outsider's view only). */
  reportPinned: boolean,
): Pick<AuditResult, 'violations' | 'pinned' | 'lps'> {
  const n = members.length;
  const col = new Map(members.map((m, i) => [m.key, i]));
  const lp: LinearProgram = {
    numCols: n,
    colLower: new Float64Array(n),
    colUpper: Float64Array.from(members, (m) => m.upper),
    rows: rows.map((row) => ({
      cols: [...row.terms.keys()].map((key) => col.get(key) as number),
      coefs: [...row.terms.values()],
      lower: row.lower,
      upper: row.upper,
    })),
  };
  // Witnesses: values some table consistent with the publication gives each unknown. The true table is one.
  const lo = Float64Array.from(members, (m) => m.value);
  const hi = Float64Array.from(members, (m) => m.value);
  const done = (i: number, side: 'lo' | 'hi'): boolean => {
    const m = members[i] as Unknown;
    if (m.sensitive) return side === 'lo' ? (lo[i] as number) <= TOLERANCE : (hi[i] as number) >= k - TOLERANCE;
    return !reportPinned || (hi[i] as number) - (lo[i] as number) > TOLERANCE;
  };
  const witness = (x: Float64Array) => {
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (v < (lo[i] as number)) lo[i] = v;
      if (v > (hi[i] as number)) hi[i] = v;
    }
  };
  const model = new LpModel(highs, lp, lpSeconds);
  let lps = 0;
  const cost = new Float64Array(n);
  const exact = new Map<number, { lo?: number; hi?: number; failed?: boolean }>();
  try {
    // Batches first: push all open sensitive cells up (capped at k, which keeps every answer a valid table) and
    // down at once, and every other unknown one unit up; each answer is a witness for many cells.
    for (const side of ['hi', 'lo'] as const) {
      for (let round = 0; round < 3 && performance.now() < deadline; round++) {
        const open = members.map((_, i) => i).filter((i) => !done(i, side));
        if (open.length === 0) break;
        cost.fill(0);
        for (const i of open) {
          cost[i] = 1;
          const m = members[i] as Unknown;
          if (side === 'hi') model.setColBounds(i, 0, Math.min(m.upper, m.sensitive ? k : m.value + 1));
        }
        const outcome = model.optimise(side === 'hi' ? 'max' : 'min', cost);
        lps++;
        for (const i of open) model.setColBounds(i, 0, (members[i] as Unknown).upper);
        if (outcome.status !== 'optimal') break;
        witness(outcome.x);
        if (open.every((i) => !done(i, side))) break;
      }
    }
    // Then each cell still open, on its own.
    for (let i = 0; i < n; i++) {
      for (const side of ['lo', 'hi'] as const) {
        if (done(i, side)) continue;
        const entry = exact.get(i) ?? {};
        exact.set(i, entry);
        if (performance.now() > deadline) {
          entry.failed = true;
          continue;
        }
        cost.fill(0);
        cost[i] = 1;
        const outcome = model.optimise(side === 'lo' ? 'min' : 'max', cost);
        lps++;
        if (outcome.status === 'optimal') {
          witness(outcome.x);
          entry[side] = outcome.x[i] as number;
        } else if (side === 'hi' && (outcome.status === 'unbounded' || outcome.status === 'unboundedOrInfeasible')) {
          // The true table is feasible, so "unbounded or infeasible" is unbounded here.
          hi[i] = Infinity;
          entry.hi = Infinity;
        } else {
          entry.failed = true;
        }
      }
    }
  } finally {
    model.dispose();
  }
  const violations: Violation[] = [];
  const pinned: AuditResult['pinned'] = [];
  for (const [i, entry] of exact) {
    const m = members[i] as Unknown;
    const interval = [lo[i] as number, hi[i] as number] as const;
    if (m.sensitive && (entry.failed || !done(i, 'lo') || !done(i, 'hi'))) {
      violations.push({ id: m.key, value: m.value, kind: entry.failed ? 'unverified' : 'narrowed', interval });
    } else if (!m.sensitive && !entry.failed && !done(i, 'hi')) pinned.push({ id: m.key, value: m.value });
  }
  return { violations, pinned, lps };
}
