// The cost calculation against a worked example, computed by hand:
//   salaries (per month) biträde 25 000, vårdbiträde 27 000, undersköterska 30 000; on-cost 40 %; years 2027–2029.
//   Plan A: vårdbiträde → undersköterska in 2027, education 20 000 fully funded (Äldreomsorgslyftet) in 2027.
//   Plan B: biträde → vårdbiträde in 2028, education 15 000 paid by the employer (no year: the target year).
//   Plan C: no target year: not a move, and its education without a year is left out.
//   Extra: 2 × vårdbiträde → undersköterska in 2029, education 18 000 each, 9 000 each funded.
//   A move vårdbiträde → undersköterska: 3 000 × 12 × 1.4 = 50 400 a year; biträde → vårdbiträde: 2 000 × 12 × 1.4 = 33 600.
//   2027: salary 50 400, education 20 000, funding 20 000 → net 50 400
//   2028: salary 50 400 + 33 600 = 84 000, education 15 000 → net 99 000
//   2029: salary 84 000 + 2 × 50 400 = 184 800, education 36 000, funding 18 000 → net 202 800
//   Total net 352 200.
import { describe, expect, it } from 'vitest';
import { calculateBudget } from './career-budget.ts';

const inputs = {
  startYear: 2027,
  years: 3,
  monthlySalary: { bitrade: 25_000, vardbitrade: 27_000, underskoterska: 30_000 },
  onCostPercent: 40,
  extraMoves: [
    { fromRole: 'vardbitrade', toRole: 'underskoterska', year: 2029, count: 2, educationCost: 18_000, funded: 9_000 },
  ],
};
const plans = [
  {
    fromRole: 'vardbitrade',
    toRole: 'underskoterska',
    year: 2027,
    educations: [{ year: 2027, cost: 20_000, funded: 20_000 }],
  },
  { fromRole: 'bitrade', toRole: 'vardbitrade', year: 2028, educations: [{ year: null, cost: 15_000, funded: 0 }] },
  { fromRole: 'bitrade', toRole: 'underskoterska', year: null, educations: [{ year: null, cost: 99_000, funded: 0 }] },
];

describe('calculateBudget', () => {
  it('gives the worked example’s yearly budget effect', () => {
    const result = calculateBudget(inputs, plans);
    expect(result.years).toEqual([
      { year: 2027, moves: 1, salaryEffect: 50_400, educationCost: 20_000, funding: 20_000, net: 50_400 },
      { year: 2028, moves: 1, salaryEffect: 84_000, educationCost: 15_000, funding: 0, net: 99_000 },
      { year: 2029, moves: 2, salaryEffect: 184_800, educationCost: 36_000, funding: 18_000, net: 202_800 },
    ]);
    expect(result.total.net).toBe(352_200);
    expect(result.total.moves).toBe(4);
    expect(result.moves.map((m) => m.yearlySalaryEffect)).toEqual([50_400, 33_600, 100_800]);
    expect(result.missingSalaries).toEqual([]);
  });
  it('names the roles without a salary and counts them as 0', () => {
    const result = calculateBudget({ ...inputs, monthlySalary: { vardbitrade: 27_000 }, extraMoves: [] }, plans);
    expect(result.missingSalaries).toEqual(['bitrade', 'underskoterska']);
    expect(result.years[0]?.salaryEffect).toBe(-27_000 * 12 * 1.4);
  });
});
