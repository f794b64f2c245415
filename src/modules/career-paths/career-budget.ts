// The cost calculation of a municipality's move toward the model (issue 18 point 5), as a pure function. Explained
// to the user in the same words:
//  - a move is a person (or, for the municipality's own planned moves, a number of persons) going from one role to
//    another in a year: a development plan's current → target role in its target year, or an extra planned move;
//  - a move's salary effect per year is (monthly salary of the new role − of the old) × 12 × (1 + on-cost %), counted
//    in full from the year of the move and in every later year of the calculation;
//  - education costs and their funding fall in the year of the education (a plan's education without a year in the
//    plan's target year; an extra move's in the year of the move, per person);
//  - the yearly budget effect is salary effect + education cost − funding.
import type { BudgetInputs } from './career-paths.contracts.ts';

export type PlanMove = {
  fromRole: string;
  toRole: string;
  /** The target year; a plan without one is not a move in the calculation. */
  year: number | null;
  educations: { year: number | null; cost: number; funded: number }[];
};

export type BudgetMove = {
  source: 'plan' | 'extra';
  fromRole: string;
  toRole: string;
  year: number;
  count: number;
  yearlySalaryEffect: number;
};
export type BudgetYear = {
  year: number;
  moves: number;
  salaryEffect: number;
  educationCost: number;
  funding: number;
  net: number;
};

const round = (n: number) => Math.round(n * 100) / 100;

export function calculateBudget(inputs: BudgetInputs, plans: readonly PlanMove[]) {
  const years = Array.from({ length: inputs.years }, (_, i) => inputs.startYear + i);
  const onCost = 1 + inputs.onCostPercent / 100;
  const missing = new Set<string>();
  const salary = (role: string) => {
    const s = inputs.monthlySalary[role];
    if (s === undefined) missing.add(role);
    return s ?? 0;
  };
  const perPerson = (from: string, to: string) => (salary(to) - salary(from)) * 12 * onCost;
  const moves: BudgetMove[] = [];
  const education = new Map<number, { cost: number; funded: number }>();
  const addEducation = (year: number, cost: number, funded: number) => {
    const e = education.get(year) ?? { cost: 0, funded: 0 };
    e.cost += cost;
    e.funded += funded;
    education.set(year, e);
  };
  for (const p of plans) {
    if (p.year !== null && p.fromRole !== p.toRole) {
      moves.push({
        source: 'plan',
        fromRole: p.fromRole,
        toRole: p.toRole,
        year: p.year,
        count: 1,
        yearlySalaryEffect: round(perPerson(p.fromRole, p.toRole)),
      });
    }
    for (const e of p.educations) {
      const y = e.year ?? p.year;
      if (y !== null) addEducation(y, e.cost, e.funded);
    }
  }
  for (const m of inputs.extraMoves) {
    moves.push({
      source: 'extra',
      fromRole: m.fromRole,
      toRole: m.toRole,
      year: m.year,
      count: m.count,
      yearlySalaryEffect: round(perPerson(m.fromRole, m.toRole) * m.count),
    });
    addEducation(m.year, m.educationCost * m.count, m.funded * m.count);
  }
  const rows: BudgetYear[] = years.map((year) => {
    const inYear = moves.filter((m) => m.year === year);
    const salaryEffect = moves.filter((m) => m.year <= year).reduce((s, m) => s + m.yearlySalaryEffect, 0);
    const e = education.get(year) ?? { cost: 0, funded: 0 };
    return {
      year,
      moves: inYear.reduce((s, m) => s + m.count, 0),
      salaryEffect: round(salaryEffect),
      educationCost: round(e.cost),
      funding: round(e.funded),
      net: round(salaryEffect + e.cost - e.funded),
    };
  });
  const sum = (k: keyof Omit<BudgetYear, 'year'>) => round(rows.reduce((s, r) => s + r[k], 0));
  return {
    moves: moves.filter((m) => years.includes(m.year)).sort((a, b) => a.year - b.year),
    years: rows,
    total: {
      moves: sum('moves'),
      salaryEffect: sum('salaryEffect'),
      educationCost: sum('educationCost'),
      funding: sum('funding'),
      net: sum('net'),
    },
    missingSalaries: [...missing].sort(),
  };
}
