import { describe, expect, it } from 'vitest';
import { publishCounts, SUPPRESSED_TOKEN } from './publish-counts.ts';

describe('publishCounts', () => {
  // A survey's answers per option with their total: one option has 2 answers.
  const table = {
    cells: [
      { id: 'yes', value: 10 },
      { id: 'no', value: 2 },
      { id: 'unsure', value: 5 },
      { id: 'none', value: null },
      { id: 'total', value: 17 },
    ],
    groups: [{ total: 'total', parts: ['yes', 'no', 'unsure'] }],
  };

  it('shows a small count as ".." and hides one more cell so the total does not give it away', () => {
    const { hidden, values } = publishCounts(table);
    expect(values.get('no')).toBe(SUPPRESSED_TOKEN);
    expect(hidden.has('unsure')).toBe(true);
    expect(values.get('unsure')).toBe('..');
    expect(values.get('yes')).toBe(10);
    expect(values.get('total')).toBe(17);
    expect(values.get('none')).toBeNull();
  });

  it('takes its own k and the cells the viewer knows', () => {
    expect(publishCounts(table, { minCount: 2 }).hidden.size).toBe(0);
    expect(publishCounts(table, { known: new Set(['no']) }).values.get('no')).toBe(2);
  });
});
