// The tables the audit counts (audit.ts): a certificate handed in is checked before it becomes one, and every table
// found, whatever it was looking for, answers the directions of every sensitive cell it moves (a witness).
import { type Attack, MOVED, type Row } from './audit-attack.ts';
import type { Table } from './audit-programs.ts';
import { type Certificate, holds, TOLERANCE } from './types.ts';

/** Certificates: each one that holds is a table for every cell it moves. */
export function checkCertificates(
  attack: Attack,
  certificates: readonly Certificate[] | undefined,
  index: ReadonlyMap<string, number>,
  fixed: ReadonlyMap<string, number>,
): void {
  for (const certificate of certificates ?? []) {
    const table = checkCertificate(attack, certificate, index, fixed);
    if (table) witness(attack, table);
  }
}

/** The certificate as a table over the attacker's unknowns, or undefined when it does not hold. */
function checkCertificate(
  attack: Attack,
  certificate: Certificate,
  index: ReadonlyMap<string, number>,
  fixed: ReadonlyMap<string, number>,
): Table | undefined {
  const cols: number[] = [];
  const changes: number[] = [];
  const change = new Map<number, number>();
  for (const [key, delta] of certificate) {
    if (!Number.isFinite(delta)) return undefined;
    const u = index.get(key);
    if (u === undefined) {
      // A published, known or unknown id: it may not move.
      if (Math.abs(delta) > MOVED || !fixed.has(key)) return undefined;
      continue;
    }
    if (change.has(u)) return undefined;
    const value = (attack.values[u] as number) + delta;
    if (value < -TOLERANCE || value > (attack.upper[u] as number) + TOLERANCE) return undefined;
    change.set(u, delta);
    if (Math.abs(delta) > MOVED) {
      cols.push(u);
      changes.push(delta);
    }
  }
  const checked = new Set<number>();
  for (const u of cols) {
    for (const r of attack.rowsOf[u] as number[]) {
      if (checked.has(r)) continue;
      checked.add(r);
      const row = attack.rows[r] as Row;
      let lhs = row.truth;
      row.cols.forEach((w, i) => {
        lhs += (row.coefs[i] as number) * (change.get(w) ?? 0);
      });
      const scale = row.scale + Math.abs(lhs - row.truth);
      if (row.lower === row.upper) {
        if (!holds(lhs, '=', row.lower, scale)) return undefined;
      } else {
        if (row.lower > -Infinity && !holds(lhs, '>=', row.lower, scale)) return undefined;
        if (row.upper < Infinity && !holds(lhs, '<=', row.upper, scale)) return undefined;
      }
    }
  }
  return { cols, changes };
}

/** Record a table: for every sensitive cell it takes to 0 or to k, the owners it leaves alone are answered. */
export function witness(attack: Attack, table: Table): void {
  const touched = new Set<number>();
  for (const u of table.cols) {
    attack.moved[u] = 1;
    const o = attack.owner[u] as number;
    if (o >= 0) touched.add(o);
  }
  let scaled: ((t: number) => boolean) | undefined;
  table.cols.forEach((u, i) => {
    if (!attack.sensitive[u]) return;
    const change = table.changes[i] as number;
    const own = attack.owner[u] as number;
    for (const direction of [0, 1] as const) {
      const open = attack.open[direction][u];
      if (open !== undefined && open.size === 0) continue;
      // The table scaled by t moves u to its target: for 0 < t ≤ 1 it lies between the true table and this one;
      // otherwise the bounds and inequalities are checked for t (t keeps every equality).
      const t = ((direction === 0 ? attack.k : 0) - (attack.values[u] as number)) / change;
      if (!(t > 0 && t <= 1 + TOLERANCE)) {
        scaled ??= scaledTable(attack, table);
        if (!scaled(t)) continue;
      }
      // A cell without an owner (an aggregate) is protected against the outsider only (decision 014, "Owners").
      const against = own < 0 ? new Set<number>() : new Set([...touched].filter((o) => o !== own));
      attack.open[direction][u] = open === undefined ? against : new Set([...open].filter((o) => against.has(o)));
    }
  });
}

/** Whether the true table plus t times `table`'s changes keeps every bound and every inequality. */
function scaledTable(attack: Attack, table: Table): (t: number) => boolean {
  const rows: [Row, number][] = [];
  const seen = new Set<number>();
  const change = new Map(table.cols.map((u, i) => [u, table.changes[i] as number]));
  for (const u of table.cols) {
    for (const r of attack.rowsOf[u] as number[]) {
      const row = attack.rows[r] as Row;
      if (seen.has(r) || row.lower === row.upper) continue;
      seen.add(r);
      let delta = 0;
      row.cols.forEach((w, i) => {
        delta += (row.coefs[i] as number) * (change.get(w) ?? 0);
      });
      rows.push([row, delta]);
    }
  }
  return (t) => {
    for (let i = 0; i < table.cols.length; i++) {
      const u = table.cols[i] as number;
      const value = (attack.values[u] as number) + t * (table.changes[i] as number);
      if (value < -TOLERANCE || value > (attack.upper[u] as number) + TOLERANCE) return false;
    }
    for (const [row, delta] of rows) {
      const lhs = row.truth + t * delta;
      const scale = row.scale + Math.abs(t * delta);
      if (row.lower > -Infinity && !holds(lhs, '>=', row.lower, scale)) return false;
      if (row.upper < Infinity && !holds(lhs, '<=', row.upper, scale)) return false;
    }
    return true;
  };
}
