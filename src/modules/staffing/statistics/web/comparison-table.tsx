// The comparison: municipalities as rows, the chosen measures and key ratios as columns, sortable by any column,
// with the region's total and median below. Used signed in (names link to the profile) and in the open statistics.
import { Table, VisuallyHidden } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import { SortableTh, type SortState } from '../../../../platform/web/components/sortable-table.tsx';
import { compareSwedish } from '../../../../platform/web/i18n/format.ts';
import type { Cell, ComparisonDto } from '../../staffing.contracts.ts';
import { useReportingT, useStatisticsT } from '../../web/staffing-t.ts';
import type { ComparisonColumn } from './comparison-columns.ts';
import { cellNumber, useCellFormat } from './statistics-format.ts';
import { MunicipalityRowHeader, NUMERIC_CELL, REGION_ROWS } from './statistics-table.tsx';

type Row = ComparisonDto['rows'][number];
type Direction = 'asc' | 'desc';

const NAME = 'name';
const STATUS = 'status';

type ComparisonTableProps = {
  dto: ComparisonDto;
  columns: readonly ComparisonColumn[];
  label: string;
  /** Signed in, each municipality's name opens its profile; the open statistics have no profiles. */
  withProfileLinks: boolean;
};

export function ComparisonTable({ dto, columns, label, withProfileLinks }: ComparisonTableProps) {
  const rt = useReportingT();
  const st = useStatisticsT();
  const format = useCellFormat();
  const statusText = useCallback((row: Row) => rt(`status.${row.status}`), [rt]);
  const { sorted, sort } = useComparisonSort(dto.rows, columns, statusText);

  const cellText = (column: ComparisonColumn, cell: Cell | undefined) =>
    column.type === 'ratio' ? format.ratio(column.key, cell) : format.measure(column.kind, cell);

  return (
    <DataTable label={label} empty={dto.rows.length === 0}>
      <Table.Thead>
        <Table.Tr>
          <SortableTh column={NAME} label={st('table.municipality')} sort={sort} />
          {columns.map((column) => (
            <SortableTh key={column.key} column={column.key} label={column.label} sort={sort} />
          ))}
          <SortableTh column={STATUS} label={st('table.reportStatus')} sort={sort} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((row) => (
          <Table.Tr key={row.municipalityId}>
            <MunicipalityRowHeader dto={dto} row={row} withProfileLink={withProfileLinks} />
            {columns.map((column) => (
              <Table.Td key={column.key} ta="right" style={NUMERIC_CELL}>
                {cellText(column, rowCell(row, column))}
              </Table.Td>
            ))}
            <Table.Td>{rt(`status.${row.status}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot style={REGION_ROWS}>
        <Table.Tr bg="gray.1">
          <Table.Th scope="row">{st('table.regionTotal')}</Table.Th>
          {columns.map((column) => (
            <Table.Td key={column.key} ta="right" fw={700} style={NUMERIC_CELL}>
              {cellText(column, column.type === 'ratio' ? dto.total.ratios[column.key] : dto.total.values[column.key])}
            </Table.Td>
          ))}
          <Table.Td>
            <VisuallyHidden>{st('table.notApplicable')}</VisuallyHidden>
          </Table.Td>
        </Table.Tr>
        <Table.Tr bg="gray.1">
          <Table.Th scope="row">{st('table.regionMedian')}</Table.Th>
          {columns.map((column) => (
            <Table.Td key={column.key} ta="right" fw={700} style={NUMERIC_CELL}>
              {column.type === 'ratio' ? (
                format.ratio(column.key, dto.median.ratios[column.key])
              ) : (
                <VisuallyHidden>{st('table.notApplicable')}</VisuallyHidden>
              )}
            </Table.Td>
          ))}
          <Table.Td>
            <VisuallyHidden>{st('table.notApplicable')}</VisuallyHidden>
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </DataTable>
  );
}

function rowCell(row: Row, column: ComparisonColumn | undefined): Cell | undefined {
  if (!column) return undefined;
  return column.type === 'ratio' ? row.ratios[column.key] : row.values[column.key];
}

/**
 * Rows in the order of the chosen column: names and statuses the Swedish way, values numerically. Suppressed and
 * missing values always come last, whichever the direction, since they are neither small nor large, only unknown.
 */
function sortRows(
  rows: readonly Row[],
  key: string,
  direction: Direction,
  columns: readonly ComparisonColumn[],
  statusText: (row: Row) => string,
): Row[] {
  const factor = direction === 'asc' ? 1 : -1;
  const byName = (a: Row, b: Row) => compareSwedish(a.name, b.name);
  if (key === NAME) return [...rows].sort((a, b) => byName(a, b) * factor);
  if (key === STATUS)
    return [...rows].sort((a, b) => compareSwedish(statusText(a), statusText(b)) * factor || byName(a, b));
  const column = columns.find((c) => c.key === key);
  return [...rows].sort((a, b) => {
    const x = cellNumber(rowCell(a, column));
    const y = cellNumber(rowCell(b, column));
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * factor || byName(a, b);
  });
}

function useComparisonSort(
  rows: readonly Row[],
  columns: readonly ComparisonColumn[],
  statusText: (row: Row) => string,
): { sorted: Row[]; sort: SortState<string> } {
  const [key, setKey] = useState<string>(NAME);
  const [direction, setDirection] = useState<Direction>('asc');
  const sorted = useMemo(
    () => sortRows(rows, key, direction, columns, statusText),
    [rows, key, direction, columns, statusText],
  );
  const toggle = (next: string) => {
    if (next === key) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setKey(next);
      setDirection('asc');
    }
  };
  return { sorted, sort: { key, direction, toggle } };
}
