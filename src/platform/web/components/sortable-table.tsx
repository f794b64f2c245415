// Column sorting for the tables: Swedish order for text, numeric order for numbers, and aria-sort on the header.
import { Table, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { compareSwedish } from '../i18n/format.ts';

type Direction = 'asc' | 'desc';
type SortValue = string | number;

export type SortState<K extends string> = {
  key: K;
  direction: Direction;
  toggle: (key: K) => void;
};

/** Sorts rows by the chosen column; a second click on the same column reverses the order. */
export function useSortedRows<T, K extends string>(
  rows: readonly T[],
  columns: Record<K, (row: T) => SortValue>,
  initialKey: NoInfer<K>,
  initialDirection: Direction = 'asc',
): { sorted: T[]; sort: SortState<K> } {
  const [key, setKey] = useState<K>(initialKey);
  const [direction, setDirection] = useState<Direction>(initialDirection);
  const sorted = useMemo(() => {
    const value = columns[key];
    const factor = direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareSwedish(String(x), String(y));
      return order * factor;
    });
  }, [rows, columns, key, direction]);
  const toggle = (next: K) => {
    if (next === key) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setKey(next);
      setDirection('asc');
    }
  };
  return { sorted, sort: { key, direction, toggle } };
}

type SortableThProps<K extends string> = { column: NoInfer<K>; label: string; sort: SortState<K> };

export function SortableTh<K extends string>({ column, label, sort }: SortableThProps<K>) {
  const active = sort.key === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton onClick={() => sort.toggle(column)} fw={700} fz="sm">
        {label} <span aria-hidden="true">{active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
