// Seats and costs per municipality (decision 023): whole units split by a key with the largest remainder method
// (Hamilton), so the parts always sum exactly to the whole. Pure: no database.

export type Weight = { id: string; weight: number };

/**
 * Splits `total` whole units over the weights: each gets floor(total·w/W), and the units left go one each to the
 * largest remainders (ties: the larger weight, then the given order). Exact with integers (BigInt inside), so a
 * cost of millions of kronor split by population still sums to the krona. Null when no weight is positive.
 */
export function largestRemainder(total: number, weights: readonly Weight[]): Map<string, number> | null {
  if (!Number.isInteger(total) || total < 0) throw new RangeError('total must be a whole number ≥ 0');
  for (const w of weights) {
    if (!Number.isInteger(w.weight) || w.weight < 0) throw new RangeError('weights must be whole numbers ≥ 0');
  }
  const sum = weights.reduce((s, w) => s + BigInt(w.weight), 0n);
  if (sum === 0n) return null;
  const t = BigInt(total);
  const parts = weights.map((w, order) => {
    const product = t * BigInt(w.weight);
    return { id: w.id, weight: w.weight, order, base: product / sum, remainder: product % sum };
  });
  let left = t - parts.reduce((s, p) => s + p.base, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? b.weight - a.weight || a.order - b.order : a.remainder > b.remainder ? -1 : 1,
  );
  for (const p of byRemainder) {
    if (left === 0n) break;
    if (p.weight === 0) continue;
    p.base += 1n;
    left -= 1n;
  }
  return new Map(parts.map((p) => [p.id, Number(p.base)]));
}

/** An amount in whole kronor with VAT added (rounded to the krona), or as it is. */
export function withVat(amount: number, vatRate: number, include: boolean): number {
  if (!include) return amount;
  return amount + Math.round((amount * vatRate) / 100);
}

export type CostShare = { id: string; weight: number; amount: number };

/**
 * A cost split over municipalities by a key: whole kronor, the remainder distributed so the parts sum exactly to the
 * cost. Occasions are split one by one (each with its own VAT) and the shares added, so an order's invoice basis is
 * the sum of its occasions'.
 */
export function splitCost(total: number, weights: readonly Weight[]): CostShare[] | null {
  const parts = largestRemainder(total, weights);
  if (!parts) return null;
  return weights.map((w) => ({ id: w.id, weight: w.weight, amount: parts.get(w.id) ?? 0 }));
}
