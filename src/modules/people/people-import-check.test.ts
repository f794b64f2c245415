import { describe, expect, it } from 'vitest';
import { parseDate, parseRate } from './people-import-check.ts';
import { fold, foldMemo } from './people-text.ts';

describe('parseDate', () => {
  it('accepts the days that exist, with or without dashes', () => {
    expect(parseDate('2024-09-01')).toBe('2024-09-01');
    expect(parseDate('20240901')).toBe('2024-09-01');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('2023-12-31')).toBe('2023-12-31');
    expect(parseDate('2023-04-30')).toBe('2023-04-30');
  });

  it('refuses days the calendar does not have and text that is no date', () => {
    for (const text of [
      '2023-02-29',
      '1900-02-29',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '2023-1-5',
      '1/5/2023',
      '',
      '2023-01-32',
    ]) {
      expect(parseDate(text), text).toBeNull();
    }
  });

  it('agrees with the calendar on every day of a leap and a common year and their neighbours', () => {
    const day = 24 * 3600 * 1000;
    for (let t = Date.UTC(1999, 11, 1); t < Date.UTC(2001, 1, 1); t += day) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(parseDate(iso)).toBe(iso);
    }
    // Every 31st and 30th that is not in the calendar is refused.
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      for (const dd of ['29', '30', '31']) {
        const iso = `2023-${mm}-${dd}`;
        const real = new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
        expect(parseDate(iso), iso).toBe(real ? iso : null);
      }
    }
  });
});

describe('parseRate', () => {
  it('reads per cent, a decimal comma and a share', () => {
    expect(parseRate('75')).toBe(75);
    expect(parseRate('87,5 %')).toBe(87.5);
    expect(parseRate('0,75')).toBe(75);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('101')).toBeNull();
  });
});

describe('foldMemo', () => {
  it('folds as fold does, also for a text seen before', () => {
    const memo = foldMemo();
    for (const text of ['Sjuksköterska', 'Anställd från', 'Sjuksköterska', 'HEMSJUKVÅRDEN Skövde', 'Tillsvidare']) {
      expect(memo(text)).toBe(fold(text));
    }
    expect(memo('Anställd från')).toBe('anstalldfran');
  });
});
