// The comparison's columns in the address bar: what a user can type becomes a valid choice or the default.
import { describe, expect, it } from 'vitest';
import {
  availableColumns,
  chosenColumns,
  columnsFromSearch,
  columnsToSearch,
  DEFAULT_COLUMNS,
  searchColumns,
} from './comparison-columns.ts';

describe('columns in the address bar', () => {
  it('keeps well-formed keys once and drops the rest', () => {
    expect(searchColumns('headcount,vacancy_rate,headcount,<script>,age_headcount.age_60_64')).toBe(
      'headcount,vacancy_rate,age_headcount.age_60_64',
    );
    expect(searchColumns('')).toBeUndefined();
    expect(searchColumns(42)).toBeUndefined();
    expect(searchColumns('none')).toBe('none');
  });

  it('round-trips the default, an empty and a custom choice', () => {
    expect(columnsToSearch([...DEFAULT_COLUMNS].reverse())).toBeUndefined();
    expect(columnsFromSearch(undefined)).toEqual(DEFAULT_COLUMNS);
    expect(columnsFromSearch(columnsToSearch([]))).toEqual([]);
    expect(columnsFromSearch(columnsToSearch(['inhabitants', 'vacancy_rate']))).toEqual([
      'inhabitants',
      'vacancy_rate',
    ]);
  });
});

describe('chosen columns', () => {
  it('come in the offered order, measures before ratios, and only those the comparison has', () => {
    const available = availableColumns(
      { columns: [{ key: 'headcount', label: { sv: 'Antal anställda', en: 'Headcount' }, kind: 'persons' }] },
      'sv',
    );
    const chosen = chosenColumns(available, ['vacancy_rate', 'specialty_headcount.demens', 'headcount']);
    expect(chosen.map((c) => c.key)).toEqual(['headcount', 'vacancy_rate']);
    expect(chosen.map((c) => c.label)).toEqual(['Antal anställda', 'Vakansgrad']);
  });
});
