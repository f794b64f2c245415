// Co-financing in hours and money, planned against actual per municipality. The hours due by a day are the pledged
// hours spread evenly over the days the municipality takes part within the project's period; a municipality is
// behind when it has given less than BEHIND_RATIO of what is due (the final report's main lesson: hours are hard to
// give, so the project must see early who falls behind).

import { maxDate, minDate, toDay } from './project-dates.ts';
import { BEHIND_RATIO, type CofinancingRow, type ParticipationInterval } from './projects.contracts.ts';

export type CofinancingInput = {
  startDate: string;
  endDate: string;
  today: string;
  hourlyRate: number;
  municipalities: {
    municipalityId: string;
    name: string;
    intervals: readonly ParticipationInterval[];
    plannedHours: number;
    plannedMoney: number;
    contributions: readonly { hours: number; money: number }[];
    /** Hours summed from attendance in the shared activities linked to the project. */
    attendanceHours?: number;
  }[];
};

/** Days of the intervals within [from, to] (both included). */
function daysWithin(intervals: readonly ParticipationInterval[], from: string, to: string): number {
  let days = 0;
  for (const i of intervals) {
    const a = maxDate(i.from, from);
    const b = minDate(i.to ?? to, to);
    if (b >= a) days += toDay(b) - toDay(a) + 1;
  }
  return days;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function cofinancingRows(input: CofinancingInput): CofinancingRow[] {
  // Days passed: up to yesterday (today's hours are not due until the day is over), within the period.
  const lastPassed = minDate(
    input.endDate,
    new Date(Date.parse(`${input.today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
  );
  return input.municipalities.map((m) => {
    const total = daysWithin(m.intervals, input.startDate, input.endDate);
    const passed = lastPassed < input.startDate ? 0 : daysWithin(m.intervals, input.startDate, lastPassed);
    const dueHours = total > 0 ? round1((m.plannedHours * passed) / total) : 0;
    const attendanceHours = round1(m.attendanceHours ?? 0);
    const actualHours = round1(m.contributions.reduce((s, c) => s + c.hours, 0) + attendanceHours);
    const actualMoney = round2(m.contributions.reduce((s, c) => s + c.money, 0));
    return {
      municipalityId: m.municipalityId,
      name: m.name,
      plannedHours: m.plannedHours,
      dueHours,
      actualHours,
      attendanceHours,
      plannedMoney: m.plannedMoney,
      actualMoney,
      actualHoursValue: round2(actualHours * input.hourlyRate),
      behind: dueHours > 0 && actualHours < BEHIND_RATIO * dueHours,
    };
  });
}

export function cofinancingTotals(rows: readonly CofinancingRow[]) {
  const sum = (
    k:
      | 'plannedHours'
      | 'dueHours'
      | 'actualHours'
      | 'attendanceHours'
      | 'plannedMoney'
      | 'actualMoney'
      | 'actualHoursValue',
  ) => rows.reduce((s, r) => s + r[k], 0);
  return {
    plannedHours: round1(sum('plannedHours')),
    dueHours: round1(sum('dueHours')),
    actualHours: round1(sum('actualHours')),
    attendanceHours: round1(sum('attendanceHours')),
    plannedMoney: round2(sum('plannedMoney')),
    actualMoney: round2(sum('actualMoney')),
    actualHoursValue: round2(sum('actualHoursValue')),
  };
}
