// How the municipalities' rankings of the needs are aggregated (decision 023). Pure: no database.
//
// Borda count for partial rankings (the modified Borda count): a municipality that ranks m needs gives its first m
// points, its second m − 1, …, its last 1; a need it leaves out (an abstention) gets 0 from it. So a municipality
// cannot raise its favourite by ranking fewer needs, and a need nobody ranked scores 0. Needs with equal points share
// a place and are flagged as tied.
//
// Beside it the Schulze method: d[a][b] is the number of municipalities preferring a to b (a ranked need is preferred
// to an unranked one; two unranked needs are no preference). The Condorcet winner beats every other need head to
// head (d[a][b] > d[b][a]); it need not exist. Schulze's strongest paths give a winner (set) that always exists and
// is the Condorcet winner when there is one.

export type Ballot = { voter: string; ranking: readonly string[] };

export type BordaRow = {
  id: string;
  points: number;
  /** 1-based; tied needs share the place. */
  place: number;
  tied: boolean;
  /** How many municipalities ranked it first, and at all. */
  firsts: number;
  rankedBy: number;
};

/** Checks a ballot against the candidates: no unknown need, no need twice. Returns the offending need, or null. */
export function ballotProblem(
  ranking: readonly string[],
  candidates: ReadonlySet<string>,
): { kind: 'unknown' | 'duplicate'; id: string } | null {
  const seen = new Set<string>();
  for (const id of ranking) {
    if (!candidates.has(id)) return { kind: 'unknown', id };
    if (seen.has(id)) return { kind: 'duplicate', id };
    seen.add(id);
  }
  return null;
}

/** The modified Borda count over the candidates, best first (ties by points share a place; order among them by
 *  first places, then the candidates' given order). */
export function borda(candidates: readonly string[], ballots: readonly Ballot[]): BordaRow[] {
  const index = new Map(candidates.map((id, i) => [id, i]));
  const points = new Float64Array(candidates.length);
  const firsts = new Int32Array(candidates.length);
  const rankedBy = new Int32Array(candidates.length);
  for (const b of ballots) {
    const m = b.ranking.length;
    b.ranking.forEach((id, pos) => {
      const i = index.get(id);
      if (i === undefined) return;
      points[i] = (points[i] ?? 0) + (m - pos);
      rankedBy[i] = (rankedBy[i] ?? 0) + 1;
      if (pos === 0) firsts[i] = (firsts[i] ?? 0) + 1;
    });
  }
  const order = candidates
    .map((_, i) => i)
    .sort((a, b) => (points[b] ?? 0) - (points[a] ?? 0) || (firsts[b] ?? 0) - (firsts[a] ?? 0) || a - b);
  const rows: BordaRow[] = [];
  for (const [k, i] of order.entries()) {
    const p = points[i] ?? 0;
    const prev = rows[k - 1];
    const place = prev && prev.points === p ? prev.place : k + 1;
    rows.push({
      id: candidates[i] as string,
      points: p,
      place,
      tied: false,
      firsts: firsts[i] ?? 0,
      rankedBy: rankedBy[i] ?? 0,
    });
  }
  for (const [k, r] of rows.entries()) {
    r.tied = rows[k - 1]?.points === r.points || rows[k + 1]?.points === r.points;
  }
  return rows;
}

/** d[a·n + b]: how many ballots prefer a to b. */
export function pairwise(candidates: readonly string[], ballots: readonly Ballot[]): Int32Array {
  const n = candidates.length;
  const index = new Map(candidates.map((id, i) => [id, i]));
  const d = new Int32Array(n * n);
  const ranked = new Uint8Array(n);
  for (const b of ballots) {
    const idx: number[] = [];
    for (const id of b.ranking) {
      const i = index.get(id);
      if (i !== undefined) idx.push(i);
    }
    ranked.fill(0);
    for (const i of idx) ranked[i] = 1;
    const unranked: number[] = [];
    for (let i = 0; i < n; i++) if (!ranked[i]) unranked.push(i);
    for (let x = 0; x < idx.length; x++) {
      const a = idx[x] as number;
      const row = a * n;
      for (let y = x + 1; y < idx.length; y++) {
        const at = row + (idx[y] as number);
        d[at] = (d[at] as number) + 1;
      }
      for (const u of unranked) d[row + u] = (d[row + u] as number) + 1;
    }
  }
  return d;
}

export type SchulzeResult = {
  /** The need that beats every other head to head, or null when none does. */
  condorcetWinner: string | null;
  /** The Schulze winners (more than one: a tie). */
  winners: string[];
  /** Best first by the number of needs each beats on strongest paths; equal counts share a place and are tied. */
  order: { id: string; wins: number; place: number; tied: boolean }[];
};

export function schulze(candidates: readonly string[], ballots: readonly Ballot[]): SchulzeResult {
  const n = candidates.length;
  const d = pairwise(candidates, ballots);
  // Strongest paths (widest path, Floyd–Warshall); only defeats (d[a][b] > d[b][a]) are links.
  const p = new Int32Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a !== b && (d[a * n + b] as number) > (d[b * n + a] as number)) p[a * n + b] = d[a * n + b] as number;
    }
  }
  for (let k = 0; k < n; k++) {
    const kRow = k * n;
    for (let a = 0; a < n; a++) {
      if (a === k) continue;
      const aRow = a * n;
      const ak = p[aRow + k] as number;
      if (ak === 0) continue;
      for (let b = 0; b < n; b++) {
        if (b === a || b === k) continue;
        const kb = p[kRow + b] as number;
        const via = Math.min(ak, kb);
        if (via > (p[aRow + b] as number)) p[aRow + b] = via;
      }
    }
  }
  const wins = new Int32Array(n);
  let condorcet: number | null = null;
  for (let a = 0; a < n; a++) {
    let beatsAll = true;
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      if ((p[a * n + b] as number) > (p[b * n + a] as number)) wins[a] = (wins[a] ?? 0) + 1;
      if ((d[a * n + b] as number) <= (d[b * n + a] as number)) beatsAll = false;
    }
    if (beatsAll && n > 0) condorcet = a;
  }
  const sorted = candidates.map((_, i) => i).sort((a, b) => (wins[b] ?? 0) - (wins[a] ?? 0) || a - b);
  const order: SchulzeResult['order'] = [];
  for (const [k, i] of sorted.entries()) {
    const w = wins[i] ?? 0;
    const prev = order[k - 1];
    order.push({
      id: candidates[i] as string,
      wins: w,
      place: prev && prev.wins === w ? prev.place : k + 1,
      tied: false,
    });
  }
  for (const [k, r] of order.entries()) r.tied = order[k - 1]?.wins === r.wins || order[k + 1]?.wins === r.wins;
  // A winner: no other need beats it on strongest paths.
  const winners = candidates.filter((_, a) => {
    for (let b = 0; b < n; b++) if (b !== a && (p[b * n + a] as number) > (p[a * n + b] as number)) return false;
    return true;
  });
  return { condorcetWinner: condorcet === null ? null : (candidates[condorcet] as string), winners, order };
}
