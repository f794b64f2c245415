// Borda (partial rankings) and Schulze against hand-worked examples, and their properties over generated ballots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ballot, ballotProblem, borda, pairwise, schulze } from './rank-aggregation.ts';

const ballots = (...rankings: string[]): Ballot[] => rankings.map((r, i) => ({ voter: `v${i}`, ranking: r.split('') }));
const many = (count: number, ranking: string): Ballot[] =>
  Array.from({ length: count }, (_, i) => ({ voter: `${ranking}${i}`, ranking: ranking.split('') }));

describe('Borda count for partial rankings', () => {
  it('gives m, m−1, …, 1 points to a ballot of m needs and 0 to the needs left out', () => {
    // v0 ranks A,B,C (3,2,1); v1 ranks B,A (2,1); v2 ranks C,A,B,D (4,3,2,1).
    // A = 3+1+3 = 7, B = 2+2+2 = 6, C = 1+0+4 = 5, D = 0+0+1 = 1.
    const rows = borda(['A', 'B', 'C', 'D'], ballots('ABC', 'BA', 'CABD'));
    expect(rows.map((r) => [r.id, r.points, r.place, r.tied])).toEqual([
      ['A', 7, 1, false],
      ['B', 6, 2, false],
      ['C', 5, 3, false],
      ['D', 1, 4, false],
    ]);
    expect(rows.find((r) => r.id === 'C')).toMatchObject({ firsts: 1, rankedBy: 2 });
  });

  it('flags ties: equal points share a place, the next place is skipped', () => {
    // A,B and B,A: A = 2+1 = 3, B = 1+2 = 3; C abstained by both: 0; a third ballot of only C gives it 1.
    const rows = borda(['A', 'B', 'C', 'E'], ballots('AB', 'BA', 'C'));
    expect(rows.map((r) => [r.id, r.points, r.place, r.tied])).toEqual([
      ['A', 3, 1, true],
      ['B', 3, 1, true],
      ['C', 1, 3, false],
      ['E', 0, 4, false],
    ]);
  });

  it('does not let a municipality raise its favourite by ranking fewer needs', () => {
    // One need alone gives it 1 point; ranked first of three it gets 3.
    expect(borda(['A', 'B', 'C'], ballots('A')).find((r) => r.id === 'A')?.points).toBe(1);
    expect(borda(['A', 'B', 'C'], ballots('ABC')).find((r) => r.id === 'A')?.points).toBe(3);
  });

  it('finds a need twice or an unknown need on a ballot', () => {
    const known = new Set(['A', 'B', 'C']);
    expect(ballotProblem(['A', 'B'], known)).toBeNull();
    expect(ballotProblem(['A', 'B', 'A'], known)).toEqual({ kind: 'duplicate', id: 'A' });
    expect(ballotProblem(['A', 'X'], known)).toEqual({ kind: 'unknown', id: 'X' });
  });
});

describe('Schulze and the Condorcet winner', () => {
  it('solves the classic example of 45 voters (winner E, order E > A > C > B > D, no Condorcet winner)', () => {
    const votes = [
      ...many(5, 'ACBED'),
      ...many(5, 'ADECB'),
      ...many(8, 'BEDAC'),
      ...many(3, 'CABED'),
      ...many(7, 'CAEBD'),
      ...many(2, 'CBADE'),
      ...many(7, 'DCEBA'),
      ...many(8, 'EBADC'),
    ];
    const r = schulze(['A', 'B', 'C', 'D', 'E'], votes);
    expect(r.winners).toEqual(['E']);
    expect(r.order.map((o) => o.id)).toEqual(['E', 'A', 'C', 'B', 'D']);
    expect(r.order.map((o) => o.wins)).toEqual([4, 3, 2, 1, 0]);
    expect(r.condorcetWinner).toBeNull();
    // d[A][B] = 5+5+3+7 = 20 voters put A above B (hand count of the rows where A precedes B).
    const d = pairwise(['A', 'B', 'C', 'D', 'E'], votes);
    expect(d[0 * 5 + 1]).toBe(20);
    expect(d[1 * 5 + 0]).toBe(25);
  });

  it('counts a ranked need above an unranked one and two unranked needs as no preference (abstentions)', () => {
    // v0: A,B  v1: A  v2: B,C.  A–B: v0, v1 prefer A; v2 prefers B → 2:1.  A–C: v0, v1 A; v2 C → 2:1.
    // B–C: v0 B (C unranked), v2 B; v1 ranks neither → 2:0.  A beats everyone: the Condorcet winner.
    const r = schulze(['A', 'B', 'C'], ballots('AB', 'A', 'BC'));
    const d = pairwise(['A', 'B', 'C'], ballots('AB', 'A', 'BC'));
    expect([d[1], d[3], d[2], d[6], d[5], d[7]]).toEqual([2, 1, 2, 1, 2, 0]);
    expect(r.condorcetWinner).toBe('A');
    expect(r.winners).toEqual(['A']);
    expect(r.order.map((o) => [o.id, o.place, o.tied])).toEqual([
      ['A', 1, false],
      ['B', 2, false],
      ['C', 3, false],
    ]);
  });

  it('reports a tie when two needs split the municipalities evenly', () => {
    const r = schulze(['A', 'B'], ballots('AB', 'BA'));
    expect(r.condorcetWinner).toBeNull();
    expect(r.winners).toEqual(['A', 'B']);
    expect(r.order.every((o) => o.tied && o.place === 1)).toBe(true);
  });
});

describe('properties over generated ballots', () => {
  const candidates = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5'];
  /** A ballot: some of the candidates in some order (a partial ranking). */
  const ballotArb = fc.shuffledSubarray(candidates, { minLength: 0 }).map((ranking) => ranking as string[]);

  it('a need every municipality ranks first wins Borda alone, is the Condorcet winner and the only Schulze winner', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...candidates),
        fc.array(ballotArb, { minLength: 1, maxLength: 12 }),
        (favourite, rest) => {
          const votes = rest.map((r, i) => ({
            voter: `v${i}`,
            ranking: [favourite, ...r.filter((c) => c !== favourite)],
          }));
          const rows = borda(candidates, votes);
          expect(rows[0]).toMatchObject({ id: favourite, place: 1, tied: false });
          const s = schulze(candidates, votes);
          expect(s.condorcetWinner).toBe(favourite);
          expect(s.winners).toEqual([favourite]);
        },
      ),
      { seed: 2027, numRuns: 200 },
    );
  });

  it('the Borda points sum to what the ballots give (m(m+1)/2 each) and the Schulze winner is the Condorcet winner when one exists', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 15 }), (rankings) => {
        const votes = rankings.map((ranking, i) => ({ voter: `v${i}`, ranking }));
        const total = borda(candidates, votes).reduce((s, r) => s + r.points, 0);
        expect(total).toBe(rankings.reduce((s, r) => s + (r.length * (r.length + 1)) / 2, 0));
        const s = schulze(candidates, votes);
        expect(s.winners.length).toBeGreaterThan(0);
        if (s.condorcetWinner) expect(s.winners).toEqual([s.condorcetWinner]);
      }),
      { seed: 23, numRuns: 200 },
    );
  });
});
