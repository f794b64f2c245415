import { describe, expect, it } from 'vitest';
import { changesSince, plausibilityWarning } from './report-plausibility.ts';

describe('plausibility warnings', () => {
  it('warns above the share, not at or below it, in both directions', () => {
    expect(plausibilityWarning(100, 110, 0.1)).toBe(false);
    expect(plausibilityWarning(100, 111, 0.1)).toBe(true);
    expect(plausibilityWarning(100, 90, 0.1)).toBe(false);
    expect(plausibilityWarning(100, 89, 0.1)).toBe(true);
    expect(plausibilityWarning(100, 124, 0.25)).toBe(false);
    expect(plausibilityWarning(100, 126, 0.25)).toBe(true);
  });

  it('warns when a value appears where the last period had 0, never without a base or a value', () => {
    expect(plausibilityWarning(0, 3, 0.1)).toBe(true);
    expect(plausibilityWarning(0, 0, 0.1)).toBe(false);
    expect(plausibilityWarning(null, 40, 0.1)).toBe(false);
    expect(plausibilityWarning(undefined, 40, 0.1)).toBe(false);
    expect(plausibilityWarning(40, null, 0.1)).toBe(false);
  });

  it('lists the changes since the last period, warnings first by size, unchanged values left out', () => {
    const previous = new Map([
      ['a.headcount', 100],
      ['b.headcount', 50],
      ['c.headcount', 10],
      ['d.headcount', 7],
      ['e.headcount', 0],
    ]);
    const current = new Map([
      ['a.headcount', 105],
      ['b.headcount', 80],
      ['c.headcount', 20],
      ['d.headcount', 7],
      ['e.headcount', 2],
      ['f.headcount', 4],
    ]);
    const changes = changesSince(previous, current, 0.1);
    expect(changes.map((c) => [c.path, c.warn])).toEqual([
      ['e.headcount', true],
      ['c.headcount', true],
      ['b.headcount', true],
      ['a.headcount', false],
      ['f.headcount', false],
    ]);
    expect(changes.find((c) => c.path === 'b.headcount')?.share).toBeCloseTo(0.6);
    expect(changes.find((c) => c.path === 'f.headcount')).toMatchObject({ previous: null, current: 4, share: null });
  });
});
