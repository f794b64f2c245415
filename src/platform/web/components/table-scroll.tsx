// A wide table's horizontal scroll region: focusable and named, so keyboard users can scroll it (axe:
// scrollable-region-focusable) and screen readers announce what it holds.
import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function TableScroll({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" role="region" tabIndex={0} aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

type CaptionedTableProps = TableProps & {
  /** The table's caption, which also names its scroll region. */
  caption: string;
  minWidth: number;
  /** The column headers (null: a column left out). */
  columns: (string | null)[];
  /** The table's body (and foot). */
  children: ReactNode;
};

/** A table in its scroll region, with its caption and a row of column headers; the body is the caller's. */
export function CaptionedTable({ caption, minWidth, columns, children, ...table }: CaptionedTableProps) {
  return (
    <TableScroll minWidth={minWidth} label={caption}>
      <Table {...table}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, i) =>
              column === null ? null : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns are fixed, and two may share a header
                <Table.Th key={i} scope="col">
                  {column}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        {children}
      </Table>
    </TableScroll>
  );
}
