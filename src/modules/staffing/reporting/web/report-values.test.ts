// The entry form's reading of typed text: Swedish decimals, facts for the rules, and "has anything changed".
import { describe, expect, it } from 'vitest';
import { parseDecimal, sameValues, toFacts, toFormValues } from './report-values.ts';

describe('parseDecimal', () => {
  it('reads a decimal comma, a decimal point and spaces as thousands separators', () => {
    expect(parseDecimal('0,75')).toBe(0.75);
    expect(parseDecimal('0.75')).toBe(0.75);
    expect(parseDecimal('1 234,5')).toBe(1234.5);
    expect(parseDecimal('57\u00a0429')).toBe(57429);
    expect(parseDecimal(',5')).toBe(0.5);
  });

  it('keeps the sign, so the rules can say that a value cannot be negative', () => {
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('−3')).toBe(-3);
  });

  it('reads an empty text as not reported and anything else as invalid', () => {
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('  ')).toBeNull();
    expect(parseDecimal('abc')).toBe('invalid');
    expect(parseDecimal('1,2,3')).toBe('invalid');
    expect(parseDecimal('1.234,5')).toBe('invalid');
    expect(parseDecimal('12 st')).toBe('invalid');
  });
});

describe('toFacts', () => {
  it('turns typed values into facts and reports the texts that are not numbers', () => {
    const { facts, parseErrors } = toFacts(
      {
        'sjukskoterska.headcount': '42',
        'sjukskoterska.worked_fte': '30,75',
        'sjukskoterska.age_headcount.age_30_39': '',
        'sjukskoterska.contracted_fte': 'trettio',
      },
      'Ange ett tal.',
    );
    expect(facts).toEqual([
      { profession: 'sjukskoterska', measure: 'headcount', breakdown: '', value: 42 },
      { profession: 'sjukskoterska', measure: 'worked_fte', breakdown: '', value: 30.75 },
    ]);
    expect(parseErrors).toEqual([{ path: 'sjukskoterska.contracted_fte', message: 'Ange ett tal.' }]);
  });

  it('reads back what toFormValues wrote, in Swedish with a decimal comma', () => {
    const facts = [
      { profession: 'context', measure: 'inhabitants', breakdown: '', value: 57429 },
      { profession: 'arbetsterapeut', measure: 'absence_fte', breakdown: 'other', value: 1.25 },
    ];
    const values = toFormValues(facts, 'sv');
    expect(values['arbetsterapeut.absence_fte.other']).toBe('1,25');
    expect(toFacts(values, '').facts).toEqual(facts);
  });
});

describe('sameValues', () => {
  it('compares numbers, not texts', () => {
    expect(sameValues({ a: '1,5' }, { a: '1.50' })).toBe(true);
    expect(sameValues({ a: '' }, {})).toBe(true);
    expect(sameValues({ a: '1,5' }, { a: '1,6' })).toBe(false);
    expect(sameValues({ a: '2' }, {})).toBe(false);
    expect(sameValues({ a: 'x' }, { a: 'y' })).toBe(false);
  });
});
