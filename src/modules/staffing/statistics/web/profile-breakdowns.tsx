// The municipality's breakdowns beside the region's (age structure, specialties, competences, absence): counts and
// shares in a table, and the shares as a bar chart, so municipalities of different sizes can be compared.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { DataTable } from '../../../../platform/web/components/data-table.tsx';
import { type Cell, type ConfigItemDto, type ProfileDto, SUPPRESSED } from '../../staffing.contracts.ts';
import { MEASURE_BY_KEY } from '../../staffing-measures.ts';
import { ProfileDownloads } from '../../web/download-buttons.tsx';
import { useLang } from '../../web/reporting-format.ts';
import { useStatisticsT } from '../../web/staffing-t.ts';
import { type Breakdown as BreakdownDto, breakdownRows, SHARE_DENOMINATOR } from '../profile-tables.ts';
import { ProfileChart } from './profile-chart.tsx';
import { measureLabel, NOT_REPORTED, useCellFormat } from './statistics-format.ts';

type ProfileBreakdownsProps = {
  profile: ProfileDto;
  items: readonly ConfigItemDto[];
  professionId: string | null;
};

export function ProfileBreakdowns({ profile, items, professionId }: ProfileBreakdownsProps) {
  const st = useStatisticsT();
  const headingId = useId();
  const breakdowns = profile.breakdowns.filter((b) => b.items.length > 0);
  return (
    <Stack gap="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {st('profile.breakdownsTitle')}
      </Title>
      {breakdowns.length === 0 ? (
        <Text>{st('profile.noBreakdowns')}</Text>
      ) : (
        <ProfileDownloads profile={profile} table="breakdowns" />
      )}
      {breakdowns.map((breakdown) => (
        <Breakdown
          key={breakdown.measure}
          profile={profile}
          breakdown={breakdown}
          items={items}
          professionId={professionId}
        />
      ))}
    </Stack>
  );
}

type BreakdownProps = {
  profile: ProfileDto;
  breakdown: BreakdownDto;
  items: readonly ConfigItemDto[];
  professionId: string | null;
};

function Breakdown({ profile, breakdown, items, professionId }: BreakdownProps) {
  const st = useStatisticsT();
  const language = useLang();
  const format = useCellFormat();
  const measure = MEASURE_BY_KEY.get(breakdown.measure);
  const kind = measure?.kind ?? 'persons';
  const title = measureLabel(breakdown.measure, language);
  const name = profile.municipality.name;
  const denominatorKey = SHARE_DENOMINATOR[breakdown.measure];
  const rows = breakdownRows(profile, breakdown, items, professionId, language);
  const percentText = (cell: Cell) =>
    cell === SUPPRESSED ? SUPPRESSED : cell === null ? NOT_REPORTED : format.percent(cell);
  const denominator = denominatorKey ? measureLabel(denominatorKey, language).toLowerCase() : '';

  return (
    <Stack gap="xs">
      <Title order={3}>{title}</Title>
      <ProfileChart
        type="bar"
        caption={
          denominator
            ? st('profile.breakdownChartOf', { measure: title, name, denominator })
            : st('profile.breakdownChart', { measure: title, name })
        }
        name={name}
        rows={rows.map((row) => ({
          label: row.name,
          municipality: row.municipalityShare,
          regionTotal: row.regionShare,
        }))}
        withMedian={false}
        percent
        height={Math.max(160, rows.length * 56)}
        labelWidth={170}
        table={
          <DataTable label={st('profile.breakdownTable', { measure: title, name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('profile.item')}</Table.Th>
                <Table.Th ta="right">{st('profile.municipalityCount', { name })}</Table.Th>
                <Table.Th ta="right">{st('profile.municipalityShare', { name })}</Table.Th>
                <Table.Th ta="right">{st('profile.regionCount')}</Table.Th>
                <Table.Th ta="right">{st('profile.regionShare')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={600}>
                    {row.name}
                  </Table.Th>
                  <Table.Td ta="right">{format.measure(kind, row.municipality)}</Table.Td>
                  <Table.Td ta="right">{percentText(row.municipalityShare)}</Table.Td>
                  <Table.Td ta="right">{format.measure(kind, row.regionTotal)}</Table.Td>
                  <Table.Td ta="right">{percentText(row.regionShare)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        }
      />
    </Stack>
  );
}
