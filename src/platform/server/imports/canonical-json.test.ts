import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint } from './pending-imports.ts';

/** The definition: JSON.stringify with a replacer that sorts every object's keys. */
const byReplacer = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

describe('canonicalJson', () => {
  const values: unknown[] = [
    null,
    0,
    -1.5,
    Number.NaN,
    'text "with" \\ quotes\n',
    true,
    [],
    {},
    [1, 'a', null, undefined, () => 1, Number.POSITIVE_INFINITY],
    { b: 1, a: 2, Å: 3, ä: 4, Z: 5, '10': 6, '2': 7, '01': 8, '4294967295': 9, '4294967294': 10 },
    { z: undefined, y: () => 1, x: null, w: [undefined, { d: 1, c: [{ f: 1, e: 2 }] }] },
    { at: new Date(Date.UTC(2026, 11, 7, 12)), dates: [new Date(0), null] },
    { nested: { deeper: { deepest: [[1, 2], [{ b: 'x', a: 'y' }]] } } },
    {
      creating: { row: [2, 3], firstName: ['Anna', 'Åsa'], email: [null, 'a@b.se'] },
      updating: [{ personId: 'p', changes: { unitId: ['a', 'b'], email: [null, 'x'] }, row: 4 }],
    },
  ];

  it('is what JSON.stringify with a key-sorting replacer gives, value for value', () => {
    for (const value of values) expect(canonicalJson(value)).toBe(byReplacer(value));
  });

  it('gives the same text whatever the order the keys were written in', () => {
    expect(canonicalJson({ a: 1, b: { d: [1], c: 2 } })).toBe(canonicalJson({ b: { c: 2, d: [1] }, a: 1 }));
    expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }));
    expect(fingerprint({ a: 1, b: 2 })).not.toBe(fingerprint({ a: 1, b: 3 }));
  });
});
