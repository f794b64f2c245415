// Seat and cost keys: the largest remainder method against worked examples, and its sums over generated keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, splitCost, withVat } from './apportion.ts';

const w = (...weights: number[]) => weights.map((weight, i) => ({ id: 'ABCDEFGH'[i] as string, weight }));
const asObject = (m: Map<string, number> | null) => (m ? Object.fromEntries(m) : null);

describe('seats by the largest remainder', () => {
  it('splits 20 seats by expected participants 7, 5, 3', () => {
    // Quotas 9.33, 6.67, 4.00 → 9 + 6 + 4 = 19; the seat left goes to the largest remainder (B's 0.67).
    expect(asObject(largestRemainder(20, w(7, 5, 3)))).toEqual({ A: 9, B: 7, C: 4 });
  });

  it('splits 10 seats equally over three: the seat left goes to the first in the given order', () => {
    expect(asObject(largestRemainder(10, w(1, 1, 1)))).toEqual({ A: 4, B: 3, C: 3 });
  });

  it('gives a municipality of weight 0 nothing, and answers null when no weight is positive', () => {
    expect(asObject(largestRemainder(5, w(0, 2, 2)))).toEqual({ A: 0, B: 3, C: 2 });
    expect(largestRemainder(5, w(0, 0))).toBeNull();
    expect(() => largestRemainder(5, w(1.5, 1))).toThrow(RangeError);
  });

  it('splits 30 seats by population (Skövde 56 000, Lidköping 40 000, Skara 19 000, Gullspång 5 000)', () => {
    // W = 120 000; quotas 14.0, 10.0, 4.75, 1.25 → 14 + 10 + 4 + 1 = 29; Skara's .75 takes the last seat.
    expect(asObject(largestRemainder(30, w(56_000, 40_000, 19_000, 5_000)))).toEqual({ A: 14, B: 10, C: 5, D: 1 });
  });
});

describe('cost shares in whole kronor', () => {
  it('splits 1 000 kr per attending participant 3, 2, 1 (500, 333.33, 166.67 → 500, 333, 167)', () => {
    expect(splitCost(1_000, w(3, 2, 1))?.map((s) => s.amount)).toEqual([500, 333, 167]);
  });

  it('adds 25 % VAT to the krona before splitting, or leaves it out', () => {
    expect(withVat(10_001, 25, true)).toBe(12_501);
    expect(withVat(10_001, 25, false)).toBe(10_001);
    expect(splitCost(withVat(10_001, 25, true), w(1, 1, 1))?.map((s) => s.amount)).toEqual([4_167, 4_167, 4_167]);
    expect(splitCost(withVat(10_001, 0, true), w(1, 1, 1))?.map((s) => s.amount)).toEqual([3_334, 3_334, 3_333]);
  });

  it('splits a cost of millions by population to the krona', () => {
    const shares = splitCost(7_654_321, w(56_789, 41_234, 18_902, 5_123, 9_871)) ?? [];
    expect(shares.reduce((s, p) => s + p.amount, 0)).toBe(7_654_321);
  });
});

describe('properties', () => {
  const keyArb = fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 15 });
  it('the parts always sum exactly to the whole, and each is its quota rounded down or up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), keyArb, (total, weights) => {
        const parts = largestRemainder(total, w(...weights.slice(0, 8)));
        const used = weights.slice(0, 8);
        const sum = used.reduce((s, x) => s + x, 0);
        if (sum === 0) {
          expect(parts).toBeNull();
          return;
        }
        const values = [...(parts?.values() ?? [])];
        expect(values.reduce((s, x) => s + x, 0)).toBe(total);
        values.forEach((v, i) => {
          const quota = (total * (used[i] ?? 0)) / sum;
          expect(v).toBeGreaterThanOrEqual(Math.floor(quota));
          expect(v).toBeLessThanOrEqual(Math.ceil(quota));
        });
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
