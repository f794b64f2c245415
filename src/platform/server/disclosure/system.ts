// The protector's view of a publication (decision 014), as flat arrays: one variable per current cell and one per
// cell of an earlier publication that has changed since, and the rules over them. The audit builds its own view from
// the input (audit.ts) so that a mistake here cannot hide itself.
import { type DisclosureInput, isSensitive } from './types.ts';

export type System = {
  labels: string[];
  values: Float64Array;
  upper: Float64Array;
  /** Cost of hiding per unit of deviation (current cells); 0 for cells of earlier publications. */
  cost: Float64Array;
  /**
   * 0 candidate (a current cell that may be hidden), 1 hidden, 2 fixed (known to the viewer, or shown by an earlier
   * publication and unchanged since, or shown by an earlier publication: those are constants to the attacker).
   */
  state: Uint8Array;
  /** Index of the current cell, or −1 for a changed cell's earlier value (which can never be "un-hidden"). */
  cellIndex: Int32Array;
  sensitive: Uint8Array;
  /** Index into `owners` of the respondent the variable belongs to (an earlier value belongs to its cell's), or −1. */
  owner: Int32Array;
  owners: string[];
  rows: SystemRow[];
  /** For each variable, the rows it is in. */
  rowsOf: number[][];
};

export type SystemRow = { vars: number[]; coefs: number[]; op: '=' | '<=' | '>='; constant: number };

export const CANDIDATE = 0;
export const HIDDEN = 1;
export const FIXED = 2;

export function buildSystem(input: DisclosureInput, k: number, cost: (value: number) => number): System {
  const earlier = input.earlier ?? [];
  const labels: string[] = [];
  const values: number[] = [];
  const upper: number[] = [];
  const costs: number[] = [];
  const state: number[] = [];
  const cellIndex: number[] = [];
  const sensitive: number[] = [];
  const owner: number[] = [];
  const owners: string[] = [];
  const ownerIndex = new Map<string, number>();
  const ownerOf = (name: string | undefined): number => {
    if (name === undefined) return -1;
    let o = ownerIndex.get(name);
    if (o === undefined) {
      o = owners.length;
      owners.push(name);
      ownerIndex.set(name, o);
    }
    return o;
  };
  const index = new Map<string, number>();
  input.cells.forEach((cell, c) => {
    const shownEarlier = earlier.some((e) => e.values.get(cell.id) === cell.value && !e.hidden.has(cell.id));
    index.set(cell.id, labels.length);
    labels.push(cell.id);
    values.push(cell.value);
    upper.push(cell.upper ?? Infinity);
    costs.push(cost(cell.value));
    state.push(cell.known || shownEarlier ? FIXED : CANDIDATE);
    cellIndex.push(c);
    sensitive.push(isSensitive(cell.value, cell.count ?? true, cell.known ?? false, k) && !shownEarlier ? 1 : 0);
    owner.push(ownerOf(cell.owner));
  });
  // Earlier values of changed cells: their own variables, hidden (free) or shown (fixed) as they were then.
  const earlierVar = earlier.map((publication, e) => {
    const vars = new Map<string, number>();
    for (const [id, then] of publication.values) {
      const now = index.get(id) as number;
      if (then === values[now]) {
        vars.set(id, now);
        continue;
      }
      const cell = input.cells[now];
      vars.set(id, labels.length);
      labels.push(`${id}@earlier[${e}]`);
      values.push(then);
      upper.push(cell?.upper ?? Infinity);
      costs.push(0);
      const hidden = publication.hidden.has(id) && !cell?.known;
      state.push(hidden ? HIDDEN : FIXED);
      cellIndex.push(-1);
      sensitive.push(hidden && isSensitive(then, cell?.count ?? true, false, k) ? 1 : 0);
      owner.push(owner[now] as number);
    }
    return vars;
  });

  const rows: SystemRow[] = [];
  for (const relation of input.relations) {
    const op = relation.op ?? '=';
    const constant = relation.constant ?? 0;
    const coefs = relation.terms.map(([, coef]) => coef);
    rows.push({ vars: relation.terms.map(([id]) => index.get(id) as number), coefs, op, constant });
    for (const vars of earlierVar) {
      const mapped = relation.terms.map(([id]) => vars.get(id));
      if (mapped.some((v) => v === undefined)) continue;
      if (mapped.every((v, i) => v === index.get(relation.terms[i]?.[0] as string))) continue;
      rows.push({ vars: mapped as number[], coefs, op, constant });
    }
  }
  const rowsOf: number[][] = labels.map(() => []);
  rows.forEach((row, r) => {
    for (const v of row.vars) (rowsOf[v] as number[]).push(r);
  });
  return {
    labels,
    values: Float64Array.from(values),
    upper: Float64Array.from(upper),
    cost: Float64Array.from(costs),
    state: Uint8Array.from(state),
    cellIndex: Int32Array.from(cellIndex),
    sensitive: Uint8Array.from(sensitive),
    owner: Int32Array.from(owner),
    owners,
    rows,
    rowsOf,
  };
}

/** Slack of a row at the true values: how far Σ coef·x may move before the rule breaks (0 for equalities). */
export function rowActivity(system: System, row: SystemRow): number {
  let sum = 0;
  for (let i = 0; i < row.vars.length; i++)
    sum += (row.coefs[i] as number) * (system.values[row.vars[i] as number] as number);
  return sum;
}
