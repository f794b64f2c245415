import { describe, expect, it } from 'vitest';
import { bySwedish, compareSwedish } from './swedish-order.ts';

describe('Swedish order', () => {
  it('puts å, ä and ö after z in that order, upper and lower case together, é with e', () => {
    const names = ['Öland', 'ängel', 'Zeta', 'Åmål', 'Érik', 'Ärla', 'alingsås', 'Ödeshög', 'Borås', 'edsbyn'];
    expect([...names].sort(compareSwedish)).toEqual([
      'alingsås',
      'Borås',
      'edsbyn',
      'Érik',
      'Zeta',
      'Åmål',
      'ängel',
      'Ärla',
      'Ödeshög',
      'Öland',
    ]);
  });

  it('sorts records by a text of each', () => {
    const rows = [{ name: 'Åsa' }, { name: 'Örjan' }, { name: 'Ada' }];
    expect(rows.sort(bySwedish((r) => r.name)).map((r) => r.name)).toEqual(['Ada', 'Åsa', 'Örjan']);
  });
});
