// The municipality's key ratios beside the region's total and median: a table, and bar charts of the same values
// (shares in one, the ratios per inhabitants and patients in another, since their scales differ).
import { SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useId } from 'react';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import type { ProfileDto } from '../../staffing.contracts.ts';
import type { RatioDef } from '../../staffing-measures.ts';
import { ProfileDownloads } from '../../web/download-buttons.tsx';
import { useLang } from '../../web/reporting-format.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { type RatioRow, ratioRows } from '../profile-tables.ts';
import { ProfileChart } from './profile-chart.tsx';
import { useCellFormat } from './statistics-format.ts';

export function ProfileRatios({ profile }: { profile: ProfileDto }) {
  const st = useStatisticsT();
  const language = useLang();
  const headingId = useId();
  const name = profile.municipality.name;
  const rows = ratioRows(profile, language);

  const chart = (unit: RatioDef['unit'], caption: string) => {
    const shown = rows.filter((row) => row.unit === unit);
    return (
      <ProfileChart
        type="bar"
        caption={caption}
        name={name}
        rows={shown}
        withMedian
        percent={unit === 'percent'}
        height={Math.max(180, shown.length * 72)}
        labelWidth={190}
      />
    );
  };

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {st('profile.ratiosTitle')}
      </Title>
      <ProfileDownloads profile={profile} table="ratios" />
      <RatioTable label={st('profile.ratiosTable', { name })} rowHeader={st('profile.ratio')} name={name} rows={rows} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        {chart('percent', st('profile.percentChart'))}
        {chart('number', st('profile.numberChart'))}
      </SimpleGrid>
    </Stack>
  );
}

type RatioTableProps = { label: string; rowHeader: string; name: string; rows: readonly RatioRow[] };

/** Key ratios (one per row, or one over the periods) of the municipality, the region's total and its median. */
export function RatioTable({ label, rowHeader, name, rows }: RatioTableProps) {
  const st = useStatisticsT();
  const format = useCellFormat();
  return (
    <DataTable label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{rowHeader}</Table.Th>
          <Table.Th ta="right">{name}</Table.Th>
          <Table.Th ta="right">{st('profile.regionTotal')}</Table.Th>
          <Table.Th ta="right">{st('profile.regionMedian')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={600}>
              {row.label}
            </Table.Th>
            <Table.Td ta="right">{format.ratio(row.ratio, row.municipality)}</Table.Td>
            <Table.Td ta="right">{format.ratio(row.ratio, row.regionTotal)}</Table.Td>
            <Table.Td ta="right">{format.ratio(row.ratio, row.regionMedian)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}
