// Co-financing against a worked example (by hand): a year-long project on 1 July, one municipality on track and one
// that left for the summer and has given too little.
import { describe, expect, it } from 'vitest';
import { cofinancingRows, cofinancingTotals } from './cofinancing.ts';
import { intervalsOf, refuseEvent } from './participation.ts';

describe('co-financing in hours and money', () => {
  it('spreads the pledge over the days a municipality takes part and warns when it falls behind', () => {
    const rows = cofinancingRows({
      startDate: '2021-01-01',
      endDate: '2021-12-31',
      today: '2021-07-01',
      hourlyRate: 500,
      municipalities: [
        {
          // In all year: 181 of 365 days have passed by 1 July → 365 h × 181/365 = 181 h due; 150 given ≥ 0.8 × 181.
          municipalityId: 'x',
          name: 'Xkommun',
          intervals: intervalsOf([{ event: 'join', date: '2021-01-01', reason: '' }]),
          plannedHours: 365,
          plannedMoney: 10_000,
          contributions: [
            { hours: 100, money: 4_000 },
            { hours: 50, money: 0 },
          ],
        },
        {
          // In 1 Jan – 30 Apr (120 days) and from 1 Sep (122 days): 242 days; 120 passed → 240 × 120/242 = 119.0 h
          // due; 60 given < 0.8 × 119 = 95.2 → behind.
          municipalityId: 'y',
          name: 'Ykommun',
          intervals: intervalsOf([
            { event: 'join', date: '2021-01-01', reason: '' },
            { event: 'leave', date: '2021-04-30', reason: 'Nöjda med förstudien' },
            { event: 'join', date: '2021-09-01', reason: 'Resultaten gynnar oss' },
          ]),
          plannedHours: 240,
          plannedMoney: 0,
          contributions: [{ hours: 60, money: 0 }],
        },
      ],
    });
    expect(rows).toEqual([
      {
        municipalityId: 'x',
        name: 'Xkommun',
        plannedHours: 365,
        dueHours: 181,
        actualHours: 150,
        attendanceHours: 0,
        plannedMoney: 10_000,
        actualMoney: 4_000,
        actualHoursValue: 75_000,
        behind: false,
      },
      {
        municipalityId: 'y',
        name: 'Ykommun',
        plannedHours: 240,
        dueHours: 119,
        actualHours: 60,
        attendanceHours: 0,
        plannedMoney: 0,
        actualMoney: 0,
        actualHoursValue: 30_000,
        behind: true,
      },
    ]);
    expect(cofinancingTotals(rows)).toEqual({
      plannedHours: 605,
      dueHours: 300,
      actualHours: 210,
      attendanceHours: 0,
      plannedMoney: 10_000,
      actualMoney: 4_000,
      actualHoursValue: 105_000,
    });
  });

  it('owes nothing before the project starts and everything after it ends', () => {
    const base = {
      startDate: '2021-01-01',
      endDate: '2021-12-31',
      hourlyRate: 0,
      municipalities: [
        {
          municipalityId: 'x',
          name: 'X',
          intervals: intervalsOf([{ event: 'join' as const, date: '2021-01-01', reason: '' }]),
          plannedHours: 100,
          plannedMoney: 0,
          contributions: [],
        },
      ],
    };
    expect(cofinancingRows({ ...base, today: '2021-01-01' })[0]).toMatchObject({ dueHours: 0, behind: false });
    expect(cofinancingRows({ ...base, today: '2022-03-01' })[0]).toMatchObject({ dueHours: 100, behind: true });
  });
});

describe('participation over time', () => {
  it('refuses leaving before joining, leaving twice and joining again too early; a rejoin opens a new interval', () => {
    const joined = [{ event: 'join' as const, date: '2021-02-01', reason: '' }];
    expect(refuseEvent([], { event: 'leave', date: '2021-03-01', reason: '' })?.code).toBe('projects.notParticipating');
    expect(refuseEvent(joined, { event: 'leave', date: '2021-01-15', reason: '' })?.code).toBe(
      'projects.leaveBeforeJoin',
    );
    expect(refuseEvent(joined, { event: 'join', date: '2021-03-01', reason: '' })?.code).toBe(
      'projects.alreadyParticipating',
    );
    const left = [...joined, { event: 'leave' as const, date: '2021-08-31', reason: 'Ursprunglig plan' }];
    expect(refuseEvent(left, { event: 'join', date: '2021-08-31', reason: '' })?.code).toBe('projects.rejoinTooEarly');
    expect(refuseEvent(left, { event: 'join', date: '2021-10-01', reason: '' })).toBeNull();
    expect(
      intervalsOf([...left, { event: 'join', date: '2021-10-01', reason: 'Kliver på igen' }]).map((i) => [
        i.from,
        i.to,
      ]),
    ).toEqual([
      ['2021-02-01', '2021-08-31'],
      ['2021-10-01', null],
    ]);
  });
});
