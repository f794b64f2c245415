// The period a statistics page opens on: a finished round before one in progress.
import { describe, expect, it } from 'vitest';
import type { PeriodDto } from '../staffing.contracts.ts';
import { defaultPeriodId } from './default-period.ts';

const period = (id: string, closed: boolean, approved: number, submitted = 0) =>
  ({
    id,
    closed,
    statusCounts: { not_started: 0, draft: 0, submitted, approved, returned: 0 },
  }) as unknown as PeriodDto;

describe('defaultPeriodId', () => {
  it('opens on the newest closed period with approved reports, not the round in progress', () => {
    expect(defaultPeriodId([period('2026', false, 2, 8), period('2025', true, 15), period('2024', true, 15)])).toBe(
      '2025',
    );
  });
  it('falls back to the newest with approved, then submitted reports, then the newest', () => {
    expect(defaultPeriodId([period('2026', false, 0, 3), period('2025', false, 4)])).toBe('2025');
    expect(defaultPeriodId([period('2026', false, 0, 0), period('2025', false, 0, 2)])).toBe('2025');
    expect(defaultPeriodId([period('2026', false, 0, 0)])).toBe('2026');
    expect(defaultPeriodId([])).toBeUndefined();
  });
});
